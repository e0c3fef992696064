/**
 * THE effective figure, written once: a figure's value is the latest correction of it, else the value
 * as read; a file stands unless it is superseded, where the latest word on a file decides: a
 * reviewer's choice naming it (submission_choices), else a later submission of its unit and periods
 * (files.superseded_by, set at import). The rules (check/), a reviewer's trail (review/), the export
 * and the contract's listFigures all read figures through eachEffectiveFigure.
 */
import type { Database } from '../db';
import type { Measure } from '../../../../shared/types';
import { stmt } from '../statements';
import type { FigureSource, TypedSource } from '../../../../shared/types';

/**
 * Is file `f` superseded: the latest choice naming it says so (unless a file newer than every file
 * of that choice superseded it since), else a later submission did. Choices are few; this reads them
 * through their JSON list of files.
 */
export function supersededSql(f = 'f'): string {
  // A truth value on both engines (PostgreSQL does not mix 1 with a comparison's boolean).
  return `coalesce((SELECT coalesce(${f}.superseded_by > (SELECT max(CAST(k.value AS INTEGER)) FROM json_each(c.files) k), FALSE) OR c.file_id <> ${f}.id
    FROM submission_choices c, json_each(c.files) j WHERE CAST(j.value AS INTEGER) = ${f}.id ORDER BY c.id DESC LIMIT 1), ${f}.superseded_by IS NOT NULL)`;
}

/** `source`: where a typed return came from (paper, phone...); null for a file. */
export interface StoredFile { id: number; name: string; importedAt: string; unitId: number; superseded: boolean; source: FigureSource | null }
export interface StoredUnit { id: number; code: string; name: string }
export interface CorrectionRow { id: number; figureId: number; value: number; oldValue: number; user: string; at: string; reason: string; flagId: string | null }

/** The one rule for a figure's value: the latest correction wins (corrections come in id order). */
export function effectiveOf(read: number, corrections: readonly CorrectionRow[]): number {
  return corrections.length > 0 ? corrections[corrections.length - 1]!.value : read;
}

/** Which figures: every filter is optional; `roles` says which rows count as figures. */
export interface FigureScope {
  /** Unit codes. */
  units?: readonly string[];
  period?: string;
  /** Every period key of these years (months, quarters, the year). */
  years?: number[];
  indicator?: string;
  /** Any of these indicators (a handful: one placeholder each). */
  indicators?: readonly string[];
  measure?: Measure;
  /** A commune's name, or null for the unit's own figure; undefined for both. */
  subunit?: string | null;
  /** 'figures': not total rows (which repeat others); 'own': the unit's own values only. */
  roles?: 'all' | 'figures' | 'own';
  /** Only figures of files that stand. */
  standing?: boolean;
  /** Only what the outlier rule compares across units: own within-month values, without cells. */
  peerValues?: boolean;
  /** The text as typed (a tenth of a million-figure load: only where it is shown). */
  raw?: boolean;
  /** In file order, then cell order within a file. */
  ordered?: boolean;
}

/**
 * One figure as the visitor sees it. The same object is handed to every call and refilled: copy
 * what you keep (a nation's million figures are read row by row, without an object per row).
 */
export interface EffectiveCursor {
  id: number;
  file: StoredFile;
  unit: StoredUnit;
  subunit: string | null;
  /** The commune's registry code, where the row's name was resolved (with `raw`). */
  subunitCode: string | null;
  period: string;
  indicator: string;
  measure: Measure;
  role: 'value' | 'subunit' | 'total';
  /** The value as read, and the value that stands (effectiveOf). */
  read: number;
  value: number;
  /** The figure's corrections, oldest first (a shared empty array where none). */
  corrections: readonly CorrectionRow[];
  raw: string;
  sheet: string;
  cell: string;
}

const NONE: readonly CorrectionRow[] = Object.freeze([]);

/** Visits every figure of the scope with its file, unit, corrections and effective value. */
export function eachEffectiveFigure(db: Database, scope: FigureScope, visit: (f: EffectiveCursor) => void): void {
  const { files, units, corrections } = loadSides(db, scope.units);
  const { sql, args } = figureQuery(scope);
  const rows = stmt(db, sql).raw(true).iterate(...args) as Iterable<unknown[]>;
  const cur = {} as EffectiveCursor;
  let fileId = -1;
  let unitId = -1;
  let file: StoredFile | undefined;
  let unit: StoredUnit | undefined;
  const corrected = corrections.size > 0;
  // Rows come file by file, so the file and unit mostly repeat the row before: asked only on a change.
  for (const r of rows) {
    if (r[1] !== fileId) file = files.get((fileId = r[1] as number));
    if (r[2] !== unitId) unit = units.get((unitId = r[2] as number));
    if (!file || !unit || (scope.standing && file.superseded)) continue;
    const id = r[0] as number;
    const fixes = corrected ? corrections.get(id) ?? NONE : NONE;
    cur.id = id; cur.file = file; cur.unit = unit;
    cur.subunit = r[3] as string | null; cur.period = r[4] as string; cur.indicator = r[5] as string;
    cur.measure = r[6] === 'ytd' ? 'ytd' : 'period';
    cur.role = r[7] === 'value' ? 'value' : r[7] === 'subunit' ? 'subunit' : 'total';
    cur.read = r[8] as number; cur.value = effectiveOf(cur.read, fixes); cur.corrections = fixes;
    cur.raw = r[9] as string; cur.sheet = r[10] as string; cur.cell = r[11] as string; cur.subunitCode = (r[12] as string | null) ?? null;
    visit(cur);
  }
}

const UNIT_IDS = 'SELECT id FROM units WHERE code IN (SELECT value FROM json_each(?))';

