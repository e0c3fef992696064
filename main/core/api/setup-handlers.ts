/** The office's set-up: read it (with the provinces to choose from), save it, every change on the audit log. */
import type { Api, Args } from '../../../shared/api';
import type { SetupState } from '../../../shared/types';
import { appendAudit } from '../store/queries/audit';
import { provinceNodes, provinceOfReturns, writeSetting } from '../store/queries/settings';
import type { CoreContext } from './context';
import type { StoredSetup } from './office';
import { latestProvince, provinceChoices, resolveSetup, storedSetup } from './office';

const FIELDS = ['province', 'agency', 'office', 'place', 'signerAuthority', 'signerTitle', 'signer', 'preparer', 'recipients'] as const;

export function setupHandlers(ctx: CoreContext): Pick<Api, 'getSetup' | 'saveSetup'> {
  const { db, now } = ctx;

  const state = (): SetupState => {
    const stored = storedSetup(db);
    const returns = stored ? null : provinceOfReturns(db);
    const proposed = returns ? { ...returns, name: latestProvince(provinceNodes(db), returns.province)?.name ?? returns.province } : null;
    return {
      configured: stored !== null,
      setup: stored ? resolveSetup(db, stored, ctx.resourcesDir) : null,
      proposed,
      provinces: provinceChoices(db),
    };
  };

  return {
    async getSetup() {
      return state();
    },
    async saveSetup(args: Args<'saveSetup'>) {
      if (!latestProvince(provinceNodes(db), args.province)) throw new Error(`Không có tỉnh, thành phố nào mã “${args.province}” trong danh mục`);
      const before = storedSetup(db);
      const old = before ? resolveSetup(db, before, ctx.resourcesDir) : null;
      const { user, ...given } = args;
      // A province change starts from that province's defaults, unless the person typed new values.
      const base: StoredSetup = before && before.province === args.province ? { ...before } : { province: args.province };
      const next: StoredSetup = { ...base, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)), province: args.province };
      delete next.migrated;
      const resolved = resolveSetup(db, next, ctx.resourcesDir);
      db.transaction(() => {
        writeSetting(db, 'setup', next);
        const at = now();
        for (const f of FIELDS) {
          const a = old ? JSON.stringify(old[f]) : null;
          const b = JSON.stringify(resolved[f]);
          if (a !== b) appendAudit(db, { at, user, action: 'setup', target: f, oldValue: a, newValue: b, reason: old ? null : 'thiết lập lần đầu' });
        }
      })();
      return state();
    },
  };
}
