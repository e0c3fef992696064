/** The store's figures as the rules see them: effective values (after corrections) with their cells. */
import type { Database } from 'better-sqlite3';
import type { RuleFigure } from '../../reconcile/types';
import { stmt } from '../statements';

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
  const files = new Map((stmt(db, `SELECT id, name, imported_at, superseded_by IS NOT NULL FROM files WHERE outcome = 'imported' AND held = 0${ids ? ` AND unit_id IN (${ids})` : ''}`).raw(true).all(...args) as [number, string, string, number][])
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
  // Rows come file by file, so each column mostly repeats the row before: that is asked first.
  const [subunit, period, indicator, sheet] = [interner(), interner(), interner(), interner()];
  const out: RuleFigure[] = [];
  let file: FileInfo | undefined;
  let fileId = -1;
  let unit: { code: string; name: string } | undefined;
  let unitId = -1;
  for (const r of rows) {
    if (r[1] !== fileId) file = files.get((fileId = r[1] as number));
    if (r[2] !== unitId) unit = unitsById.get((unitId = r[2] as number));
    if (!file || !unit) continue;
    const id = r[0] as number;
    out.push({
      id, fileId, file: file.name, fileImportedAt: file.importedAt, unit: unit.code, unitName: unit.name,
      subunit: r[3] === null ? null : subunit(r[3] as string), period: period(r[4] as string), indicator: indicator(r[5] as string),
      measure: r[6] === 'ytd' ? 'ytd' : 'period', role: r[7] === 'value' ? 'value' : r[7] === 'subunit' ? 'subunit' : 'total',
      value: (corrected.size > 0 ? corrected.get(id) : undefined) ?? (r[8] as number), raw: '', sheet: sheet(r[9] as string), cell: r[10] as string,
      superseded: file.superseded,
    });
  }
  return out;
}

/** One shared copy of each distinct text, the last one asked checked first. */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  let last = '';
  return (s) => {
    if (s === last) return last;
    let known = seen.get(s);
    if (known === undefined) seen.set(s, (known = s));
    return (last = known);
  };
}
