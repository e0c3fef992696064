/** The unit registry as the recogniser and the API see it. */
import type { Database } from '../db';
import { stmt } from '../statements';
import type { UnitInfo } from '../../../../shared/types';
import type { DirectoryUnit } from '../../registry/directory-unit';
import type { UnitDirectory } from '../../registry/unit-directory';
import { coreName } from '../../registry/load-units';
import { foldCase, stripDiacriticsOnce } from '../../text/clean-text';
import { interner } from '../../text/interner';

interface Row { id: number; code: string; name: string; type: string; level: UnitInfo['level']; parent_code: string | null; province_code: string | null; valid_from: string; valid_to: string | null }

const UNIT_COLUMNS = 'id, code, name, type, level, valid_from, valid_to, parent_code, province_code';
type UnitRow = [number, string, string, string, UnitInfo['level'], string, string | null, string | null, string | null];

/** The whole directory in memory: for a shared store, where a lookup is a round trip away. */
export function loadDirectory(db: Database): DirectoryUnit[] {
  // One row per unit, its folded names joined (the whole country: 15,294 units, 30,588 names),
  // read a row at a time, and the few values units share (dates, types, levels, provinces,
  // parents) kept once: what the loaded directory holds is what is allocated, little else for the
  // young generation to copy (the garbage collector was half the time of loading it).
  const out: DirectoryUnit[] = [];
  const unit = unitBuilder();
  let names = 0;
  const rows = db.prepare(`SELECT ${UNIT_COLUMNS}, (SELECT group_concat(folded, ?) FROM unit_names WHERE unit_id = units.id)
    FROM units ORDER BY id`).raw().iterate(NAME_SEPARATOR) as Iterable<[...UnitRow, string | null]>;
  for (const row of rows) {
    const joined = row[9];
    const folded = joined === null ? [] : joined.split(NAME_SEPARATOR);
    names += folded.length;
    out.push(unit(row, folded));
  }
  // A name holding the separator (none does: it is a control character) would have split in two.
  if (names !== stmt(db, 'SELECT count(*) FROM unit_names').pluck().get()) return loadDirectoryByRow(db);
  return out;
}

const NAME_SEPARATOR = '\u001f';

