/**
 * The units of a time span and how they changed: which units report within dates, a unit's
 * successors, the mergers dated within a span (the export's columns are built from these).
 */
import type { Database } from '../db';
import { stmt } from '../statements';

export interface UnitRef { id: number; code: string; name: string; level: string; validFrom: string; validTo: string | null }

/** A unit that ended and the unit of the same level it went into. */
export interface MergerRow { from: UnitRef; to: UnitRef }

const UNIT_COLS = 'u.id, u.code, u.name, u.level, u.valid_from AS validFrom, u.valid_to AS validTo';

/** Units of one level valid at some day within [start, end], of the given provinces (all where none are given). */
export function unitsOfLevelWithin(db: Database, level: 'district' | 'commune', start: string, end: string, provinces?: string[] | null): UnitRef[] {
  const inProvinces = provinces ? ` AND u.province_code IN (${provinces.map(() => '?').join(', ') || "''"})` : '';
  return stmt(db, `SELECT ${UNIT_COLS} FROM units u WHERE u.level = ? AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to >= ?)${inProvinces}
    ORDER BY u.code, u.valid_from`).all(level, end, start, ...(provinces ?? [])) as UnitRef[];
}

/** The units of the same level a unit went into. */
export function successorsOf(db: Database, u: UnitRef): UnitRef[] {
  return stmt(db, `SELECT ${UNIT_COLS} FROM unit_successors s JOIN units u ON u.id = s.successor_id
    WHERE s.unit_id = ? AND u.level = ?`).all(u.id, u.level) as UnitRef[];
}

interface MergerColumns { aId: number; aCode: string; aName: string; aLevel: string; aFrom: string; aTo: string; bId: number; bCode: string; bName: string; bLevel: string; bFrom: string; bTo: string | null }

/** District or commune units that ended within [endedFrom, endedBefore) and went into another code of their level. */
export function mergersEnded(db: Database, endedFrom: string, endedBefore: string): MergerRow[] {
  const rows = stmt(db, `SELECT a.id AS aId, a.code AS aCode, a.name AS aName, a.level AS aLevel, a.valid_from AS aFrom, a.valid_to AS aTo,
      b.id AS bId, b.code AS bCode, b.name AS bName, b.level AS bLevel, b.valid_from AS bFrom, b.valid_to AS bTo
    FROM unit_successors s JOIN units a ON a.id = s.unit_id JOIN units b ON b.id = s.successor_id
    WHERE a.level IN ('district', 'commune') AND b.level = a.level AND a.code <> b.code AND a.valid_to IS NOT NULL
      AND a.valid_to >= ? AND a.valid_to < ?`).all(endedFrom, endedBefore) as MergerColumns[];
  return rows.map((r) => ({
    from: { id: r.aId, code: r.aCode, name: r.aName, level: r.aLevel, validFrom: r.aFrom, validTo: r.aTo },
    to: { id: r.bId, code: r.bCode, name: r.bName, level: r.bLevel, validFrom: r.bFrom, validTo: r.bTo },
  }));
}
