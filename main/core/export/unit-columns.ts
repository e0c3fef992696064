/**
 * Which units an export has a column for. A unit counts where its validity overlaps the period.
 * "Under the units of a date" (underUnitsAt) restates the figures of units that no longer exist at
 * that date under their successors (unit_successors: TX Cửa Lò → TP Vinh from 01/12/2024), so a
 * series stays comparable across a merger; without it each unit keeps its own column.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from '../store/statements';
import type { PeriodSpec } from './period-spec';

export interface UnitRef { id: number; code: string; name: string; validFrom: string; validTo: string | null }

export interface ExportColumn {
  /** The unit the column stands for (at the period, or at underUnitsAt). */
  unit: UnitRef;
  shortName: string;
  /** Units whose figures of the period are summed into the column (usually the unit alone). */
  members: UnitRef[];
  /** The same for the period one year earlier. */
  lastYearMembers: UnitRef[];
}

/** A merger: `from` ended the day before `date` and went into `to`. */
export interface UnitChange { from: UnitRef; to: UnitRef; date: string }

const UNIT_COLS = 'u.id, u.code, u.name, u.valid_from AS validFrom, u.valid_to AS validTo';

export function districtUnits(db: Database, start: string, end: string): UnitRef[] {
  return stmt(db, `SELECT ${UNIT_COLS} FROM units u WHERE u.level = 'district' AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to >= ?)
    ORDER BY u.code, u.valid_from`).all(end, start) as UnitRef[];
}

function validAt(u: UnitRef, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || u.validTo >= date);
}

/** The district unit that stands for `unit` at `date`: itself while it exists, else its successor's. */
export function successorAt(db: Database, unit: UnitRef, date: string): UnitRef {
  const seen = new Set<number>();
  let frontier = [unit];
  while (frontier.length) {
    const found = frontier.find((u) => validAt(u, date));
    if (found) return found;
    frontier.forEach((u) => seen.add(u.id));
    frontier = frontier.flatMap((u) => successorsOf(db, u.id)).filter((u) => !seen.has(u.id));
  }
  // No district-level successor at that date (district police ended in March 2025): keep the unit.
  return unit;
}

function successorsOf(db: Database, id: number): UnitRef[] {
  return stmt(db, `SELECT ${UNIT_COLS} FROM unit_successors s JOIN units u ON u.id = s.successor_id
    WHERE s.unit_id = ? AND u.level = 'district'`).all(id) as UnitRef[];
}

export function unitColumns(db: Database, spec: PeriodSpec, lastYear: PeriodSpec, underUnitsAt?: string): ExportColumn[] {
  const now = districtUnits(db, spec.start, spec.end);
  const before = districtUnits(db, lastYear.start, lastYear.end);
  const target = (u: UnitRef) => (underUnitsAt ? successorAt(db, u, underUnitsAt) : u);
  const columns = new Map<string, ExportColumn>();
  for (const u of now) {
    const t = target(u);
    const col = columns.get(t.code) ?? { unit: t, shortName: shortUnitName(t.name), members: [], lastYearMembers: [] };
    col.members.push(u);
    columns.set(t.code, col);
  }
  for (const u of before) columns.get(target(u).code)?.lastYearMembers.push(u);
  return [...columns.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

/** Mergers of district units (a unit going into another code) dated between `from` and `to`. */
export function mergersBetween(db: Database, from: string, to: string): UnitChange[] {
  const rows = stmt(db, `SELECT a.id AS aId, a.code AS aCode, a.name AS aName, a.valid_from AS aFrom, a.valid_to AS aTo,
      b.id AS bId, b.code AS bCode, b.name AS bName, b.valid_from AS bFrom, b.valid_to AS bTo
    FROM unit_successors s JOIN units a ON a.id = s.unit_id JOIN units b ON b.id = s.successor_id
    WHERE a.level = 'district' AND b.level = 'district' AND a.code <> b.code AND a.valid_to IS NOT NULL`).all() as MergerRow[];
  return rows
    .map((r) => ({ from: ref(r, 'a'), to: ref(r, 'b'), date: dayAfter(r.aTo) }))
    .filter((c) => c.date > from && c.date <= to);
}

interface MergerRow { aId: number; aCode: string; aName: string; aFrom: string; aTo: string; bId: number; bCode: string; bName: string; bFrom: string; bTo: string | null }

function ref(r: MergerRow, p: 'a' | 'b'): UnitRef {
  return p === 'a'
    ? { id: r.aId, code: r.aCode, name: r.aName, validFrom: r.aFrom, validTo: r.aTo }
    : { id: r.bId, code: r.bCode, name: r.bName, validFrom: r.bFrom, validTo: r.bTo };
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "Thành phố Vinh" → "TP Vinh", "Thị xã Thái Hoà" → "TX Thái Hòa", "Huyện Quế Phong" → "Quế Phong". */
export function shortUnitName(name: string): string {
  const n = modernTones(name.normalize('NFC').replace(/\s+/g, ' ').trim());
  return n.replace(/^thành phố\s+/iu, 'TP ').replace(/^thị xã\s+/iu, 'TX ').replace(/^(huyện|quận)\s+/iu, '');
}

/** A unit's name as the workbook writes it: the official one, tone marks placed the modern way. */
export function displayUnitName(name: string): string {
  return modernTones(name.normalize('NFC').replace(/\s+/g, ' ').trim());
}

// Official lists keep the old tone placement ("Hoà", "Thuỵ"); documents today write "Hòa", "Thụy".
const TONES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa', 'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};

function modernTones(s: string): string {
  // Only at the end of a word, and not after "q" ("quý" keeps its mark on the y).
  return s.replace(/(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (m) => TONES[m] ?? m);
}
