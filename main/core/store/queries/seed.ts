/** Loads the editable catalog and the official unit lists into the store (idempotent). */
import type { Database } from '../db';
import type { CatalogFile } from '../../../../shared/catalog';
import { seedShippedCatalog } from './catalog';
import { foldCase } from '../../text/clean-text';
import type { UnitSpec } from '../../registry/load-units';
import { coreName } from '../../registry/load-units';

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
    const upsert = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, valid_to, source)
      VALUES (@code, @name, @type, @level, @parentCode, @provinceCode, @validFrom, @validTo, @source)
      ON CONFLICT(code, valid_from) DO UPDATE SET name = excluded.name, type = excluded.type, level = excluded.level,
        parent_code = excluded.parent_code, province_code = excluded.province_code, valid_to = excluded.valid_to, source = excluded.source`);
    for (const { key: _k, successorKeys: _s, ...u } of units) upsert.run(u);
    const idOf = db.prepare('SELECT id FROM units WHERE code = ? AND valid_from = ?');
    const ids = new Map(units.map((u) => [u.key, (idOf.get(u.code, u.validFrom) as { id: number }).id]));
    const succ = db.prepare('INSERT OR IGNORE INTO unit_successors (unit_id, successor_id) VALUES (?, ?)');
    for (const u of units) for (const s of u.successorKeys) { const to = ids.get(s); if (to) succ.run(ids.get(u.key), to); }
    const name = db.prepare('INSERT OR IGNORE INTO unit_names (unit_id, name, folded, source) VALUES (?, ?, ?, ?)');
    for (const u of units) {
      const id = ids.get(u.key);
      name.run(id, u.name, foldCase(u.name), 'official');
      name.run(id, coreName(u.name), foldCase(coreName(u.name)), 'alias');
    }
  })();
}

/**
 * Seeds the units once per registry version: the whole country's lists take a third of a second
 * to read and more to write, which a start with an unchanged registry need not pay.
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
