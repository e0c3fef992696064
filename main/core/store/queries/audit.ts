/**
 * The append-only audit log, a hash chain: each entry's SHA-256 covers the previous entry's hash,
 * its own structured fields and the content of the decision row it records, so an entry or a
 * decision changed by someone who dropped the triggers no longer matches (verifyAudit).
 * appendAudit is the one writer.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import type { AuditCheck, AuditEntry as AuditRow } from '../../../../shared/types';
import { stmt } from '../statements';

/** The tables whose rows are decisions, each recorded by one audit entry. */
export const DECISION_TABLES = ['resolutions', 'corrections', 'submission_choices', 'flag_reopenings', 'unit_assignments', 'label_mappings'] as const;

export interface AuditEntry {
  at: string;
  user: string;
  /** A code: 'accept-flag', 'correct-figure', 'choose-submission', 'reopen-flag', 'map-label', 'assign-unit'... */
  action: string;
  /** Words for a reader of the raw log; nothing reads them back. */
  target: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  /** What the entry is about, by ids: the UI words it from these. */
  unit?: string | null;
  period?: string | null;
  flagId?: string | null;
  fileId?: number | null;
  indicator?: string | null;
  /** Anything else the UI needs to word it (a cell, a measure, a file's name), as plain data. */
  detail?: Record<string, string | number | boolean | null> | null;
  /** The decision row this entry records: its content is hashed into the entry. */
  decision?: { table: string; id: number } | null;
  /** Further rows the same decision wrote (the resolution beside a correction), hashed too. */
  also?: { table: string; id: number }[];
}

const GENESIS = '0'.repeat(64);

export function appendAudit(db: Database, e: AuditEntry): number {
  for (const d of [...(e.decision ? [e.decision] : []), ...(e.also ?? [])]) if (!isDecisionTable(db, d.table)) throw new Error(`Bảng quyết định không rõ: ${d.table}`);
  const also = e.also?.length ? JSON.stringify(e.also.map((d) => [d.table, d.id])) : null;
  // The row as stored comes back with the insert, and the chain's last link with it: one question, not three.
  const { chain_prev: prev, ...row } = stmt(db, `INSERT INTO audit_log (at, user, action, target, old_value, new_value, reason, unit, period, flag_id, file_id, indicator, detail, decision_table, decision_id, decision_also)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *, (SELECT hash FROM audit_chain ORDER BY entry_id DESC LIMIT 1) AS chain_prev`).get(
    e.at, e.user, e.action, e.target, e.oldValue, e.newValue, e.reason, e.unit ?? null, e.period ?? null, e.flagId ?? null, e.fileId ?? null,
    e.indicator ?? null, e.detail ? JSON.stringify(e.detail) : null, e.decision?.table ?? null, e.decision?.id ?? null, also,
  ) as StoredEntry & { chain_prev: string | null };
  link(db, row, prev ?? GENESIS);
  return row.id;
}

/** Links entry `row` to the chain's last link, `prev`. */
function link(db: Database, row: StoredEntry, prev: string): void {
  stmt(db, 'INSERT INTO audit_chain (entry_id, prev_hash, hash) VALUES (?, ?, ?)').run(row.id, prev, entryHash(db, prev, row));
}

