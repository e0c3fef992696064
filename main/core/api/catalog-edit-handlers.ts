/**
 * The catalog as the office's data (issue 14): add, alias, relate, rename and retire indicators,
 * each change one transaction with its audit entry; matching, the rules and the export then read
 * the changed catalog, and the store is checked again under it.
 */
import type { Api } from '../../../shared/api';
import type { CatalogRelation } from '../../../shared/catalog';
import { appendAudit } from '../store/queries/audit';
import {
  groupExists, indicatorRow, insertOfficeAlias, insertOfficeGroup, insertOfficeIndicator, insertOfficeRelation,
  renameIndicator, retireIndicator,
} from '../store/queries/catalog';
import type { CoreContext } from './context';

type CatalogEdits = Pick<Api, 'addIndicator' | 'aliasIndicator' | 'relateIndicators' | 'renameIndicator' | 'retireIndicator'>;

export function catalogEditHandlers(ctx: CoreContext): CatalogEdits {
  const { db, now } = ctx;
  /** One change: its rows and its audit entry together, then the catalog read again and the store checked under it. */
  const change = async <T>(fn: (at: string) => T): Promise<T> => {
    const out = db.transaction(() => fn(now()))();
    ctx.refreshCatalog();
    await ctx.checker.full();
    return out;
  };
  const live = (code: string) => {
    const row = indicatorRow(db, code);
    if (!row || row.retired) throw new Error(`Không có chỉ tiêu mã “${code}” trong danh mục`);
    return row;
  };
  return {
    async addIndicator({ code, name, unit, kind, group, groupName, parent, aliases, user }) {
      if (indicatorRow(db, code)) throw new Error(`Đã có chỉ tiêu mã “${code}” trong danh mục`);
      if (parent) live(parent);
      if (!groupExists(db, group) && !groupName) throw new Error(`Chưa có nhóm “${group}”: hãy ghi cả tên nhóm`);
      return change((at) => {
        if (!groupExists(db, group)) {
          insertOfficeGroup(db, group, groupName!);
          appendAudit(db, { at, user, action: 'catalog-add-group', target: group, oldValue: null, newValue: groupName!, reason: null });
        }
        insertOfficeIndicator(db, { code, name, unit, kind, group, parent: parent ?? null });
        for (const a of aliases ?? []) insertOfficeAlias(db, code, a);
        appendAudit(db, { at, user, action: 'catalog-add-indicator', target: code, oldValue: null, newValue: JSON.stringify({ name, unit, kind, group, parent: parent ?? null, aliases: aliases ?? [] }), reason: null });
        return { code };
      });
    },
    async aliasIndicator({ code, alias, user }) {
      live(code);
      return change((at) => {
        insertOfficeAlias(db, code, alias);
        appendAudit(db, { at, user, action: 'catalog-alias', target: code, oldValue: null, newValue: alias, reason: null });
        return { code };
      });
    },
    async relateIndicators({ relation, user }) {
      for (const c of codesOf(relation)) live(c);
      await change((at) => {
        insertOfficeRelation(db, relation);
        appendAudit(db, { at, user, action: 'catalog-relate', target: codesOf(relation).join(','), oldValue: null, newValue: JSON.stringify(relation), reason: null });
      });
      return { relations: ctx.catalog.relations.length };
    },
    async renameIndicator({ code, name, user }) {
      const row = live(code);
      return change((at) => {
        renameIndicator(db, code, name);
        appendAudit(db, { at, user, action: 'catalog-rename', target: code, oldValue: row.name, newValue: name, reason: null });
        return { code };
      });
    },
    async retireIndicator({ code, reason, user }) {
      live(code);
      return change((at) => {
        retireIndicator(db, code, at);
        appendAudit(db, { at, user, action: 'catalog-retire', target: code, oldValue: null, newValue: null, reason });
        return { code };
      });
    },
  };
}

function codesOf(r: CatalogRelation): string[] {
  if ('total' in r) return [r.total, ...r.parts];
  if ('rate' in r) return [r.rate, r.numerator, r.denominator];
  return [r.child, r.parent];
}
