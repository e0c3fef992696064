/** The store's figures as the rules see them: effective values (after corrections) with their cells. */
import type { Database } from 'better-sqlite3';
import type { RuleFigure } from '../reconcile/types';
import { stmt } from '../store/statements';

interface FileInfo { name: string; importedAt: string; superseded: boolean }

/**
 * Figures come back as arrays (no per-row object from the driver), without the file and unit
 * columns, which are few and read once; corrections, also few, are read once and applied here.
 * `peerValues`: only what the outlier rule compares across units (units' own within-month figures,
 * without their cells), for a re-check that comes before any full check in this process.
 */
export function loadRuleFigures(db: Database, units?: string[], peerValues = false): RuleFigure[] {
  // For some units (a re-check), only their files, units and corrections: a nation has 40,000 files.
  const ids = units ? `SELECT id FROM units WHERE code IN (SELECT value FROM json_each(?))` : null;
  const args = units ? [JSON.stringify(units)] : [];
  const files = new Map((stmt(db, `SELECT id, name, imported_at, superseded_by IS NOT NULL FROM files WHERE outcome = 'imported'${ids ? ` AND unit_id IN (${ids})` : ''}`).raw(true).all(...args) as [number, string, string, number][])
    .map(([id, name, importedAt, superseded]) => [id, { name, importedAt, superseded: superseded === 1 } satisfies FileInfo]));
  const unitRows = stmt(db, `SELECT id, code, name FROM units${ids ? ` WHERE id IN (${ids})` : ''}`).raw(true).all(...args) as [number, string, string][];
  const unitsById = new Map(unitRows.map(([id, code, name]) => [id, { code, name }]));
  const corrected = new Map(stmt(db, `SELECT figure_id, value FROM corrections${ids ? ` WHERE figure_id IN (SELECT id FROM figures WHERE unit_id IN (${ids}))` : ''} ORDER BY id`).raw(true).all(...args) as [number, number][]);
  const conditions = [...(ids ? [`unit_id IN (${ids})`] : []), ...(peerValues ? ["role = 'value'", 'subunit IS NULL', "measure = 'period'"] : [])];
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const cells = peerValues ? "'', ''" : 'sheet, cell';
  // The text as typed is not read: no rule needs it, and it is a tenth of a million-figure load.
  const rows = stmt(db, `SELECT id, file_id, unit_id, subunit, period, indicator, measure, role, value, ${cells} FROM figures ${where}`).raw(true).iterate(...args) as Iterable<unknown[]>;
  // Row by row (not .all()), and the few distinct texts shared: a million figures hold one copy of each.
  const text = interner();
  const out: RuleFigure[] = [];
  for (const r of rows) {
    const file = files.get(r[1] as number);
    const unit = unitsById.get(r[2] as number);
    if (!file || !unit) continue;
    out.push({
      id: r[0] as number, fileId: r[1] as number, file: file.name, fileImportedAt: file.importedAt, unit: unit.code, unitName: unit.name,
      subunit: r[3] === null ? null : text(r[3] as string), period: text(r[4] as string), indicator: text(r[5] as string),
      measure: text(r[6] as string) as RuleFigure['measure'], role: text(r[7] as string) as RuleFigure['role'],
      value: corrected.get(r[0] as number) ?? (r[8] as number), raw: '', sheet: text(r[9] as string), cell: r[10] as string, superseded: file.superseded,
    });
  }
  return out;
}

function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
}
