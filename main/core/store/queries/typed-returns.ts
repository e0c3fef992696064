/**
 * Typed returns: figures a clerk typed from paper, a phone call, a fax or a letter. Each is a files
 * row without bytes (source_kind says where it came from), so everything downstream of the store
 * reads its figures as it reads a file's.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import type { TypedSource } from '../../../../shared/types';
import { stmt } from '../statements';

export interface TypedReturnKey { unitId: number; period: string; kind: TypedSource; ref: string }

/** The sheet every typed figure sits on, and its "cell": indicator, measure and commune. */
export const TYPED_SHEET = 'nhập tay';
export function typedCell(indicator: string, measure: string, subunit: string | null): string {
  return [indicator, measure, subunit].filter((p) => p !== null && p !== '').join(':');
}

/** The typed return for this unit, period, source and reference, held or not, if one was started. */
export function findTypedReturn(db: Database, k: TypedReturnKey, held: boolean): { id: number; name: string; held: boolean } | undefined {
  const row = stmt(db, `SELECT f.id, f.name, f.held FROM files f JOIN file_periods p ON p.file_id = f.id
    WHERE f.unit_id = ? AND f.source_kind = ? AND f.source_ref = ? AND p.period = ? AND f.outcome = 'imported' AND f.held = ? ORDER BY f.id DESC LIMIT 1`)
    .get(k.unitId, k.kind, k.ref, k.period, held ? 1 : 0) as { id: number; name: string; held: number } | undefined;
  return row ? { id: row.id, name: row.name, held: row.held === 1 } : undefined;
}

export function insertTypedReturn(db: Database, k: TypedReturnKey & { name: string; at: string; receivedAt: string; user: string; held: boolean }): number {
  // No bytes to hash: the sha256 column, unique among stored files, gets one of what identifies the return.
  const sha = createHash('sha256').update(`typed|${k.unitId}|${k.period}|${k.kind}|${k.ref}|${k.at}`).digest('hex');
  const id = Number(stmt(db, `INSERT INTO files (sha256, name, path, size, imported_at, received_at, imported_by, outcome, unit_id, layout, source_kind, source_ref, held)
    VALUES (?, ?, '', 0, ?, ?, ?, 'imported', ?, 'typed', ?, ?, ?)`).run(sha, k.name, k.at, k.receivedAt, k.user, k.unitId, k.kind, k.ref, k.held ? 1 : 0).lastInsertRowid);
  stmt(db, 'INSERT INTO file_periods (file_id, period) VALUES (?, ?)').run(id, k.period);
  return id;
}

/** A figure already in this typed return for the same indicator, measure and commune. */
export function typedFigure(db: Database, fileId: number, cell: string): { id: number; value: number } | undefined {
  return stmt(db, `SELECT fg.id, coalesce((SELECT c.value FROM corrections c WHERE c.figure_id = fg.id ORDER BY c.id DESC LIMIT 1), fg.value) AS value
    FROM figures fg WHERE fg.file_id = ? AND fg.sheet = ? AND fg.cell = ?`).get(fileId, TYPED_SHEET, cell) as { id: number; value: number } | undefined;
}

/** A person's new value for a figure, without a flag: the same corrections table a flag's correction writes. */
export function insertCorrection(db: Database, c: { figureId: number; value: number; oldValue: number; user: string; at: string; reason: string }): void {
  stmt(db, 'INSERT INTO corrections (figure_id, value, old_value, user, at, reason, flag_id) VALUES (?, ?, ?, ?, ?, ?, NULL)').run(c.figureId, c.value, c.oldValue, c.user, c.at, c.reason);
}

/**
 * Last month's year-to-date of each indicator for the unit, as it stands (standing files, after
 * corrections): what "Lũy kế" is offered from on the entry screen.
 */
export function standingYtd(db: Database, unitCode: string, period: string): Record<string, number> {
  const rows = stmt(db, `SELECT fg.indicator, coalesce((SELECT c.value FROM corrections c WHERE c.figure_id = fg.id ORDER BY c.id DESC LIMIT 1), fg.value) AS value
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE u.code = ? AND fg.period = ? AND fg.measure = 'ytd' AND fg.role = 'value' AND fg.subunit IS NULL
      AND f.outcome = 'imported' AND f.held = 0 AND f.superseded_by IS NULL ORDER BY f.id`).all(unitCode, period) as { indicator: string; value: number }[];
  return Object.fromEntries(rows.map((r) => [r.indicator, r.value]));
}

/** The unit a code names on a day (a code names different units across eras), the district first. */
export function unitAt(db: Database, code: string, date: string): { id: number; name: string } | undefined {
  return stmt(db, `SELECT id, name FROM units WHERE code = ? AND level <> 'province'
    ORDER BY (valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)) DESC, level = 'district' DESC, valid_from DESC LIMIT 1`).get(code, date, date) as { id: number; name: string } | undefined;
}

/** The standing figure another return of the unit already gives for this cell, with its source's name. */
export function otherStanding(db: Database, q: { unitId: number; period: string; indicator: string; measure: string; subunit: string | null; fileId: number }): { value: number; file: string } | undefined {
  return stmt(db, `SELECT coalesce((SELECT c.value FROM corrections c WHERE c.figure_id = fg.id ORDER BY c.id DESC LIMIT 1), fg.value) AS value, f.name AS file
    FROM figures fg JOIN files f ON f.id = fg.file_id
    WHERE fg.unit_id = ? AND fg.period = ? AND fg.indicator = ? AND fg.measure = ? AND fg.subunit IS ? AND fg.role <> 'total' AND fg.file_id <> ?
      AND f.outcome = 'imported' AND f.held = 0 AND f.superseded_by IS NULL ORDER BY f.id DESC LIMIT 1`)
    .get(q.unitId, q.period, q.indicator, q.measure, q.subunit, q.fileId) as { value: number; file: string } | undefined;
}
