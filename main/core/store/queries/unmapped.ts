/** Rows whose label matched no indicator, and the mappings people confirm for them. */
import type { Database } from '../db';
import { stmt } from '../statements';
import type { LabelMapping, LabelSuggestion, UnmappedLabel } from '../../../../shared/types';
import type { NewFigure, NewUnmappedRow } from '../rows';
import { insertFigures } from './figures';
import { markPendingCheck } from './pending-checks';

export function insertUnmapped(db: Database, fileId: number, rows: NewUnmappedRow[], fold: (label: string) => string): void {
  const ins = stmt(db, `INSERT INTO unmapped_rows (file_id, label, folded, sheet, cell, typed_unit, suggestions, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) ins.run(fileId, r.label, fold(r.label), r.sheet, r.cell, r.typedUnit, JSON.stringify(r.suggestions), JSON.stringify(r.cells));
}

export function listUnmapped(db: Database): UnmappedLabel[] {
  const rows = stmt(db, `SELECT r.label, r.folded, r.suggestions, f.name AS file FROM unmapped_rows r JOIN files f ON f.id = r.file_id
    WHERE r.resolved_at IS NULL ORDER BY r.folded, r.id`).all() as { label: string; folded: string; suggestions: string; file: string }[];
  const byLabel = new Map<string, UnmappedLabel>();
  for (const r of rows) {
    const u = byLabel.get(r.folded) ?? { label: r.label, normalized: r.folded, occurrences: 0, files: [], suggestions: JSON.parse(r.suggestions) as LabelSuggestion[] };
    u.occurrences++;
    if (!u.files.includes(r.file)) u.files.push(r.file);
    byLabel.set(r.folded, u);
  }
  return [...byLabel.values()];
}

export function confirmedMappings(db: Database): { label: string; indicator: string }[] {
  // Each confirmation is a row of its own (never edited): the latest per label stands.
  return stmt(db, 'SELECT label, indicator FROM label_mappings m WHERE id = (SELECT max(id) FROM label_mappings WHERE folded = m.folded)').all() as { label: string; indicator: string }[];
}

/** The latest confirmation of each of these labels (folded) that has one. Index label_mappings_folded. */
export function latestMappings(db: Database, folded: readonly string[]): LabelMapping[] {
  return stmt(db, `SELECT m.label, m.folded AS normalized, m.indicator, m.confirmed_by AS user, m.confirmed_at AS at FROM label_mappings m
    WHERE m.folded IN (SELECT value FROM json_each(?)) AND m.id = (SELECT max(id) FROM label_mappings WHERE folded = m.folded) ORDER BY m.id`)
    .all(JSON.stringify(folded)) as LabelMapping[];
}

/** The id of the latest confirmation of a label: the decision row a mapping's audit entry records. */
export function latestMappingId(db: Database, folded: string): number | undefined {
  return stmt(db, 'SELECT max(id) FROM label_mappings WHERE folded = ?').pluck().get(folded) as number | undefined;
}

/** Remember the mapping (a new row: a decision is never edited) and give the waiting rows their figures. Returns how many figures were added. */
export function applyMapping(db: Database, label: string, folded: string, indicator: string, user: string, at: string): number {
  stmt(db, `INSERT INTO label_mappings (folded, label, indicator, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)`)
    .run(folded, label, indicator, user, at);
  const waiting = stmt(db, `SELECT r.id, r.file_id, r.label, r.cells, f.unit_id FROM unmapped_rows r JOIN files f ON f.id = r.file_id
    WHERE r.folded = ? AND r.resolved_at IS NULL`).all(folded) as { id: number; file_id: number; label: string; cells: string; unit_id: number }[];
  let added = 0;
  const done = stmt(db, 'UPDATE unmapped_rows SET resolved_at = ? WHERE id = ?');
  for (const w of waiting) {
    const cells = JSON.parse(w.cells) as Omit<NewFigure, 'indicator' | 'label'>[];
    insertFigures(db, w.file_id, w.unit_id, cells.map((c) => ({ ...c, indicator, label: w.label })));
    added += cells.length;
    done.run(at, w.id);
    markPendingCheck(db, w.unit_id);
  }
  return added;
}

/** The units whose files hold rows waiting on this label: the ones a mapping changes. */
export function unitsWaitingOn(db: Database, folded: string): string[] {
  return stmt(db, `SELECT DISTINCT u.code FROM unmapped_rows r JOIN files f ON f.id = r.file_id JOIN units u ON u.id = f.unit_id
    WHERE r.folded = ? AND r.resolved_at IS NULL`).pluck().all(folded) as string[];
}