/** The same, a name per row: where a name holds the separator. */
function loadDirectoryByRow(db: Database): DirectoryUnit[] {
  const names = new Map<number, string[]>();
  for (const [id, folded] of db.prepare('SELECT unit_id, folded FROM unit_names').raw().all() as [number, string][]) {
    const list = names.get(id);
    if (list) list.push(folded); else names.set(id, [folded]);
  }
  const unit = unitBuilder();
  return (db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY id`).raw().all() as UnitRow[]).map((row) => unit(row, names.get(row[0]) ?? []));
}

/**
 * The directory looked up in the store as the recogniser asks, a name or a code at a time, through
 * unit_names' ascii index: a small import meets a few hundred units, not the country's 15,294.
 * Each unit is read once and kept (the same object in every answer), and each answer too, for the
 * life of the directory: context.ts makes a new one when the store's directory stamp moves.
 */
export function storeDirectory(db: Database): UnitDirectory {
  const kept = new Map<number, DirectoryUnit>();
  const unit = unitBuilder();
  const unitOf = (row: UnitRow): DirectoryUnit => {
    let u = kept.get(row[0]);
    if (!u) {
      u = unit(row, stmt(db, 'SELECT folded FROM unit_names WHERE unit_id = ? ORDER BY folded').pluck().all(row[0]) as string[]);
      kept.set(row[0], u);
    }
    return u;
  };
  const lookup = (where: string) => {
    const answers = new Map<string, readonly DirectoryUnit[]>();
    const sql = `SELECT ${UNIT_COLUMNS} FROM units WHERE ${where} ORDER BY id`;
    return (...args: string[]): readonly DirectoryUnit[] => {
      const key = args.join('\0');
      let got = answers.get(key);
      if (!got) answers.set(key, got = (stmt(db, sql).raw().all(...args) as UnitRow[]).map(unitOf));
      return got;
    };
  };
  return {
    named: lookup('id IN (SELECT unit_id FROM unit_names WHERE ascii = ?)'),
    withCode: lookup('code = ?'),
    communesOf: lookup("parent_code = ? AND province_code = ? AND level = 'commune'"),
  };
}

/**
 * A unit of the directory from its row (UNIT_COLUMNS first) and folded names; the few values units
 * share (dates, types, levels, provinces, parents) kept once, for the directory's life.
 */
function unitBuilder(): (row: readonly [...UnitRow, ...unknown[]], folded: string[]) => DirectoryUnit {
  const text = interner();
  const once = (s: string | null): string | null => (s === null ? null : text(s));
  return ([id, code, name, type, level, validFrom, validTo, parentCode, provinceCode], folded) => ({
    id, code, name, type: once(type)!, level: once(level) as UnitInfo['level'], validFrom: once(validFrom)!, validTo: once(validTo), parentCode: once(parentCode),
    provinceCode: once(provinceCode) ?? '', names: folded,
    // Not memoised: 30,000 names read once would push the labels' stripped forms out of the memo.
    asciiNames: folded.map(stripDiacriticsOnce),
  });
}

/** A name's form without diacritics, as unit_names keeps it for lookups. */
const asciiName = (folded: string): string => stripDiacriticsOnce(folded);

/** A unit name as unit_names keeps it: as written, folded, and folded without diacritics. */
export function nameForms(name: string): [name: string, folded: string, ascii: string] {
  const folded = foldCase(name);
  return [name, folded, asciiName(folded)];
}

/** Names written without their form without diacritics (before migration 0022, or by another writer): filled. */
export function fillAsciiNames(db: Database): void {
  const rows = db.prepare('SELECT unit_id, folded FROM unit_names WHERE ascii IS NULL').raw().all() as [number, string][];
  if (rows.length === 0) return;
  db.transaction(() => {
    const set = db.prepare('UPDATE unit_names SET ascii = ? WHERE unit_id = ? AND folded = ?');
    for (const [id, folded] of rows) set.run(asciiName(folded), id, folded);
  })();
}

/** Units valid at `at` (all versions without it), of the given provinces (all without them). */
export function listUnits(db: Database, at?: string, provinces?: string[] | null): UnitInfo[] {
  const where: string[] = [];
  const args: string[] = [];
  if (at) { where.push('valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)'); args.push(at, at); }
  if (provinces) { where.push(`province_code IN (${provinces.map(() => '?').join(', ') || "''"})`); args.push(...provinces); }
  const rows = db.prepare(`SELECT * FROM units ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code, valid_from`).all(...args) as Row[];
  return rows.map((u) => ({
    id: u.id, code: u.code, name: u.name, type: u.type, level: u.level, parentCode: u.parent_code, validFrom: u.valid_from, validTo: u.valid_to,
    provinceCode: u.province_code,
  }));
}

/**
 * A name a person confirmed for a unit ("XÃ THÔNG THỤ" as a title wrote it), used from then on.
 * Only in the transaction that records the decision in unit_assignments: its id tells the cached
 * directory a name came (lookup-stamps.ts).
 */
export function rememberUnitName(db: Database, unitId: number, name: string | null): void {
  if (!name) return;
  const ins = db.prepare("INSERT OR IGNORE INTO unit_names (unit_id, name, folded, ascii, source) VALUES (?, ?, ?, ?, 'confirmed')");
  for (const n of new Set([name, coreName(name)])) ins.run(unitId, ...nameForms(n));
}

/**
 * The name a code had on a date ("415" on 2023-04-01: "Huyện Quế Phong"). A code names different
 * units across eras; the district one is what returns come from. Null where the code is unknown.
 */
export function unitNameAt(db: Database, code: string, date: string): string | null {
  const row = db.prepare(`SELECT name FROM units WHERE code = ?
    ORDER BY (valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)) DESC, level = 'district' DESC, valid_from DESC LIMIT 1`).get(code, date, date) as { name: string } | undefined;
  return row?.name ?? null;
}

