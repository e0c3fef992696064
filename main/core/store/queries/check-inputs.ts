/** What the check reads besides figures: the months with returns, the units that report, labels waiting. */
import type { Database } from '../db';
import { stmt } from '../statements';
import { supersededSql } from './effective-figures';

/** Months any imported file covers: a small table, where the figures are a million rows. */
export function importedMonths(db: Database): string[] {
  return stmt(db, `SELECT DISTINCT p.period FROM file_periods p JOIN files f ON f.id = p.file_id
    WHERE f.outcome = 'imported' AND f.held = 0 AND p.period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' ORDER BY 1`).pluck().all() as string[];
}

export interface ReportingUnitRow { code: string; name: string; validFrom: string; validTo: string | null; level: string }

/** Every unit below the province, with its validity, of the given provinces. */
export function reportingUnits(db: Database, provinces: string[]): ReportingUnitRow[] {
  return db.prepare(`SELECT code, name, valid_from AS validFrom, valid_to AS validTo, level FROM units
    WHERE level <> 'province' AND province_code IN (${provinces.map(() => '?').join(', ') || "''"})`).all(...provinces) as ReportingUnitRow[];
}

export interface WaitingRow { id: number; label: string; folded: string; sheet: string; cell: string; suggestions: string; cells: string; file: string; fileId: number; importedAt: string; unit: string; unitName: string }

/** Rows of standing files whose label no one has mapped yet. */
export function waitingUnmappedRows(db: Database): WaitingRow[] {
  return stmt(db, `SELECT r.id, r.label, r.folded, r.sheet, r.cell, r.suggestions, r.cells, f.name AS file, f.id AS fileId, f.imported_at AS importedAt, u.code AS unit, u.name AS unitName
    FROM unmapped_rows r JOIN files f ON f.id = r.file_id JOIN units u ON u.id = f.unit_id
    WHERE r.resolved_at IS NULL AND f.held = 0 AND NOT ${supersededSql('f')} ORDER BY r.id`).all() as WaitingRow[];
}

/** Changes when a file or a unit is added (neither is ever deleted), or the office's set-up changes its provinces. */
export function storeStamp(db: Database): string {
  return stmt(db, "SELECT coalesce((SELECT max(id) FROM files), 0) || '/' || coalesce((SELECT max(id) FROM units), 0) || '/' || coalesce((SELECT value FROM settings WHERE key = 'setup'), '')").pluck().get() as string;
}
