/**
 * Copies a whole store into a new, empty one of either engine: an office's SQLite store into its
 * PostgreSQL server, or a PostgreSQL store into a SQLite file (its backup). Every table row for row,
 * ids kept, the audit log and its hash chain included; then the copy is verified (each table's rows
 * counted on both sides, the audit chain checked on the copy) before it is called done.
 */
import type { Database } from './db';
import { PgDatabase } from './postgres/pg-database';
import { verifyAudit } from './queries/audit';

/** Every table of the store, parents before the tables that refer to them (a test checks the list is whole). */
export const STORE_TABLES = [
  'settings', 'units', 'unit_successors', 'unit_names', 'indicator_groups', 'indicators', 'indicator_aliases',
  'indicator_relations', 'files', 'file_periods', 'figures', 'unmapped_rows', 'cell_errors', 'audit_log', 'audit_chain',
  'flags', 'resolutions', 'corrections', 'submission_choices', 'flag_reopenings', 'unit_assignments', 'label_mappings',
  'pending_checks', 'import_batches', 'import_batch_files', 'batch_flags', 'approvals', 'deadlines', 'accounts',
] as const;

/** Columns that exist on one engine only (PostgreSQL keeps SQLite's implicit rowid as a column). */
const ENGINE_ONLY = new Set(['rowid']);
/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters, SQLite 32,766. */
const MAX_PARAMS = 30_000;

export interface CopyReport { tables: { table: string; rows: number }[]; auditEntries: number }

function orderOf(db: Database, table: string): string {
  if (table === 'indicator_aliases') return 'rowid';
  const hasId = (db.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Record<string, unknown> | undefined)?.id !== undefined;
  return hasId ? 'id' : '1';
}

/** `to` must be a new store (migrated, empty): a copy never mixes with rows already there. */
export function copyStore(from: Database, to: Database, onTable?: (table: string, rows: number) => void): CopyReport {
  for (const table of STORE_TABLES) {
    const n = to.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    if (n.n > 0) throw new Error(`Kho đích đã có dữ liệu (bảng ${table}): chỉ chép vào một kho mới`);
  }
  const tables: CopyReport['tables'] = [];
  to.transaction(() => {
    for (const table of STORE_TABLES) {
      const rows = from.prepare(`SELECT * FROM ${table} ORDER BY ${orderOf(from, table)}`).all() as Record<string, unknown>[];
      if (rows.length > 0) {
        const cols = Object.keys(rows[0]!).filter((c) => !ENGINE_ONLY.has(c));
        const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
        const quoted = cols.map((c) => `"${c}"`).join(', ');
        for (let i = 0; i < rows.length; i += per) {
          const chunk = rows.slice(i, i + per);
          const values = chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ');
          to.prepare(`INSERT INTO ${table} (${quoted}) VALUES ${values}`).run(...chunk.flatMap((r) => cols.map((c) => r[c])));
        }
      }
      tables.push({ table, rows: rows.length });
      onTable?.(table, rows.length);
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
