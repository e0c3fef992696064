/** The check, the flag queue, a reviewer's decisions, effective values and the audit log. */
import type { Api } from '../../../shared/api';
import type { Flag } from '../../../shared/types';
import { effectiveValue } from '../review/effective-value';
import { reopenFlag, resolveFlag } from '../review/resolve-flag';
import { listAudit, verifyAudit } from '../store/queries/audit';
import { countFlagTotals, getFlag, listFlags } from '../store/queries/flags';
import type { CoreContext } from './context';

export function reviewHandlers(ctx: CoreContext): Pick<Api, 'checkFlags' | 'listFlags' | 'countFlags' | 'resolveFlag' | 'getEffective' | 'listAudit' | 'reopenFlag' | 'verifyAudit'> {
  const { db, checker, now } = ctx;
  return {
    async checkFlags() {
      return checker.full();
    },
    async listFlags(args) {
      return listFlags(db, args);
    },
    async countFlags(args) {
      return countFlagTotals(db, args);
    },
    async resolveFlag(args) {
      const unit = resolveFlag(db, args, now());
      // Accepting changes no figure: the flags stand, only their status moves.
      const summary = await (args.action === 'accept' ? checker.units([]) : checker.units([unit], true));
      // One flag by its id, not the whole queue (100,000 flags take seconds to read).
      const flag = getFlag(db, args.flagId);
      return { flag: flag ? withoutSignature(flag) : null, summary };
    },
    async getEffective(args) {
      return effectiveValue(db, args);
    },
    async listAudit() {
      return listAudit(db);
    },
    async reopenFlag(args) {
      reopenFlag(db, args, now());
      // No figure changes: the flags stand, only this one's status moves.
      const flag = getFlag(db, args.flagId);
      return { flag: flag ? withoutSignature(flag) : null, summary: await checker.units([]) };
    },
    async verifyAudit() {
      return verifyAudit(db);
    },
  };
}

/** The signature is the store's business (it ties a resolution to the figures it saw). */
function withoutSignature({ signature: _s, ...flag }: Flag & { signature: string }): Flag {
  return flag;
}
