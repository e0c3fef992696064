/** Loads the editable catalog and the official unit lists into the store (idempotent). */
import type { Database } from 'better-sqlite3';
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
    const upsert = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, valid_from, valid_to, source)
      VALUES (@code, @name, @type, @level, @parentCode, @validFrom, @validTo, @source)
      ON CONFLICT(code, valid_from) DO UPDATE SET name = excluded.name, type = excluded.type, level = excluded.level,
        parent_code = excluded.parent_code, valid_to = excluded.valid_to, source = excluded.source`);
    for (const u of units) upsert.run(u);
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
