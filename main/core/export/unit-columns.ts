/**
 * Which units an export has a column for. A unit counts where its validity overlaps the period.
 * "Under the units of a date" (underUnitsAt) restates the figures of units that no longer exist at
 * that date under their successors (unit_successors: TX Cửa Lò → TP Vinh from 01/12/2024), so a
 * series stays comparable across a merger; without it each unit keeps its own column.
 */
import type { Database } from '../store/db';
import type { UnitRef } from '../store/queries/unit-history';
import { mergersEnded, successorsOf, unitsOfLevelWithin } from '../store/queries/unit-history';
import type { PeriodSpec } from './period-spec';

export type { UnitRef };

export interface ExportColumn {
  /** The unit the column stands for (at the period, or at underUnitsAt). */
  unit: UnitRef;
  shortName: string;
  /** Units whose figures of the period are summed into the column (usually the unit alone). */
  members: UnitRef[];
  /** The same for the period one year earlier. */
  lastYearMembers: UnitRef[];
  /**
   * Where the column's unit was split between several units by underUnitsAt: those units. Its
   * figures keep a column of their own, marked, rather than being given to one of them.
   */
  splitInto?: UnitRef[];
}

/** A merger: `from` ended the day before `date` and went into `to`. */
export interface UnitChange { from: UnitRef; to: UnitRef; date: string }

// District police units reported until March 2025, commune police units from then on.
const DISTRICTS_END = '2025-02-28';
const COMMUNES_START = '2025-03-01';

/**
 * The units that report within [start, end], of the given provinces (all where none are given):
 * district-level units for the months before March 2025, communes for the months from then.
 */
export function reportingUnits(db: Database, start: string, end: string, provinces?: string[] | null): UnitRef[] {
  const out: UnitRef[] = [];
  if (start <= DISTRICTS_END) out.push(...unitsOfLevelWithin(db, 'district', start, end < DISTRICTS_END ? end : DISTRICTS_END, provinces));
  if (end >= COMMUNES_START) out.push(...unitsOfLevelWithin(db, 'commune', start > COMMUNES_START ? start : COMMUNES_START, end, provinces));
  return out;
}

/** Nghệ An's district-level units of a period, as before the national registry (all provinces' where none is set up). */
export function districtUnits(db: Database, start: string, end: string, provinces?: string[] | null): UnitRef[] {
  return reportingUnits(db, start, end < DISTRICTS_END ? end : DISTRICTS_END, provinces).filter((u) => u.level === 'district');
}

function validAt(u: UnitRef, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || u.validTo >= date);
}

/**
 * The unit that stands for `unit` at `date`: itself while it exists, else its successor of the same
 * level. A unit split between several (a commune divided in 2025) has no one successor: `split`
 * names them, and the caller keeps its figures apart.
 */
export function successorAt(db: Database, unit: UnitRef, date: string): { unit: UnitRef; split?: UnitRef[] } {
  const seen = new Set<number>();
  let frontier = [unit];
  while (frontier.length) {
    const found = [...new Map(frontier.filter((u) => validAt(u, date)).map((u) => [u.id, u])).values()];
    if (found.length === 1) return { unit: found[0]! };
    if (found.length > 1) return { unit, split: found };
    frontier.forEach((u) => seen.add(u.id));
    frontier = frontier.flatMap((u) => successorsOf(db, u)).filter((u) => !seen.has(u.id));
  }
  // No successor of its level at that date (district police ended in March 2025): keep the unit.
  return { unit };
}

export function unitColumns(db: Database, spec: PeriodSpec, lastYear: PeriodSpec, underUnitsAt?: string, provinces?: string[] | null): ExportColumn[] {
  const now = reportingUnits(db, spec.start, spec.end, provinces);
  const before = reportingUnits(db, lastYear.start, lastYear.end, provinces);
  const target = (u: UnitRef) => (underUnitsAt ? successorAt(db, u, underUnitsAt) : { unit: u });
  const columns = new Map<string, ExportColumn>();
  const columnOf = (u: UnitRef): ExportColumn => {
    const t = target(u);
    // A split unit keeps its own column, keyed apart from any unit of the same code at the later date.
    const key = t.split ? `split:${u.code}` : t.unit.code;
    const col = columns.get(key) ?? { unit: t.unit, shortName: t.split ? `${shortUnitName(t.unit.name)} (*)` : shortUnitName(t.unit.name), members: [], lastYearMembers: [], ...(t.split ? { splitInto: t.split } : {}) };
    columns.set(key, col);
    return col;
  };
  for (const u of now) columnOf(u).members.push(u);
  for (const u of before) {
    const t = target(u);
    columns.get(t.split ? `split:${u.code}` : t.unit.code)?.lastYearMembers.push(u);
  }
  return [...columns.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code) || Number(!!a.splitInto) - Number(!!b.splitInto));
}

/** Mergers of units of one level (a unit going into another code) dated between `from` and `to`. */
export function mergersBetween(db: Database, from: string, to: string): UnitChange[] {
  return mergersEnded(db, dayBefore(from), to)
    .map((m) => ({ ...m, date: dayAfter(m.from.validTo!) }))
    .filter((c) => c.date > from && c.date <= to);
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "Thành phố Vinh" → "TP Vinh", "Thị xã Thái Hoà" → "TX Thái Hòa", "Huyện Quế Phong" → "Quế Phong", "Phường Thành Vinh" → "P. Thành Vinh". */
export function shortUnitName(name: string): string {
  const n = modernTones(name.normalize('NFC').replace(/\s+/g, ' ').trim());
  return n.replace(/^thành phố\s+/iu, 'TP ').replace(/^thị xã\s+/iu, 'TX ').replace(/^(huyện|quận)\s+/iu, '')
    .replace(/^phường\s+/iu, 'P. ').replace(/^thị trấn\s+/iu, 'TT ').replace(/^xã\s+/iu, '').replace(/^đặc khu\s+/iu, 'ĐK ');
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
