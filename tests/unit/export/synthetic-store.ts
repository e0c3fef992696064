/** A store in memory with the real catalog and unit registry, and figures written by hand. */
import type { Database } from '../../../main/core/store/db';
import type { CatalogFile } from '../../../shared/catalog';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { loadUnits } from '../../../main/core/registry/load-units';
import { openDb } from '../../../main/core/store/open-db';
import { seedCatalog, seedUnits } from '../../../main/core/store/queries/seed';

export interface SyntheticStore {
  db: Database;
  catalog: CatalogFile;
  /** A file of a unit's return; returns its id. */
  file(name: string, unit: string): number;
  /** One of the unit's own figures in a file; returns its id. */
  figure(fileId: number, unit: string, period: string, indicator: string, value: number, opts?: { measure?: 'period' | 'ytd'; cell?: string; role?: 'value' | 'total' | 'subunit'; subunit?: string }): number;
}

export function syntheticStore(): SyntheticStore {
  const db = openDb(':memory:');
  const { catalog } = loadCatalog();
  seedCatalog(db, catalog);
  seedUnits(db, loadUnits());
  const unitId = (code: string) => (db.prepare(`SELECT id FROM units WHERE code = ? AND level = 'district' ORDER BY valid_from LIMIT 1`).get(code) as { id: number }).id;
  let n = 0;
  return {
    db, catalog,
    file(name, unit) {
      return Number(db.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome, unit_id)
        VALUES (?, ?, ?, 1, '2023-07-01T00:00:00Z', '2023-07-01T00:00:00Z', 'imported', ?)`).run(`sha-${++n}`, name, `/in/${name}`, unitId(unit)).lastInsertRowid);
    },
    figure(fileId, unit, period, indicator, value, opts = {}) {
      return Number(db.prepare(`INSERT INTO figures (file_id, unit_id, subunit, period, indicator, measure, role, value, raw, label, sheet, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BC', ?)`).run(fileId, unitId(unit), opts.subunit ?? null, period, indicator, opts.measure ?? 'period',
        opts.role ?? 'value', value, String(value), indicator, opts.cell ?? `D${++n}`).lastInsertRowid);
    },
  };
}
