/** Flags as last computed, with their status from the resolutions whose figures still match. */
import type { Database } from 'better-sqlite3';
import type { Flag, FlagFigure } from '../../../shared/types';
import type { FlagDraft } from '../reconcile/types';
import { figuresSignature, flagId } from '../reconcile/run-rules';
import { stmt } from '../store/statements';

/** Replaces the flags (of the given units only, where re-checking some units). */
export function saveFlags(db: Database, drafts: FlagDraft[], units?: Set<string>): void {
  if (units) for (const u of units) stmt(db, 'DELETE FROM flags WHERE unit = ?').run(u);
  else stmt(db, 'DELETE FROM flags').run();
  const base = units ? ((stmt(db, 'SELECT coalesce(max(sort), 0) + 1 AS n FROM flags').get() as { n: number }).n) : 0;
  const ins = stmt(db, `INSERT OR REPLACE INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, expected_low, expected_high, signature, sort)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  drafts.forEach((d, sort) => {
    const figures: FlagFigure[] = d.figures.map((f) => ({ indicator: f.indicator, period: f.period, measure: f.measure, subunit: f.subunit, value: f.value, file: f.file, sheet: f.sheet, cell: f.cell }));
    ins.run(flagId(d), d.rule, d.severity, d.unit, d.period, JSON.stringify(d.periods), JSON.stringify(d.indicators), JSON.stringify(figures),
      d.message, d.expected?.low ?? null, d.expected?.high ?? null, figuresSignature(d), base + sort);
  });
}

export interface FlagFilter { status?: 'open' | 'resolved'; rule?: string; unit?: string; period?: string; limit?: number; offset?: number }

interface Row { id: string; rule: string; severity: Flag['severity']; unit: string; period: string; periods: string; indicators: string; figures: string; message: string; expected_low: number | null; expected_high: number | null; resolved: number }

const STATUS = `EXISTS (SELECT 1 FROM resolutions r WHERE r.flag_id = f.id AND r.signature = f.signature)`;

export function listFlags(db: Database, filter: FlagFilter = {}): Flag[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.status) where.push(filter.status === 'resolved' ? STATUS : `NOT ${STATUS}`);
  for (const k of ['rule', 'unit', 'period'] as const) if (filter[k]) { where.push(`f.${k} = ?`); args.push(filter[k]!); }
  const sql = `SELECT f.*, ${STATUS} AS resolved FROM flags f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.sort LIMIT ? OFFSET ?`;
  return (stmt(db, sql).all(...args, filter.limit ?? -1, filter.offset ?? 0) as Row[]).map(toFlag);
}

export function getFlag(db: Database, id: string): (Flag & { signature: string }) | undefined {
  const row = stmt(db, `SELECT f.*, ${STATUS} AS resolved FROM flags f WHERE f.id = ?`).get(id) as (Row & { signature: string }) | undefined;
  return row ? { ...toFlag(row), signature: row.signature } : undefined;
}

export function countFlags(db: Database): { rule: string; open: number; resolved: number }[] {
  return stmt(db, `SELECT f.rule, sum(NOT ${STATUS}) AS open, sum(${STATUS}) AS resolved FROM flags f GROUP BY f.rule ORDER BY f.rule`).all() as { rule: string; open: number; resolved: number }[];
}

function toFlag(r: Row): Flag {
  return {
    id: r.id, rule: r.rule, severity: r.severity, unit: r.unit, period: r.period, periods: JSON.parse(r.periods) as string[],
    indicators: JSON.parse(r.indicators) as string[], figures: JSON.parse(r.figures) as FlagFigure[], message: r.message,
    status: r.resolved ? 'resolved' : 'open',
    ...(r.expected_low !== null && r.expected_high !== null ? { expected: { low: r.expected_low, high: r.expected_high } } : {}),
  };
}
