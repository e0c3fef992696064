/**
 * Decision rows: resolutions, corrections, choices of a submission, reopenings. Each is only ever
 * added (migration 0007's triggers refuse UPDATE, DELETE and REPLACE) and recorded by an audit entry
 * that hashes it (audit.ts).
 */
import type { Database } from '../db';
import { stmt } from '../statements';
import { flagSnapshot } from './flags';

export function insertResolution(db: Database, r: { flagId: string; signature: string; action: 'accept' | 'correct' | 'choose'; user: string; at: string; reason: string }): number {
  return Number(stmt(db, 'INSERT INTO resolutions (flag_id, signature, action, user, at, reason, flag) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.flagId, r.signature, r.action, r.user, r.at, r.reason, flagSnapshot(db, r.flagId)).lastInsertRowid);
}

export function insertCorrection(db: Database, c: { figureId: number; value: number; oldValue: number; user: string; at: string; reason: string; flagId: string | null }): number {
  return Number(stmt(db, 'INSERT INTO corrections (figure_id, value, old_value, user, at, reason, flag_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.figureId, c.value, c.oldValue, c.user, c.at, c.reason, c.flagId).lastInsertRowid);
}

export function insertChoice(db: Database, c: { unitId: number; period: string; fileId: number; files: number[]; flagId: string | null; user: string; at: string; reason: string }): number {
  return Number(stmt(db, 'INSERT INTO submission_choices (unit_id, period, file_id, files, flag_id, user, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.unitId, c.period, c.fileId, JSON.stringify(c.files), c.flagId, c.user, c.at, c.reason).lastInsertRowid);
}

export function insertReopening(db: Database, o: { resolutionId: number; flagId: string; user: string; at: string; reason: string }): number {
  return Number(stmt(db, 'INSERT INTO flag_reopenings (resolution_id, flag_id, user, at, reason) VALUES (?, ?, ?, ?, ?)')
    .run(o.resolutionId, o.flagId, o.user, o.at, o.reason).lastInsertRowid);
}

export function insertUnitAssignment(db: Database, a: { rejectedFileId: number; fileId: number | null; unitId: number; rememberedName: string | null; user: string; at: string }): number {
  return Number(stmt(db, 'INSERT INTO unit_assignments (rejected_file_id, file_id, unit_id, remembered_name, user, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(a.rejectedFileId, a.fileId, a.unitId, a.rememberedName, a.user, a.at).lastInsertRowid);
}

/** The figure a flag points at: the file by its id, else by its name (index files_name), then its figures (index figures_file). */
export function figureAt(db: Database, file: { id?: number; name: string }, sheet: string, cell: string): { id: number } | undefined {
  if (file.id !== undefined) return stmt(db, 'SELECT id FROM figures WHERE file_id = ? AND sheet = ? AND cell = ? LIMIT 1').get(file.id, sheet, cell) as { id: number } | undefined;
  return stmt(db, `SELECT fg.id FROM files f CROSS JOIN figures fg ON fg.file_id = f.id
    WHERE f.name = ? AND fg.sheet = ? AND fg.cell = ? AND f.outcome = 'imported' AND f.held = 0 ORDER BY f.id DESC LIMIT 1`).get(file.name, sheet, cell) as { id: number } | undefined;
}

/** An imported file by its id, else the latest by that name, with its unit. */
export function importedFile(db: Database, file: { id?: number; name: string }): { id: number; name: string; unitId: number } | undefined {
  if (file.id !== undefined) return stmt(db, "SELECT id, name, unit_id AS unitId FROM files WHERE id = ? AND outcome = 'imported' AND held = 0").get(file.id) as { id: number; name: string; unitId: number } | undefined;
  return stmt(db, "SELECT id, name, unit_id AS unitId FROM files WHERE name = ? AND outcome = 'imported' AND held = 0 ORDER BY id DESC LIMIT 1").get(file.name) as { id: number; name: string; unitId: number } | undefined;
}
