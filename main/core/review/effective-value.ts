/** The value that stands for a unit, period, indicator and measure, with its trail back to cells and decisions. */
import type { Database } from 'better-sqlite3';
import type { EffectiveValue, Measure, TrailStep, TypedSource } from '../../../shared/types';
import { stmt } from '../store/statements';

export interface EffectiveQuery { unit: string; period: string; indicator: string; measure: Measure; subunit?: string | null }

interface FigureRow { id: number; value: number; raw: string; file: string; sheet: string; cell: string; superseded: number; kind: string; ref: string | null; user: string | null; at: string }

export function effectiveValue(db: Database, q: EffectiveQuery): EffectiveValue {
  const rows = stmt(db, `SELECT fg.id, fg.value, fg.raw, f.name AS file, fg.sheet, fg.cell, f.superseded_by IS NOT NULL AS superseded,
      f.source_kind AS kind, f.source_ref AS ref, f.imported_by AS user, f.imported_at AS at
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE f.outcome = 'imported' AND f.held = 0 AND u.code = ? AND fg.period = ? AND fg.indicator = ? AND fg.measure = ?
      AND fg.role <> 'total' AND fg.subunit IS ? ORDER BY f.id`).all(q.unit, q.period, q.indicator, q.measure, q.subunit ?? null) as FigureRow[];
  const trail: TrailStep[] = [];
  let value: number | null = null;
  for (const r of rows) {
    // A typed figure's cell is its typed return: where it came from, who typed it and when.
    const source = r.kind === 'file' ? {} : { source: { kind: r.kind as TypedSource, ref: r.ref ?? '', user: r.user ?? '', at: r.at } };
    trail.push({ kind: 'cell', file: r.file, sheet: r.sheet, cell: r.cell, raw: r.raw, value: r.value, superseded: r.superseded === 1, ...source });
    const corrections = stmt(db, 'SELECT user, at, reason, old_value AS oldValue, value AS newValue FROM corrections WHERE figure_id = ? ORDER BY id').all(r.id) as Omit<Extract<TrailStep, { kind: 'correction' }>, 'kind'>[];
    for (const c of corrections) trail.push({ kind: 'correction', ...c });
    if (r.superseded === 0) value = corrections.at(-1)?.newValue ?? r.value;
  }
  const choices = stmt(db, `SELECT user, at, reason, new_value AS file FROM audit_log WHERE action = 'choose-submission' AND target = ? ORDER BY id`).all(`${q.unit} ${q.period}`) as Omit<Extract<TrailStep, { kind: 'choice' }>, 'kind'>[];
  for (const c of choices) trail.push({ kind: 'choice', ...c });
  return { unit: q.unit, period: q.period, indicator: q.indicator, measure: q.measure, subunit: q.subunit ?? null, value, trail };
}
