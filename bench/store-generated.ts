/**
 * Generated figures written straight into a store, for the national scale where writing 40,000
 * workbooks would measure the disk, not the app: one file record per unit and month, as an
 * import would make, and the units added to the registry for the year.
 */
import type { Database } from '../main/core/store/db';
import { FIGURE_COLUMNS } from '../main/core/store/queries/figures';
import { insertRows } from '../main/core/store/statements';
import { coreName } from '../main/core/registry/load-units';
import type { AnswerKeyValue, GenUnit } from '../tools/generate/generate';
import { nameForms } from '../main/core/store/queries/units';

/** Units the registry does not know (the generator's made-up national ones) are added for the year, with their names. */
export function registerUnits(db: Database, units: GenUnit[], year: number): Map<string, number> {
  const unitId = new Map<string, number>();
  const findUnit = db.prepare('SELECT id FROM units WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)');
  // One made-up province for them all: the checks and the export take the provinces the returns came from.
  const addUnit = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, valid_to, source) VALUES (?, ?, ?, 'district', NULL, 'bench', ?, NULL, 'bench')`);
  const addName = db.prepare(`INSERT OR IGNORE INTO unit_names (unit_id, name, folded, ascii, source) VALUES (?, ?, ?, ?, 'alias')`);
  db.transaction(() => {
    for (const u of units) {
      const found = findUnit.get(u.code, `${year}-01-01`, `${year}-01-01`) as { id: number } | undefined;
      const id = found?.id ?? Number(addUnit.run(u.code, u.name, u.type, `${year}-01-01`).lastInsertRowid);
      if (!found) for (const n of [u.name, coreName(u.name)]) addName.run(id, ...nameForms(n));
      unitId.set(u.code, id);
    }
  })();
  return unitId;
}

/** Files per INSERT ... RETURNING: the bench writes a year of files at once, not one file a transaction as an import does. */
const FILES_PER_INSERT = 1000;

/** The figures of one file at a time, as the importer writes them (store/queries/figures.ts: COPY on PostgreSQL, many rows an INSERT on SQLite). */
export function storeGenerated(db: Database, units: GenUnit[], values: AnswerKeyValue[], year: number): void {
  const unitId = registerUnits(db, units, year);
  const byFile = new Map<string, AnswerKeyValue[]>();
  for (const v of values) {
    const list = byFile.get(v.file);
    if (list) list.push(v);
    else byFile.set(v.file, [v]);
  }
  const periodOf = (v: AnswerKeyValue) => `${v.year}-${String(v.month).padStart(2, '0')}`;
  db.transaction(() => {
    const files = [...byFile.values()];
    for (let i = 0; i < files.length; i += FILES_PER_INSERT) {
      const chunk = files.slice(i, i + FILES_PER_INSERT);
      const rows = chunk.map((vs) => {
        const v = vs[0]!;
        const at = `${periodOf(v)}-20T08:00:00.000Z`;
        return [`bench-${v.file}`, v.file, v.file, at, at, unitId.get(v.unit)];
      });
      const values = Array<string>(rows.length).fill("(?, ?, ?, 0, ?, ?, 'imported', ?, 'bench')").join(', ');
      const ids = new Map((db.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome, unit_id, layout) VALUES ${values} RETURNING id, sha256`)
        .all(rows.flat()) as { id: number; sha256: string }[]).map((r) => [r.sha256, r.id]));
      const fp: unknown[][] = []; const fg: unknown[][] = [];
      for (const vs of chunk) {
        const fid = ids.get(`bench-${vs[0]!.file}`)!;
        const uid = unitId.get(vs[0]!.unit);
        fp.push(...[...new Set(vs.map(periodOf))].map((p) => [fid, p]));
        fg.push(...vs.map((v) => [fid, uid, v.commune, null, periodOf(v), v.indicator, v.column, v.commune ? 'subunit' : 'value', v.value, String(v.value), null, 0, v.indicator, v.sheet, v.cell]));
      }
      insertRows(db, 'file_periods', ['file_id', 'period'], fp);
      insertRows(db, 'figures', FIGURE_COLUMNS, fg);
    }
  })();
}