/** Links entry `row` to the chain's last link, read from the chain. */
function chain(db: Database, row: StoredEntry): void {
  link(db, row, (stmt(db, 'SELECT hash FROM audit_chain ORDER BY entry_id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS);
}

/**
 * Run once by the migration that adds the chain: entries written before it are chained in id order,
 * and each decision row made before it gets an entry of its own that records (and hashes) it, since
 * the old entries named no row.
 */
export function chainExistingAudit(db: Database, at: string): void {
  const ids = db.prepare('SELECT id FROM audit_log WHERE id NOT IN (SELECT entry_id FROM audit_chain) ORDER BY id').pluck().all() as number[];
  const entry = stmt(db, 'SELECT * FROM audit_log WHERE id = ?');
  for (const id of ids) chain(db, entry.get(id) as StoredEntry);
  for (const table of DECISION_TABLES) {
    for (const id of db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[]) {
      appendAudit(db, { at, user: 'Tổng Hợp', action: 'record-decision', target: `Quyết định có từ trước (${table} #${id}) được đưa vào chuỗi nhật ký`, oldValue: null, newValue: null, reason: null, decision: { table, id } });
    }
  }
}

interface StoredEntry {
  id: number; at: string; user: string; action: string; target: string; old_value: string | null; new_value: string | null; reason: string | null;
  unit: string | null; period: string | null; flag_id: string | null; file_id: number | null; indicator: string | null; detail: string | null;
  decision_table: string | null; decision_id: number | null; decision_also: string | null;
}

/** Every decision row an entry records: its own, and the further rows of the same decision. */
function recordedRows(r: StoredEntry): [string, number][] {
  const own: [string, number][] = r.decision_table && r.decision_id !== null ? [[r.decision_table, r.decision_id]] : [];
  return [...own, ...(r.decision_also ? (JSON.parse(r.decision_also) as [string, number][]) : [])];
}

/** The canonical content: a fixed order of fields, the decision row's columns as stored, JSON. */
function entryHash(db: Database, prev: string, r: StoredEntry): string {
  const decisions = recordedRows(r).map(([table, id]) => [table, id, decisionContent(db, table, id)]);
  const content = [prev, r.id, r.at, r.user, r.action, r.target, r.old_value, r.new_value, r.reason, r.unit, r.period, r.flag_id, r.file_id, r.indicator, r.detail, decisions];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function decisionContent(db: Database, table: string, id: number): [string, unknown][] | 'missing' {
  if (!isDecisionTable(db, table)) return 'missing';
  const row = stmt(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? Object.entries(row) : 'missing';
}

/** Decision tables found in each store: a table once there stays (they are never dropped), so each is looked up once. */
const decisionTablesFound = new WeakMap<Database, Set<string>>();

/** A known decision table, or one another engineer's migration added and registered by name. */
function isDecisionTable(db: Database, table: string): boolean {
  if (!/^[a-z_]+$/.test(table) || !(DECISION_TABLES as readonly string[]).includes(table)) return false;
  let found = decisionTablesFound.get(db);
  if (found?.has(table)) return true;
  if (stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) === undefined) return false;
  if (!found) decisionTablesFound.set(db, (found = new Set()));
  found.add(table);
  return true;
}

/**
 * Walks the chain: every entry's hash recomputed from its fields, the decision row it records and
 * the previous hash; then every decision row must be recorded by an entry. The first that does not
 * agree is named.
 */
export function verifyAudit(db: Database): AuditCheck {
  const rows = stmt(db, `SELECT a.*, c.prev_hash, c.hash FROM audit_log a LEFT JOIN audit_chain c ON c.entry_id = a.id ORDER BY a.id`)
    .iterate() as Iterable<StoredEntry & { prev_hash: string | null; hash: string | null }>;
  let prev = GENESIS;
  let entries = 0;
  const recorded = new Set<string>();
  for (const r of rows) {
    entries++;
    if (r.hash === null || r.prev_hash === null) return broken(entries, r.id, `Mục nhật ký #${r.id} không nằm trong chuỗi (được thêm ngoài ứng dụng)`);
    if (r.prev_hash !== prev) return broken(entries, r.id, `Mục nhật ký #${r.id} không nối với mục trước (có mục bị xóa hoặc chèn)`);
    if (entryHash(db, prev, r) !== r.hash) {
      const rows = recordedRows(r);
      const gone = rows.filter(([t, id]) => decisionContent(db, t, id) === 'missing').map(([t, id]) => `${t} #${id}`);
      const what = gone.length ? `quyết định ${gone.join(', ')} đã bị xóa` : rows.length ? `quyết định ${rows.map(([t, id]) => `${t} #${id}`).join(', ')} hoặc chính mục này đã bị sửa` : 'nội dung mục đã bị sửa';
      return broken(entries, r.id, `Mục nhật ký #${r.id} không khớp: ${what}`);
    }
    for (const [t, id] of recordedRows(r)) recorded.add(`${t}#${id}`);
    prev = r.hash;
  }
  const chained = stmt(db, 'SELECT count(*) FROM audit_chain').pluck().get() as number;
  if (chained !== entries) return broken(entries, null, `Chuỗi nhật ký có ${chained} mắt xích cho ${entries} mục: có mục đã bị xóa`);
  for (const table of DECISION_TABLES) {
    if (!isDecisionTable(db, table)) continue;
    for (const id of stmt(db, `SELECT id FROM ${table} ORDER BY id`).pluck().iterate() as Iterable<number>) {
      if (!recorded.has(`${table}#${id}`)) return broken(entries, null, `Quyết định ${table} #${id} không có mục nhật ký nào ghi nhận (được thêm ngoài ứng dụng)`);
    }
  }
  return { ok: true, entries, brokenEntry: null, message: null };
}

function broken(entries: number, entryId: number | null, message: string): AuditCheck {
  return { ok: false, entries, brokenEntry: entryId, message };
}

export function listAudit(db: Database): AuditRow[] {
  const rows = stmt(db, `SELECT id, at, user, action, target, old_value AS oldValue, new_value AS newValue, reason, unit, period, flag_id AS flagId,
    file_id AS fileId, indicator, detail FROM audit_log ORDER BY id`).all() as (Omit<AuditRow, 'detail'> & { detail: string | null })[];
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as AuditRow['detail']) : null }));
}
