/** Flags as last computed, with their status from the resolutions whose figures still match. */
import type { Database } from '../db';
import type { Flag, FlagCounts, FlagDecision, FlagFigure, Severity } from '../../../../shared/types';
import type { FlagDraft } from '../../reconcile/types';
import { figuresSignature, flagId } from '../../reconcile/run-rules';
import { stmt, valuesOf } from '../statements';
import { messageOf } from '../../../../shared/messages';

/** Flags per statement: a national check writes about 12,000, and a shared store pays a round trip per statement. */
const FLAGS_PER_INSERT = 32;
const upsertFlags = (n: number) => `INSERT INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, message_code, params, expected_low, expected_high, signature, sort)
  VALUES ${valuesOf(n, 15)}
  ON CONFLICT (id) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, unit = excluded.unit, period = excluded.period, periods = excluded.periods, indicators = excluded.indicators, figures = excluded.figures, message = excluded.message, message_code = excluded.message_code, params = excluded.params, expected_low = excluded.expected_low, expected_high = excluded.expected_high, signature = excluded.signature, sort = excluded.sort`;

/**
 * Replaces the flags (of the given units only, where re-checking some units). `wholeRules`: rules
 * whose flags span units (an unmapped label names every file it occurs in), always replaced whole.
 */
export function saveFlags(db: Database, drafts: FlagDraft[], units?: Set<string>, wholeRules: string[] = []): void {
  if (units) for (const u of units) stmt(db, 'DELETE FROM flags WHERE unit = ?').run(u);
  if (units) for (const r of wholeRules) stmt(db, 'DELETE FROM flags WHERE rule = ?').run(r);
  else stmt(db, 'DELETE FROM flags').run();
  const base = units ? ((stmt(db, 'SELECT coalesce(max(sort), 0) + 1 AS n FROM flags').get() as { n: number }).n) : 0;
  // One row per id, the last draft's (as one upsert after another would leave it), many rows a statement.
  const rows = new Map<string, unknown[]>();
  drafts.forEach((d, sort) => {
    const figures: FlagFigure[] = d.figures.map((f) => ({ indicator: f.indicator, period: f.period, measure: f.measure, subunit: f.subunit, value: f.value, file: f.file, sheet: f.sheet, cell: f.cell, fileId: f.fileId, inUse: !f.superseded }));
    const id = flagId(d);
    rows.set(id, [id, d.rule, d.severity, d.unit, d.period, JSON.stringify(d.periods), JSON.stringify(d.indicators), JSON.stringify(figures),
      d.message, d.messageCode, JSON.stringify(d.params), d.expected?.low ?? null, d.expected?.high ?? null, figuresSignature(d), base + sort]);
  });
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += FLAGS_PER_INSERT) {
    const chunk = all.slice(i, i + FLAGS_PER_INSERT);
    stmt(db, upsertFlags(chunk.length)).run(chunk.flat());
  }
  keepDecidedFlags(db, units, base + drafts.length);
}

/** Columns of a flag row kept with a resolution (resolutions.flag), to show the flag as it was decided. */
export type FlagSnapshot = Omit<Row, 'resolved' | 'id'>;

/**
 * A flag that a correction or a choice made go away (its figures now agree) stays on the list as it
 * was decided, resolved: its row comes back from the resolution's snapshot, with the signature the
 * resolution holds. Where the flag still fires (with new figures), the new flag stands instead.
 */