function figureQuery(scope: FigureScope): { sql: string; args: (string | number | null)[] } {
  const where: string[] = [];
  const args: (string | number | null)[] = [];
  if (scope.units) { where.push(`fg.unit_id IN (${UNIT_IDS})`); args.push(JSON.stringify(scope.units)); }
  if (scope.period !== undefined) { where.push('fg.period = ?'); args.push(scope.period); }
  if (scope.years) {
    where.push(`(${scope.years.map(() => '(fg.period = ? OR fg.period LIKE ?)').join(' OR ')})`);
    for (const y of scope.years) args.push(String(y), `${y}-%`);
  }
  if (scope.indicator !== undefined) { where.push('fg.indicator = ?'); args.push(scope.indicator); }
  // No index leads with the indicator, and none is added: on a national store (1,036,152 figures)
  // finding a rate's 79,704 took 141 ms by scan, 62 ms with one, in a call of 0.35–0.55 s either way
  // (building the rows); every import would pay for it.
  if (scope.indicators) { where.push(`fg.indicator IN (${scope.indicators.map(() => '?').join(', ')})`); args.push(...scope.indicators); }
  if (scope.measure !== undefined) { where.push('fg.measure = ?'); args.push(scope.measure); }
  if (scope.subunit !== undefined) { where.push('fg.subunit IS ?'); args.push(scope.subunit); }
  if (scope.roles === 'figures') where.push("fg.role <> 'total'");
  if (scope.roles === 'own' || scope.peerValues) where.push("fg.role = 'value'", 'fg.subunit IS NULL');
  if (scope.peerValues) where.push("fg.measure = 'period'");
  const cells = scope.peerValues ? "'', ''" : 'fg.sheet, fg.cell';
  const sql = `SELECT fg.id, fg.file_id, fg.unit_id, fg.subunit, fg.period, fg.indicator, fg.measure, fg.role, fg.value, ${scope.raw ? 'fg.raw' : "''"}, ${cells}, ${scope.raw ? 'fg.subunit_code' : 'NULL'}
    FROM figures fg ${where.length ? `WHERE ${where.join(' AND ')}` : ''}${scope.ordered ? ' ORDER BY fg.file_id, fg.id' : ''}`;
  return { sql, args };
}

/** Files, units and corrections: few beside the figures, read once (for some units, only theirs). */
function loadSides(db: Database, unitCodes?: readonly string[]) {
  const args = unitCodes ? [JSON.stringify(unitCodes)] : [];
  // A held file (for an approved, locked period) changes no figure until a reviewer takes it in.
  const files = new Map((stmt(db, `SELECT f.id, f.name, f.imported_at, f.unit_id, ${supersededSql('f')}, f.source_kind, f.source_ref, f.imported_by FROM files f
    WHERE f.outcome = 'imported' AND f.held = 0${unitCodes ? ` AND f.unit_id IN (${UNIT_IDS})` : ''}`).raw(true).all(...args) as [number, string, string, number, number, string, string | null, string | null][])
    .map(([id, name, importedAt, unitId, superseded, kind, ref, user]) => [id, {
      id, name, importedAt, unitId, superseded: superseded === 1,
      source: kind === 'file' ? null : { kind: kind as TypedSource, ref: ref ?? '', user: user ?? '', at: importedAt },
    } satisfies StoredFile]));
  // Only the units with files: a figure's unit is its file's, and the country has 15,294 units.
  const units = new Map((stmt(db, `SELECT id, code, name FROM units WHERE ${unitCodes ? `id IN (${UNIT_IDS})` : "id IN (SELECT unit_id FROM files WHERE outcome = 'imported' AND held = 0)"}`).raw(true).all(...args) as [number, string, string][])
    .map(([id, code, name]) => [id, { id, code, name } satisfies StoredUnit]));
  return { files, units, corrections: correctionsByFigure(db, unitCodes) };
}

/** Each figure's corrections, oldest first (corrections are only ever added, in id order). */
export function correctionsByFigure(db: Database, unitCodes?: readonly string[]): Map<number, CorrectionRow[]> {
  const rows = stmt(db, `SELECT id, figure_id AS figureId, value, old_value AS oldValue, user, at, reason, flag_id AS flagId FROM corrections
    ${unitCodes ? `WHERE figure_id IN (SELECT id FROM figures WHERE unit_id IN (${UNIT_IDS}))` : ''} ORDER BY id`).all(...(unitCodes ? [JSON.stringify(unitCodes)] : [])) as CorrectionRow[];
  const out = new Map<number, CorrectionRow[]>();
  for (const c of rows) (out.get(c.figureId) ?? out.set(c.figureId, []).get(c.figureId)!).push(c);
  return out;
}

export interface ChoiceRow { id: number; unit: string; period: string; fileId: number; file: string; user: string; at: string; reason: string }

/** Reviewers' choices of a submission, oldest first, by "unit period". */
export function choicesByUnitPeriod(db: Database, unitCodes?: readonly string[]): Map<string, ChoiceRow[]> {
  const rows = stmt(db, `SELECT c.id, u.code AS unit, c.period, c.file_id AS fileId, f.name AS file, c.user, c.at, c.reason
    FROM submission_choices c JOIN units u ON u.id = c.unit_id JOIN files f ON f.id = c.file_id
    ${unitCodes ? `WHERE c.unit_id IN (${UNIT_IDS})` : ''} ORDER BY c.id`).all(...(unitCodes ? [JSON.stringify(unitCodes)] : [])) as ChoiceRow[];
  const out = new Map<string, ChoiceRow[]>();
  for (const c of rows) {
    const k = `${c.unit} ${c.period}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(c);
  }
  return out;
}
