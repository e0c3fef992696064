/** Loads the editable catalog and the official unit lists into the store (idempotent). */
import type { Database } from '../db';
import { valuesOf } from '../statements';
import type { CatalogFile } from '../../../../shared/catalog';
import { seedShippedCatalog } from './catalog';
import type { UnitSpec } from '../../registry/load-units';
import { coreName } from '../../registry/load-units';
import { nameForms } from './units';

/** The shipped catalog into the store (store/queries/catalog.ts keeps the office's own rows). */
export function seedCatalog(db: Database, catalog: CatalogFile): void {
  seedShippedCatalog(db, catalog);
}

/**
 * Brings the units table in line with the registry: new units and versions are added, the validity
 * of existing ones follows the lists; ids never change, so figures keep pointing at their unit.
 */
export function seedUnits(db: Database, units: UnitSpec[]): void {
  db.transaction(() => {
    // Many rows per statement (a shared store pays a round trip per statement); RETURNING names
    // each row's id by its key, whether the row is new or updated, never by its place in the answer.
    const ids = new Map<string, number>();
    for (const chunk of chunks(units, 500)) {
      const rows = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, valid_to, source)
        VALUES ${valuesOf(chunk.length, 9)}
        ON CONFLICT(code, valid_from) DO UPDATE SET name = excluded.name, type = excluded.type, level = excluded.level,
          parent_code = excluded.parent_code, province_code = excluded.province_code, valid_to = excluded.valid_to, source = excluded.source
        RETURNING id, code, valid_from`).all(chunk.flatMap((u) => [u.code, u.name, u.type, u.level, u.parentCode, u.provinceCode, u.validFrom, u.validTo, u.source])) as { id: number; code: string; valid_from: string }[];
      const byCode = new Map(rows.map((r) => [`${r.code}\0${r.valid_from}`, r.id]));
      for (const u of chunk) ids.set(u.key, byCode.get(`${u.code}\0${u.validFrom}`)!);
    }
    const links = units.flatMap((u) => u.successorKeys.map((s) => [ids.get(u.key), ids.get(s)]).filter(([, to]) => to !== undefined));
    for (const chunk of chunks(links, 1000)) {
      db.prepare(`INSERT OR IGNORE INTO unit_successors (unit_id, successor_id) VALUES ${valuesOf(chunk.length, 2)}`).run(chunk.flat());
    }
    const names = units.flatMap((u) => {
      const id = ids.get(u.key);
      const core = coreName(u.name);
      return [[id, ...nameForms(u.name), 'official'], [id, ...nameForms(core), 'alias']];
    });
    for (const chunk of chunks(names, 1000)) {
      db.prepare(`INSERT OR IGNORE INTO unit_names (unit_id, name, folded, ascii, source) VALUES ${valuesOf(chunk.length, 5)}`).run(chunk.flat());
    }
  })();
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Seeds the units once per registry version: the whole country's lists take a third of a second
 * to read and more to write, which a start with an unchanged registry need not pay. (A new SQLite
 * store begins as a copy of one already seeded: store/store-template.ts.)
 */
export function seedUnitsOnce(db: Database, version: string, load: () => UnitSpec[]): boolean {
  const seeded = db.prepare("SELECT value FROM settings WHERE key = 'registry-version'").pluck().get() as string | undefined;
  if (seeded === version) return false;
  db.transaction(() => {
    seedUnits(db, load());
    db.prepare("INSERT INTO settings (key, value) VALUES ('registry-version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(version);
  })();
  return true;
}
