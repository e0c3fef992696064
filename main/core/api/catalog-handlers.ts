/** The catalog and the registry as the UI sees them, and the labels waiting for a person to map. */
import { CodedError } from '../../../shared/errors';
import type { Api } from '../../../shared/api';
import { normalizeLabel } from '../catalog/normalize-label';
import { appendAudit } from '../store/queries/audit';
import { listUnits } from '../store/queries/units';
import { applyMapping, latestMappingId, latestMappings, listUnmapped, unitsWaitingOn } from '../store/queries/unmapped';
import type { CoreContext } from './context';
import { officeProvinceCodes } from './office';
import { provincesOfReturns } from '../store/queries/settings';

export function catalogHandlers(ctx: CoreContext): Pick<Api, 'listIndicators' | 'listUnits' | 'listUnmapped' | 'mapLabel' | 'listLabelMappings'> {
  const { db, catalog, lex, checker, now } = ctx;
  return {
    async listIndicators() {
      const groups = new Map(catalog.groups.map((g) => [g.code, g.name]));
      return catalog.indicators.map((i, sort) => ({
        code: i.code, name: i.name, unit: i.unit, kind: i.kind, group: i.group, groupName: groups.get(i.group) ?? i.group, parent: i.parent ?? null,
        decimals: Boolean(i.decimals) || i.kind === 'rate', rate: i.rate ?? null, sort,
      }));
    },
    async listUnits({ at }) {
      // The office's units once it has chosen its province; before, those of the provinces its returns
      // came from; the whole country in a store with neither.
      const returns = provincesOfReturns(db);
      return listUnits(db, at, officeProvinceCodes(db, at) ?? (returns.length ? returns : null));
    },
    async listUnmapped() {
      return listUnmapped(db);
    },
    async listLabelMappings({ normalized }) {
      return latestMappings(db, normalized);
    },
    async mapLabel({ label, indicator, user }) {
      if (!catalog.indicators.some((i) => i.code === indicator)) throw new CodedError('not-found', `Không có chỉ tiêu mã “${indicator}” trong danh mục`);
      const folded = normalizeLabel(label, lex).text;
      const touched = unitsWaitingOn(db, folded);
      const figuresAdded = db.transaction(() => {
        const at = now();
        const added = applyMapping(db, label, folded, indicator, user, at);
        const id = latestMappingId(db, folded);
        appendAudit(db, {
          at, user, action: 'map-label', target: label, oldValue: null, newValue: indicator, reason: `${added} số liệu được nhập theo ánh xạ này`,
          indicator, detail: { label, figuresAdded: added }, decision: id !== undefined ? { table: 'label_mappings', id } : null,
        });
        return added;
      })();
      await checker.units(touched);
      return { label, indicator, figuresAdded };
    },
  };
}
