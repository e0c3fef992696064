/**
 * Copies a whole store into a new, empty one of either engine: an office's SQLite store into its
 * PostgreSQL server, or a PostgreSQL store into a SQLite file (its backup). Every table row for row,
 * ids kept, the audit log and its hash chain included; then the copy is verified (each table's rows
 * counted on both sides, the audit chain checked on the copy) before it is called done.
 */
import type { Database } from './db';
import { PgDatabase } from './postgres/pg-database';
import { verifyAudit } from './queries/audit';
import { fileContentSizes, fileContentsFrom } from './queries/file-contents';
import { insertRows } from './statements';

/** Every table of the store, parents before the tables that refer to them (a test checks the list is whole). */
export const STORE_TABLES = [
  'settings', 'units', 'unit_successors', 'unit_names', 'indicator_groups', 'indicators', 'indicator_aliases',
  'indicator_relations', 'files', 'file_periods', 'figures', 'unmapped_rows', 'cell_errors', 'audit_log', 'audit_chain',
  'flags', 'resolutions', 'corrections', 'submission_choices', 'flag_reopenings', 'unit_assignments', 'label_mappings',
  'pending_checks', 'import_batches', 'import_batch_files', 'batch_flags', 'approvals', 'deadlines', 'accounts',
  'file_contents', 'sign_in_attempts',
] as const;

/** Columns that exist on one engine only (PostgreSQL keeps SQLite's implicit rowid as a column). */
const ENGINE_ONLY = new Set(['rowid']);
/** Values read per batch (rows times columns): a national year's million figures never in memory at once. */
const MAX_PARAMS = 30_000;
/**
 * Imported files' bytes (file_contents) are copied a few at a time, never the table at once: at
 * most this many bytes (or one file, if larger) and this many rows per batch, each batch written
 * and waited for before the next is read, so a store of gigabytes copies in bounded memory.
 */
export const CONTENT_BATCH_BYTES = 32 * 1024 * 1024;
export const CONTENT_BATCH_ROWS = 64;

export interface CopyReport { tables: { table: string; rows: number }[]; auditEntries: number }

function orderOf(db: Database, table: string): string {
  if (table === 'indicator_aliases') return 'rowid';
  const hasId = (db.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Record<string, unknown> | undefined)?.id !== undefined;
  return hasId ? 'id' : '1';
}

/**
 * Inserts `rows` into `table` of `to` (COPY into PostgreSQL); gives how many. The count is read,
 * which on PostgreSQL waits for the write: the next batch is not queued behind it in the
 * connection's thread, and a row not written is a copy that does not match.
 */
function copyRows(to: Database, table: string, rows: Record<string, unknown>[]): number {
  if (rows.length === 0) return 0;
  const cols = Object.keys(rows[0]!).filter((c) => !ENGINE_ONLY.has(c));
  const n = insertRows(to, table, cols, rows.map((row) => cols.map((c) => row[c]))).changes;
  if (n !== rows.length) throw new Error(`Bản chép không khớp: bảng ${table}, ${n} dòng ghi thay vì ${rows.length}`);
  return rows.length;
}

/** A table's rows read in order a statement's worth at a time, never the table at once (a national year's figures). */
function copyTable(from: Database, to: Database, table: string): number {
  let batch: Record<string, unknown>[] = [];
  let per = Infinity;
  let copied = 0;
  for (const row of from.prepare(`SELECT * FROM ${table} ORDER BY ${orderOf(from, table)}`).iterate() as Iterable<Record<string, unknown>>) {
    if (per === Infinity) per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(row).length));
    batch.push(row);
    if (batch.length === per) {
      copied += copyRows(to, table, batch);
      batch = [];
    }
  }
  return copied + copyRows(to, table, batch);
}

/** file_contents in batches of bounded size (CONTENT_BATCH_BYTES), in key order. */
function copyFileContents(from: Database, to: Database): number {
  const sizes = fileContentSizes(from);
  let copied = 0;
  for (let i = 0; i < sizes.length;) {
    let j = i + 1;
    let bytes = sizes[i]!.size;
    while (j < sizes.length && j - i < CONTENT_BATCH_ROWS && bytes + sizes[j]!.size <= CONTENT_BATCH_BYTES) bytes += sizes[j++]!.size;
    const rows = fileContentsFrom(from, sizes[i]!.sha256, j - i);
    copied += copyRows(to, 'file_contents', rows);
    i = j;
  }
  return copied;
}

/** `to` must be a new store (migrated, empty): a copy never mixes with rows already there. */
export function copyStore(from: Database, to: Database, onTable?: (table: string, rows: number) => void): CopyReport {
  for (const table of STORE_TABLES) {
    const n = to.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    if (n.n > 0) throw new Error(`Kho đích đã có dữ liệu (bảng ${table}): chỉ chép vào một kho mới`);
  }
  const tables: CopyReport['tables'] = [];
  to.transaction(() => {
    // A file arrives before the later file that superseded it, an indicator perhaps before its parent: checked at commit.
    if (to instanceof PgDatabase) to.exec('SET CONSTRAINTS ALL DEFERRED');
    else to.exec('PRAGMA defer_foreign_keys = ON');
    for (const table of STORE_TABLES) {
      const n = table === 'file_contents' ? copyFileContents(from, to) : copyTable(from, to, table);
      tables.push({ table, rows: n });
      onTable?.(table, n);
    }
    // PostgreSQL's identity columns go on from the highest copied id, as SQLite's rowids do.
    if (to instanceof PgDatabase) {
      for (const table of STORE_TABLES.filter((t) => to.hasId(t))) {
        to.prepare(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`).run();
      }
    }
  })();
  for (const t of tables) {
    const n = (to.prepare(`SELECT count(*) AS n FROM ${t.table}`).get() as { n: number }).n;
    if (n !== t.rows) throw new Error(`Bản chép không khớp: bảng ${t.table} có ${n} dòng, kho gốc ${t.rows}`);
  }
  const audit = verifyAudit(to);
  if (!audit.ok) throw new Error(`Bản chép không khớp: ${audit.message ?? 'chuỗi nhật ký hỏng'}`);
  return { tables, auditEntries: tables.find((t) => t.table === 'audit_log')!.rows };
}
