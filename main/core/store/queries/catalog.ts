/**
 * The catalog as the store holds it (issue 14): the shipped catalog seeded as its first version,
 * the office's own indicators, aliases and relations beside it, retired ones kept but not used.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import type { CatalogFile, CatalogIndicator, CatalogRelation } from '../../../../shared/catalog';
import type { IndicatorKind } from '../../../../shared/types';
import { stmt } from '../statements';

/**
 * The shipped catalog, where the office has not made a row its own; the office's rows stay as they
 * are. Once per version of the file: a start with the same file writes nothing (on a shared store
 * the rewrite was a write transaction at every desk's start, and told every other desk of a change).
 */
export function seedShippedCatalog(db: Database, catalog: CatalogFile): void {
  const version = catalogVersion(catalog);
  if (stmt(db, "SELECT value FROM settings WHERE key = 'catalog-version'").pluck().get() === version) return;
  db.transaction(() => {
    const group = db.prepare(`INSERT INTO indicator_groups (code, name, sort) VALUES (?, ?, ?)
      ON CONFLICT(code) DO UPDATE SET name = excluded.name, sort = excluded.sort WHERE indicator_groups.origin = 'shipped'`);
    catalog.groups.forEach((g, i) => group.run(g.code, g.name, i));
    const ind = db.prepare(`INSERT INTO indicators (code, name, unit, kind, group_code, parent_code, decimals, sort)
      VALUES (@code, @name, @unit, @kind, @group, NULL, @decimals, @sort)
      ON CONFLICT(code) DO UPDATE SET name = excluded.name, unit = excluded.unit, kind = excluded.kind,
        group_code = excluded.group_code, decimals = excluded.decimals, sort = excluded.sort WHERE indicators.origin = 'shipped'`);
    catalog.indicators.forEach((i, sort) => ind.run({ code: i.code, name: i.name, unit: i.unit, kind: i.kind, group: i.group, decimals: i.decimals || i.kind === 'rate' ? 1 : 0, sort }));
    const parent = db.prepare("UPDATE indicators SET parent_code = ? WHERE code = ? AND origin = 'shipped'");
    for (const i of catalog.indicators) parent.run(i.parent ?? null, i.code);
    db.prepare("DELETE FROM indicator_aliases WHERE origin = 'shipped'").run();
    const alias = db.prepare('INSERT OR IGNORE INTO indicator_aliases (indicator_code, alias) VALUES (?, ?)');
    for (const i of catalog.indicators) for (const a of i.aliases) alias.run(i.code, a);
    db.prepare("DELETE FROM indicator_relations WHERE origin = 'shipped'").run();
    const rel = db.prepare('INSERT INTO indicator_relations (spec) VALUES (?)');
    for (const r of catalog.relations) rel.run(JSON.stringify(r));
    db.prepare("INSERT INTO settings (key, value) VALUES ('catalog-version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(version);
  })();
}

interface IndicatorRow { code: string; name: string; unit: string; kind: IndicatorKind; group_code: string; parent_code: string | null; decimals: number }

/** Names this version of the shipped catalog (kept in settings, and in a store template's name). */
export function catalogVersion(catalog: CatalogFile): string {
  return createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
}

/** The catalog in use: groups and indicators in their order, retired ones left out; the shipped file gives what the store has no column for. */
export function catalogFromStore(db: Database, shipped: CatalogFile): CatalogFile {
  const extra = new Map(shipped.indicators.map((i) => [i.code, i]));
  const aliases = new Map<string, string[]>();
  for (const a of stmt(db, 'SELECT indicator_code AS code, alias FROM indicator_aliases ORDER BY rowid').all() as { code: string; alias: string }[]) {
    (aliases.get(a.code) ?? aliases.set(a.code, []).get(a.code)!).push(a.alias);
  }
  const indicators = (stmt(db, 'SELECT code, name, unit, kind, group_code, parent_code, decimals FROM indicators WHERE retired_at IS NULL ORDER BY sort, code').all() as IndicatorRow[])
    .map((r): CatalogIndicator => {
      const s = extra.get(r.code);
      return {
        code: r.code, name: r.name, unit: r.unit, kind: r.kind, group: r.group_code, aliases: aliases.get(r.code) ?? [],
        ...(r.parent_code ? { parent: r.parent_code } : {}), ...(r.decimals ? { decimals: true } : {}),
        ...(s?.rate ? { rate: s.rate } : {}), ...(s?.unitAliases ? { unitAliases: s.unitAliases } : {}),
      };
    });
  const live = new Set(indicators.map((i) => i.code));
  const relations = (stmt(db, 'SELECT spec FROM indicator_relations WHERE retired_at IS NULL ORDER BY id').pluck().all() as string[])
    .map((s) => JSON.parse(s) as CatalogRelation).filter((r) => codesOf(r).every((c) => live.has(c)));
  const groups = stmt(db, 'SELECT code, name FROM indicator_groups ORDER BY sort, code').all() as { code: string; name: string }[];
  return { groups, indicators, relations };
}

function codesOf(r: CatalogRelation): string[] {
  if ('total' in r) return [r.total, ...r.parts];
  if ('rate' in r) return [r.rate, r.numerator, r.denominator];
  return [r.child, r.parent];
}

export interface NewIndicator { code: string; name: string; unit: string; kind: IndicatorKind; group: string; parent?: string | null; decimals?: boolean }

export function insertOfficeIndicator(db: Database, i: NewIndicator): void {
  const sort = (stmt(db, 'SELECT coalesce(max(sort), 0) + 1 FROM indicators').pluck().get() as number);
  stmt(db, `INSERT INTO indicators (code, name, unit, kind, group_code, parent_code, decimals, sort, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'office')`)
    .run(i.code, i.name, i.unit, i.kind, i.group, i.parent ?? null, i.decimals || i.kind === 'rate' ? 1 : 0, sort);
}

export function insertOfficeGroup(db: Database, code: string, name: string): void {
  const sort = (stmt(db, 'SELECT coalesce(max(sort), 0) + 1 FROM indicator_groups').pluck().get() as number);
  stmt(db, "INSERT INTO indicator_groups (code, name, sort, origin) VALUES (?, ?, ?, 'office')").run(code, name, sort);
}

export function groupExists(db: Database, code: string): boolean {
  return stmt(db, 'SELECT 1 FROM indicator_groups WHERE code = ?').get(code) !== undefined;
}

export function indicatorRow(db: Database, code: string): { name: string; retired: boolean } | undefined {
  const r = stmt(db, 'SELECT name, retired_at FROM indicators WHERE code = ?').get(code) as { name: string; retired_at: string | null } | undefined;
  return r ? { name: r.name, retired: r.retired_at !== null } : undefined;
}

/** A rename makes the row the office's: the shipped catalog no longer overwrites it. */
export function renameIndicator(db: Database, code: string, name: string): void {
  stmt(db, "UPDATE indicators SET name = ?, origin = 'office' WHERE code = ?").run(name, code);
}

export function retireIndicator(db: Database, code: string, at: string): void {
  stmt(db, "UPDATE indicators SET retired_at = ?, origin = 'office' WHERE code = ?").run(at, code);
}

export function insertOfficeAlias(db: Database, code: string, alias: string): void {
  stmt(db, "INSERT OR IGNORE INTO indicator_aliases (indicator_code, alias, origin) VALUES (?, ?, 'office')").run(code, alias);
}

export function insertOfficeRelation(db: Database, relation: CatalogRelation): void {
  stmt(db, "INSERT INTO indicator_relations (spec, origin) VALUES (?, 'office')").run(JSON.stringify(relation));
}