function keepDecidedFlags(db: Database, units: Set<string> | undefined, sort: number): void {
  const gone = stmt(db, `SELECT r.flag_id AS id, r.signature, r.flag FROM resolutions r
    WHERE r.action IN ('correct', 'choose') AND r.flag IS NOT NULL AND r.id = (SELECT max(id) FROM resolutions WHERE flag_id = r.flag_id)
      AND NOT EXISTS (SELECT 1 FROM flag_reopenings o WHERE o.resolution_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.id = r.flag_id) ORDER BY r.id`).all() as { id: string; signature: string; flag: string }[];
  const ins = stmt(db, `INSERT INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, expected_low, expected_high, signature, sort)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const g of gone) {
    const f = JSON.parse(g.flag) as FlagSnapshot;
    if (units && !units.has(f.unit)) continue;
    ins.run(g.id, f.rule, f.severity, f.unit, f.period, f.periods, f.indicators, f.figures, f.message, f.expected_low, f.expected_high, g.signature, sort++);
  }
}

/** The flag row as stored, for a resolution to keep. */
export function flagSnapshot(db: Database, id: string): string | null {
  const row = stmt(db, 'SELECT rule, severity, unit, period, periods, indicators, figures, message, expected_low, expected_high FROM flags WHERE id = ?').get(id) as FlagSnapshot | undefined;
  return row ? JSON.stringify(row) : null;
}

/** The resolution that stands for a flag as it is now (its signature), unless it was reopened. */
export function standingResolution(db: Database, id: string, signature: string): (FlagDecision & { id: number }) | undefined {
  const r = stmt(db, `SELECT r.id, r.action, r.user, r.at, r.reason FROM resolutions r WHERE r.flag_id = ? AND r.signature = ?
    AND NOT EXISTS (SELECT 1 FROM flag_reopenings o WHERE o.resolution_id = r.id) ORDER BY r.id DESC LIMIT 1`).get(id, signature) as (FlagDecision & { id: number }) | undefined;
  if (!r) return undefined;
  if (r.action === 'correct') {
    const v = stmt(db, 'SELECT value FROM corrections WHERE flag_id = ? AND at = ? ORDER BY id DESC LIMIT 1').pluck().get(id, r.at) as number | undefined;
    if (v !== undefined) r.value = v;
  }
  if (r.action === 'choose') {
    const file = stmt(db, 'SELECT f.name FROM submission_choices c JOIN files f ON f.id = c.file_id WHERE c.flag_id = ? AND c.at = ? ORDER BY c.id DESC LIMIT 1').pluck().get(id, r.at) as string | undefined;
    if (file !== undefined) r.file = file;
  }
  return r;
}

export interface FlagFilter { status?: 'open' | 'resolved'; rule?: string; unit?: string; period?: string; severity?: Severity; text?: string | undefined; batch?: number | undefined; ids?: string[] | undefined; indicators?: string[] | undefined; limit?: number; offset?: number }

interface Row { id: string; rule: string; severity: Flag['severity']; unit: string; period: string; periods: string; indicators: string; figures: string; message: string; message_code: string | null; params: string | null; expected_low: number | null; expected_high: number | null; resolved: number }

/** Resolved: a resolution for the flag's figures as they are (its signature) that no one reopened. */
const STATUS = `EXISTS (SELECT 1 FROM resolutions r WHERE r.flag_id = f.id AND r.signature = f.signature
  AND NOT EXISTS (SELECT 1 FROM flag_reopenings o WHERE o.resolution_id = r.id))`;
const STANDING = `(SELECT DISTINCT flag_id, signature FROM resolutions WHERE id NOT IN (SELECT resolution_id FROM flag_reopenings))`;

/**
 * Most severe first. Written exactly as index flags_queue (migration 0005) has it, so SQLite walks
 * the index in order and stops after the page instead of sorting every flag.
 */
const RANK = `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;
const RANK_OF: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function whereOf(filter: Omit<FlagFilter, 'limit' | 'offset'>): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.status) where.push(filter.status === 'resolved' ? STATUS : `NOT ${STATUS}`);
  for (const k of ['rule', 'unit', 'period'] as const) if (filter[k]) { where.push(`f.${k} = ?`); args.push(filter[k]!); }
  // The rank, not the column: an equality on the index's first term keeps the walk to one severity.
  if (filter.severity) { where.push(`${RANK} = ?`); args.push(RANK_OF[filter.severity]); }
  // Words of the message, as typed: % and _ are the reviewer's letters, not LIKE's wildcards.
  if (filter.text) { where.push(`f.message LIKE ? ESCAPE '\\'`); args.push(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`); }
  // The flags an import batch raised (batch_flags, kept when the batch's check was over).
  if (filter.batch !== undefined) { where.push('f.id IN (SELECT flag_id FROM batch_flags WHERE batch_id = ?)'); args.push(filter.batch); }
  if (filter.ids?.length) { where.push(`f.id IN (${filter.ids.map(() => '?').join(', ')})`); args.push(...filter.ids); }
  // Every rule lists the indicators of the figures it names (an unmapped label or a formula cell: none).
  if (filter.indicators?.length) {
    where.push(`EXISTS (SELECT 1 FROM json_each(f.indicators) i WHERE i.value IN (${filter.indicators.map(() => '?').join(', ')}))`);
    args.push(...filter.indicators);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export function listFlags(db: Database, filter: FlagFilter = {}): Flag[] {
  const { sql: where, args } = whereOf(filter);
  const sql = `SELECT f.*, ${STATUS} AS resolved FROM flags f ${where} ORDER BY ${RANK}, f.sort LIMIT ? OFFSET ?`;
  // Walked, not fetched whole: on PostgreSQL a walk is one COPY read (a national store's 12,000
  // open flags, 15 MB: 620 -> 500 ms); the decisions are read once the walk is over.
  const rows = [...stmt(db, sql).iterate(...args, filter.limit ?? Number.MAX_SAFE_INTEGER, filter.offset ?? 0)] as (Row & { signature: string })[];
  return rows.map((r) => withDecision(db, r));
}

/**
 * Counts for the queue's header, never by listing. All flags by severity rank come off index
 * flags_queue; the resolved ones are found from the resolutions side (few) rather than by asking
 * every flag whether it is resolved (100,000 lookups: 0.4 s).
 */
export function countFlagTotals(db: Database, filter: Omit<FlagFilter, 'limit' | 'offset'> = {}): FlagCounts {
  const { status, ...rest } = filter;
  const { sql: where, args } = whereOf(rest);
  const all = byRank(stmt(db, `SELECT ${RANK} AS k, count(*) AS n FROM flags f ${where} GROUP BY k`).all(...args));
  const resolved = byRank(stmt(db, `SELECT ${RANK} AS k, count(*) AS n FROM ${STANDING} r
    JOIN flags f ON f.id = r.flag_id AND f.signature = r.signature ${where} GROUP BY k`).all(...args));
  const shown = (k: number) => (status === 'resolved' ? resolved[k]! : status === 'open' ? all[k]! - resolved[k]! : all[k]!);
  const bySeverity = { error: shown(0), warning: shown(1), info: shown(2) };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const open = status === 'resolved' ? 0 : sum(all) - sum(resolved);
  const done = status === 'open' ? 0 : sum(resolved);
  return { total: open + done, open, resolved: done, bySeverity };
}

function byRank(rows: unknown[]): number[] {
  const out = [0, 0, 0];
  for (const r of rows as { k: number; n: number }[]) out[r.k] = r.n;
  return out;
}

export function getFlag(db: Database, id: string): (Flag & { signature: string }) | undefined {
  const row = stmt(db, `SELECT f.*, ${STATUS} AS resolved FROM flags f WHERE f.id = ?`).get(id) as (Row & { signature: string }) | undefined;
  return row ? { ...withDecision(db, row), signature: row.signature } : undefined;
}

export function countFlags(db: Database): { rule: string; open: number; resolved: number }[] {
  // As countFlagTotals: the resolved ones from the resolutions side, not a lookup per flag.
  const resolved = new Map(stmt(db, `SELECT f.rule, count(*) FROM ${STANDING} r
    JOIN flags f ON f.id = r.flag_id AND f.signature = r.signature GROUP BY f.rule`).raw(true).all() as [string, number][]);
  return (stmt(db, 'SELECT rule, count(*) FROM flags GROUP BY rule ORDER BY rule').raw(true).all() as [string, number][])
    .map(([rule, all]) => ({ rule, open: all - (resolved.get(rule) ?? 0), resolved: resolved.get(rule) ?? 0 }));
}

/** Resolved flags (few) carry the decision that resolved them. */
function withDecision(db: Database, r: Row & { signature: string }): Flag {
  const flag = toFlag(r);
  if (!r.resolved) return flag;
  const d = standingResolution(db, r.id, r.signature);
  if (!d) return flag;
  const { id: _id, ...decision } = d;
  return { ...flag, decision };
}

function toFlag(r: Row): Flag {
  return {
    id: r.id, rule: r.rule, severity: r.severity, unit: r.unit, period: r.period, periods: JSON.parse(r.periods) as string[],
    indicators: JSON.parse(r.indicators) as string[], figures: JSON.parse(r.figures) as FlagFigure[], message: r.message,
    text: messageOf(r.message_code, r.params),
    status: r.resolved ? 'resolved' : 'open',
    ...(r.expected_low !== null && r.expected_high !== null ? { expected: { low: r.expected_low, high: r.expected_high } } : {}),
  };
}

/** Every flag id now in the table: taken before a batch's check, to tell which flags it raised. */
export function flagIds(db: Database): Set<string> {
  return new Set((stmt(db, 'SELECT id FROM flags').all() as { id: string }[]).map((r) => r.id));
}

/**
 * The open flags not in `before`, recorded as raised by the batch; answers how many. A flag a
 * reviewer had already decided is not "raised" again by a re-check.
 */
export function recordBatchFlags(db: Database, batchId: number, before: Set<string>): number {
  const open = (stmt(db, `SELECT f.id FROM flags f WHERE NOT ${STATUS}`).all() as { id: string }[]).map((r) => r.id);
  const raised = open.filter((id) => !before.has(id));
  const ins = stmt(db, 'INSERT OR IGNORE INTO batch_flags (batch_id, flag_id) VALUES (?, ?)');
  db.transaction(() => { for (const id of raised) ins.run(batchId, id); })();
  return raised.length;
}
