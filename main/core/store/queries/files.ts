/** Files on record: what went in, what was refused and why, and which resubmission replaced which. */
import { messageFromJson } from '../../../../shared/messages';
import type { Database } from '../db';
import { stmt } from '../statements';
import { supersededSql } from './effective-figures';
import type { FileRecord, ImportError } from '../../../../shared/types';

export interface NewFile {
  sha256: string;
  name: string;
  path: string;
  size: number;
  importedAt: string;
  receivedAt: string;
  importedBy: string | null;
}

export function importedFileBySha(db: Database, sha256: string): { id: number; name: string } | undefined {
  return stmt(db, "SELECT id, name FROM files WHERE sha256 = ? AND outcome = 'imported'").get(sha256) as { id: number; name: string } | undefined;
}

/**
 * The file on record with its periods; null, writing nothing, where a file of the same bytes is
 * imported already (another desk's, or the same file twice in one batch): the unique index answers
 * within the insert, with no question asked first.
 */
export function insertImportedFile(db: Database, f: NewFile & { unitId: number; layout: string; warnings: string[]; periods: string[] }): number | null {
  const added = stmt(db, `INSERT INTO files (sha256, name, path, size, imported_at, received_at, imported_by, outcome, unit_id, layout, warnings)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?) ON CONFLICT (sha256) WHERE outcome = 'imported' DO NOTHING`).run(
    f.sha256, f.name, f.path, f.size, f.importedAt, f.receivedAt, f.importedBy, f.unitId, f.layout, JSON.stringify(f.warnings),
  );
  if (added.changes === 0) return null;
  const id = Number(added.lastInsertRowid);
  const per = stmt(db, 'INSERT INTO file_periods (file_id, period) VALUES (?, ?)');
  for (const p of f.periods) per.run(id, p);
  return id;
}

export function insertRejectedFile(db: Database, f: NewFile, error: ImportError & { code: string }): number {
  return Number(stmt(db, `INSERT INTO files (sha256, name, path, size, imported_at, received_at, imported_by, outcome, error_code, error_message, error_sheet, error_cell, error_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'rejected', ?, ?, ?, ?, ?)`).run(
    f.sha256, f.name, f.path, f.size, f.importedAt, f.receivedAt, f.importedBy, error.code, error.message, error.sheet ?? null, error.cell ?? null, error.text ? JSON.stringify(error.text) : null,
  ).lastInsertRowid);
}

/**
 * A later file for the same unit whose periods cover an earlier file's periods supersedes it: its
 * figures stand, the earlier ones stay on record (figures --all) for the reviewer to compare.
 */
export function supersedeEarlier(db: Database, fileId: number, unitId: number): void {
  // Files that stand, a reviewer's choice included: a newer submission supersedes a chosen one too.
  // One statement nobody waits for: on PostgreSQL it goes with the file's other writes.
  stmt(db, `UPDATE files SET superseded_by = ? WHERE id IN (SELECT f.id FROM files f
    WHERE f.outcome = 'imported' AND f.held = 0 AND f.unit_id = ? AND f.id <> ? AND NOT ${supersededSql('f')}
      AND EXISTS (SELECT 1 FROM file_periods p WHERE p.file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM file_periods p WHERE p.file_id = f.id
        AND p.period NOT IN (SELECT period FROM file_periods WHERE file_id = ?)))`).run(fileId, unitId, fileId, fileId);
}

interface FileRow {
  id: number; name: string; sha256: string; size: number; imported_at: string; received_at: string; outcome: 'imported' | 'rejected';
  unit: string | null; periods: string | null; error_code: string | null; error_message: string | null;
  error_sheet: string | null; error_cell: string | null; error_text: string | null; superseded_by: number | null;
  held: number; source_kind: FileRecord['sourceKind']; source_ref: string | null; imported_by: string | null;
}

export function listFiles(db: Database): FileRecord[] {
  const rows = stmt(db, `SELECT f.id, f.name, f.sha256, f.size, f.imported_at, f.received_at, f.outcome, u.code AS unit,
      (SELECT group_concat(period) FROM file_periods p WHERE p.file_id = f.id) AS periods,
      f.error_code, f.error_message, f.error_sheet, f.error_cell, f.error_text, f.held, f.source_kind, f.source_ref, f.imported_by,
      CASE WHEN ${supersededSql('f')} THEN coalesce(f.superseded_by, (SELECT c.file_id FROM submission_choices c, json_each(c.files) j WHERE CAST(j.value AS INTEGER) = f.id ORDER BY c.id DESC LIMIT 1)) END AS superseded_by
    FROM files f LEFT JOIN units u ON u.id = f.unit_id ORDER BY f.id`).all() as FileRow[];
  return rows.map((r) => ({
    id: r.id, name: r.name, sha256: r.sha256, size: r.size, importedAt: r.imported_at, receivedAt: r.received_at, outcome: r.outcome, unit: r.unit,
    periods: r.periods ? r.periods.split(',').sort() : [],
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '', sheet: r.error_sheet, cell: r.error_cell, text: messageFromJson(r.error_text) } : null,
    supersededBy: r.superseded_by,
    held: r.held === 1, sourceKind: r.source_kind, sourceRef: r.source_ref, importedBy: r.imported_by,
  }));
}

/** The latest refusal of a file by that name: where a person names the unit it could not tell. */
export function latestRejectedFile(db: Database, name: string): { id: number; path: string; sha256: string; code: string } | undefined {
  return stmt(db, "SELECT id, path, sha256, error_code AS code FROM files WHERE name = ? AND outcome = 'rejected' ORDER BY id DESC LIMIT 1").get(name) as { id: number; path: string; sha256: string; code: string } | undefined;
}

/** The latest imported file by that name, with where its bytes are. */
export function importedFileByName(db: Database, name: string): { id: number; sha256: string; path: string } | undefined {
  return stmt(db, "SELECT id, sha256, path FROM files WHERE name = ? AND outcome = 'imported' ORDER BY id DESC LIMIT 1").get(name) as { id: number; sha256: string; path: string } | undefined;
}

/** A file on record by its id: its name, unit, the day it arrived and whether it is held. */
export function fileById(db: Database, id: number): { id: number; name: string; unitId: number | null; unit: string | null; receivedAt: string; held: boolean; outcome: string; sourceKind: string } | undefined {
  const r = stmt(db, `SELECT f.id, f.name, f.unit_id AS unitId, u.code AS unit, f.received_at AS receivedAt, f.held, f.outcome, f.source_kind AS sourceKind FROM files f LEFT JOIN units u ON u.id = f.unit_id WHERE f.id = ?`)
    .get(id) as { id: number; name: string; unitId: number | null; unit: string | null; receivedAt: string; held: number; outcome: string; sourceKind: string } | undefined;
  return r ? { ...r, held: r.held === 1 } : undefined;
}

/** The day a file arrived, set after its import (the audit log keeps the day it replaced). */
export function setReceivedAt(db: Database, id: number, day: string): void {
  stmt(db, 'UPDATE files SET received_at = ? WHERE id = ?').run(day, id);
}

/** A stored file held for a locked period: on record, changing nothing until taken in. */
export function holdFile(db: Database, id: number): void {
  stmt(db, 'UPDATE files SET held = 1 WHERE id = ?').run(id);
}

/** A held file taken in by a reviewer: from now on its figures count like any other file's. */
export function releaseFile(db: Database, id: number): void {
  stmt(db, 'UPDATE files SET held = 0 WHERE id = ?').run(id);
}
