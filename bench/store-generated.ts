/**
 * Generated figures written straight into a store, for the national scale where writing 40,000
 * workbooks would measure the disk, not the app: one file record per unit and month, as an
 * import would make, and the units added to the registry for the year.
 */
import type { Database } from '../main/core/store/db';
import { valuesOf } from '../main/core/store/statements';
import { coreName } from '../main/core/registry/load-units';
import type { AnswerKeyValue, GenUnit } from '../tools/generate/generate';
import { foldCase } from '../main/core/text/clean-text';

/** Units the registry does not know (the generator's made-up national ones) are added for the year, with their names. */
export function registerUnits(db: Database, units: GenUnit[], year: number): Map<string, number> {
  const unitId = new Map<string, number>();
  const findUnit = db.prepare('SELECT id FROM units WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)');
  // One made-up province for them all: the checks and the export take the provinces the returns came from.
  const addUnit = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, valid_to, source) VALUES (?, ?, ?, 'district', NULL, 'bench', ?, NULL, 'bench')`);
  const addName = db.prepare(`INSERT OR IGNORE INTO unit_names (unit_id, name, folded, source) VALUES (?, ?, ?, 'alias')`);
  db.transaction(() => {
    for (const u of units) {
      const found = findUnit.get(u.code, `${year}-01-01`, `${year}-01-01`) as { id: number } | undefined;
      const id = found?.id ?? Number(addUnit.run(u.code, u.name, u.type, `${year}-01-01`).lastInsertRowid);
      if (!found) for (const n of [u.name, coreName(u.name)]) addName.run(id, n, foldCase(n));
      unitId.set(u.code, id);
    }
  })();
  return unitId;
}

/** Figure rows per INSERT, as the importer writes them (store/queries/figures.ts): a shared store pays a round trip per statement. */
const ROWS = 32;

export function storeGenerated(db: Database, units: GenUnit[], values: AnswerKeyValue[], year: number): void {
  const unitId = registerUnits(db, units, year);
  db.transaction(() => {
    const fileId = new Map<string, number>();
    const periods = new Set<string>();
    const addFile = db.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome, unit_id, layout) VALUES (?, ?, ?, 0, ?, ?, 'imported', ?, 'bench')`);
    const addPeriod = db.prepare('INSERT OR IGNORE INTO file_periods (file_id, period) VALUES (?, ?)');
    const insert = (rows: number) => db.prepare(`INSERT INTO figures (file_id, unit_id, subunit, period, indicator, measure, role, value, raw, label, sheet, cell) VALUES ${valuesOf(rows, 12)}`);
    const many = insert(ROWS);
    let pending: unknown[] = [];
    for (const v of values) {
      const period = `${v.year}-${String(v.month).padStart(2, '0')}`;
      let fid = fileId.get(v.file);
      if (fid === undefined) {
        const at = `${period}-20T08:00:00.000Z`;
        fid = Number(addFile.run(`bench-${v.file}`, v.file, v.file, at, at, unitId.get(v.unit)).lastInsertRowid);
        fileId.set(v.file, fid);
      }
      if (!periods.has(`${fid} ${period}`)) {
        periods.add(`${fid} ${period}`);
        addPeriod.run(fid, period);
      }
      pending.push(fid, unitId.get(v.unit), v.commune, period, v.indicator, v.column, v.commune ? 'subunit' : 'value', v.value, String(v.value), v.indicator, v.sheet, v.cell);
      if (pending.length === ROWS * 12) {
        many.run(pending);
        pending = [];
      }
    }
    if (pending.length > 0) insert(pending.length / 12).run(pending);
  })();
}
