/**
 * A PostgreSQL store behind the same synchronous interface as better-sqlite3 (store/db.ts), so the
 * query functions, rules, review and export run unchanged on both engines. The connection lives in
 * a worker thread (pg-worker.ts); each statement is posted to it and the caller waits on a shared
 * flag (Atomics.wait), then takes the answer with receiveMessageOnPort. The main thread blocks for
 * a query's round trip as it does for a SQLite statement.
 *
 * Writes are serialised as SQLite's are: every transaction takes one advisory lock first, so two
 * desks deciding the same flag run one after the other and the second sees the first's decision.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { MessageChannel } from 'node:worker_threads';
import { spawnWorker } from '../../spawn-worker';
import type { Database, RunResult, Statement, Transaction } from '../db';
import type { PgReply, PgRequest, PgWorkerData } from './pg-worker';
import { CHANGES_CHANNEL } from './changes-channel';
import type { Dialect, Translated } from './to-postgres';
import { toPostgres } from './to-postgres';
import { createRequire } from 'node:module';
import type PgModule from 'pg';
import { copyText } from './copy-text';
import type { CopyColumn } from './copy-out';
import { CopyRowParser, inlinable, inlineParams } from './copy-out';
import { ASCII_TYPES, TEXT_TYPES, usePgTypes } from './pg-types';
import { CONNECTION_LOST, nextRequestId, SIGNAL_SLOTS, waitForReply } from './reply-signal';

/** The advisory lock every write transaction holds (any constant: only Tổng Hợp's stores use it). */
const WRITE_LOCK = 74_202_023;
/** A query that has not answered in this long has lost its server or its thread. */
const QUERY_TIMEOUT_MS = 15 * 60_000;
/** Rows per FETCH of a cursor (iterate). */
const FETCH_ROWS = 5000;
/** Rows per COPY message: a few megabytes of text at most between the threads. */
const COPY_ROWS = 20_000;
/** Its own buffer each time (not Buffer's shared pool), so it can be handed to the connection's thread. */
const UTF8 = new TextEncoder();

/**
 * pg on this side of the connection only parses COPY's text and quotes literals; it is loaded the
 * first time a PostgreSQL store needs it, not at every start (a tenth of the CLI's start-up with SQLite).
 */
let pgModule: typeof PgModule | undefined;
function pg(): typeof PgModule {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    usePgTypes(pgModule.types);
  }
  return pgModule;
}

export class PgError extends Error {
  constructor(message: string, readonly code?: string) { super(message); }
}

export class PgDatabase implements Database {
  private worker!: Worker;
  private port!: MessagePort;
  /**
   * [0]: the number of the last request answered (reply-signal.ts); [1]: changes committed to the
   * store, as the worker hears of them; [2]: the thread ended. One per connection's thread.
   */
  private signal!: Int32Array;
  /** The number of the last request waited for. */
  private asked = 0;
  private readonly sqlCache = new Map<string, Translated & { name: string }>();
  /** Statement names start afresh when the schema changes (a migration): a plan made before it is not reused. */
  private generation = 0;
  private dialect: Dialect = { tablesWithId: new Set() };
  private depth = 0;
  private seq = 0;
  private wrote = false;
  private closed = false;
  /** The server ended the connection: the next statement outside a transaction opens a new one. */
  private lost = false;

  constructor(readonly url: string) {
    this.connect(0);
    // The first query: it also tells that the server answers.
    this.refreshDialect();
  }

  /** A connection's thread, with its own signal; `changes`: the change count it starts from. */
  private connect(changes: number): void {
    const { port1, port2 } = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * 4));
    Atomics.store(this.signal, 1, changes);
    const data: PgWorkerData = { url: this.url, port: port2, signal: this.signal };
    this.worker = spawnWorker(import.meta.url, 'pg-worker', { workerData: data, transferList: [port2] });
    this.port = port1;
    this.port.unref();
    this.worker.unref();
  }

  /**
   * A new connection after the server ended the last one (a restart, the network back): the
   * person's next action works without restarting the app. What other desks committed meanwhile
   * went unheard, so the change count moves and screens read again.
   */
  private reconnect(): void {
    void this.worker.terminate();
    this.port.close();
    this.connect(this.changes() + 1);
    this.lost = false;
  }

  /** After the schema changes (a migration): which tables number their rows (`id`, as SQLite's rowid) for an insert to return. */
  refreshDialect(): void {
    // From the catalog itself: information_schema's view costs a new connection 15-20 ms more, at every start.
    const rows = this.call({ sql: `SELECT c.relname AS table_name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attname = 'id' AND a.attidentity <> '' AND NOT a.attisdropped AND c.relnamespace = current_schema()::regnamespace`, params: [], wait: true }).rows as { table_name: string }[];
    this.dialect = { tablesWithId: new Set(rows.map((r) => r.table_name)) };
    this.sqlCache.clear();
    this.generation++;
  }

  hasId(table: string): boolean {
    return this.dialect.tablesWithId.has(table);
  }

  call(req: PgRequest, retried = false): Extract<PgReply, { ok: true }> {
    if (this.closed) throw new PgError('Kết nối tới máy chủ PostgreSQL đã đóng');
    if (this.lost && this.depth === 0) this.reconnect();
    if (!req.wait) {
      // A COPY's rows inside a transaction are handed over, not copied (tens of MB for a nation's
      // figures): a failure there fails the transaction, so they are never sent again.
      this.port.postMessage(req, req.copy && this.depth > 0 ? [req.copy.buffer as ArrayBuffer] : []);
      return { ok: true, rows: [], rowCount: 0 };
    }
    const id = (this.asked = nextRequestId(this.asked));
    this.port.postMessage({ ...req, id });
    const got = waitForReply(this.port, this.signal, id, QUERY_TIMEOUT_MS);
    if (got === 'timed-out') throw new PgError(`Máy chủ PostgreSQL không trả lời sau ${QUERY_TIMEOUT_MS / 60_000} phút`);
    if (got === 'missing') throw new PgError('Luồng kết nối PostgreSQL không trả lời');
    if (got === 'ended') {
      this.lost = true;
      throw new PgError('Luồng kết nối PostgreSQL đã dừng', CONNECTION_LOST);
    }
    const reply = got.message as PgReply;
    if (!reply.ok) {
      if (reply.code === CONNECTION_LOST) {
        this.lost = true;
        // Gone before the statement was sent: it did nothing, so it goes again over a new connection, once.
        if (reply.unsent && this.depth === 0 && !retried) return this.call(req, true);
      }
      throw new PgError(reply.detail ? `${reply.message} (${reply.detail})` : reply.message, reply.code);
    }
    return reply;
  }

  translate(sql: string): Translated & { name: string } {
    let t = this.sqlCache.get(sql);
    if (!t) this.sqlCache.set(sql, (t = { ...toPostgres(sql, this.dialect), name: `s${this.sqlCache.size + 1}_${this.generation}` }));
    return t;
  }

  /**
   * A write inside a transaction is sent without waiting for it (thousands of figures per file
   * would otherwise each cost a thread handoff); its row count and new id are fetched only when
   * read. A failure surfaces at the next waited query, which fails the transaction as it should.
   */
  write(sql: string, params: unknown[], name?: string): RunResult {
    return this.send({ sql, params, ...(name ? { name } : {}) });
  }

  private send(req: Omit<PgRequest, 'wait'>): RunResult {
    if (this.depth === 0) {
      const res = this.call({ ...req, wait: true });
      if (res.rowCount > 0) this.notifyChange();
      return { changes: res.rowCount, lastInsertRowid: lastId(res.rows) };
    }
    this.wrote = true;
    const seq = ++this.seq;
    this.call({ ...req, wait: false, seq });
    let got: { rows: unknown[]; rowCount: number } | undefined;
    const fetch = () => (got ??= this.call({ sql: '', params: [], wait: true, fetch: seq }));
    return {
      get changes() { return fetch().rowCount; },
      get lastInsertRowid() { return lastId(fetch().rows); },
    };
  }

  prepare(sql: string): Statement {
    return new PgStatement(this, sql);
  }

  /**
   * COPY ... FROM STDIN, COPY_ROWS rows a message: a bulk load's cost is the server's, not a
   * round trip per statement. Inside a transaction sent without waiting, as write() is.
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): { readonly changes: number } {
    const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
    const parts: RunResult[] = [];
    for (let i = 0; i < rows.length; i += COPY_ROWS) parts.push(this.send({ sql, params: [], copy: UTF8.encode(copyText(rows.slice(i, i + COPY_ROWS))) }));
    return { get changes() { return parts.reduce((n, p) => n + p.changes, 0); } };
  }

  /** SQL in PostgreSQL's own dialect (migrations), run as it is. */
  exec(sql: string): this {
    this.call({ sql, params: [], wait: true });
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as better-sqlite3 types it
  transaction<F extends (...args: any[]) => any>(fn: F): Transaction<F> {
    const run = (...args: Parameters<F>): ReturnType<F> => {
      if (this.depth > 0) {
        const sp = `sp${this.depth}`;
        this.exec(`SAVEPOINT ${sp}`);
        this.depth++;
        try {
          const r = fn(...args) as ReturnType<F>;
          this.exec(`RELEASE SAVEPOINT ${sp}`);
          return r;
        } catch (err) {
          this.call({ sql: `ROLLBACK TO SAVEPOINT ${sp}`, params: [], wait: true, always: true });
          throw err;
        } finally {
          this.depth--;
        }
      }
      // Sent without waiting: the transaction's first waited statement waits behind them (for the
      // lock too, while another desk writes), and a failure surfaces there. Two round trips fewer per transaction.
      this.call({ sql: 'BEGIN', params: [], wait: false });
      this.depth = 1;
      try {
        this.call({ sql: 'SELECT pg_advisory_xact_lock($1)', params: [WRITE_LOCK], wait: false });
        const r = fn(...args) as ReturnType<F>;
        // Told to every desk listening, when (and only if) the transaction commits.
        if (this.wrote) this.notifyChange();
        this.exec('COMMIT');
        return r;
      } catch (err) {
        this.call({ sql: 'ROLLBACK', params: [], wait: true, always: true });
        throw err;
      } finally {
        this.depth = 0;
        this.wrote = false;
      }
    };
    return Object.assign(run, { immediate: run }) as unknown as Transaction<F>;
  }

  /**
   * A cursor over `sql`, read FETCH_ROWS at a time. Cursors live in a transaction: outside one, a
   * read-only transaction is opened for the walk (statements run inside the loop join it) and
   * closed when the walk ends or is left early. The next batch is asked for before this one is
   * handed out, so the server and the connection's thread read it while the caller works.
   */
  *cursor(sql: string, params: unknown[], mode: RowShape): Generator<unknown, void, undefined> {
    const name = `c${++this.seq}`;
    const own = this.depth === 0;
    if (own) {
      this.exec('BEGIN READ ONLY');
      this.depth = 1;
    }
    try {
      this.call({ sql: `DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params, wait: true });
      const ask = () => {
        const seq = ++this.seq;
        this.call({ sql: `FETCH ${FETCH_ROWS} FROM ${name}`, params: [], wait: false, seq, rowMode: 'array' });
        return seq;
      };
      for (let next = ask(); ;) {
        const res = this.call({ sql: '', params: [], wait: true, fetch: next, take: true });
        const more = res.rows.length === FETCH_ROWS;
        if (more) next = ask();
        yield* shaped(res, mode);
        if (!more) break;
      }
      this.call({ sql: `CLOSE ${name}`, params: [], wait: true });
    } finally {
      if (own) {
        this.depth = 0;
        this.wrote = false;
        this.call({ sql: 'COMMIT', params: [], wait: true, always: true });
      }
    }
  }

  /**
   * The rows of `sql` through COPY (...) TO STDOUT, parsed here (copy-out.ts): a big read's cost is
   * the server's and the parse's, not pg's per-row parsing. The connection's thread reads the bytes
   * off the socket as they come, so statements run while walking the rows wait only for the read
   * to finish. Values the SQL cannot take inline (bytes) go through the cursor instead.
   */
  *rows(sql: string, params: unknown[], mode: RowShape): Generator<unknown, void, undefined> {
    if (!inlinable(params)) return yield* this.cursor(sql, params, mode);
    const query = inlineParams(sql, params, pg().escapeLiteral);
    const n = ++this.seq;
    const head = this.call({ sql: `COPY (${query}) TO STDOUT`, describe: `SELECT * FROM (${query}) AS q LIMIT 0`, params: [], wait: true, copyOut: n });
    const parser = new CopyRowParser((head.types ?? []).map(columnOf));
    const names = head.fields ?? [];
    let ended = false;
    try {
      while (!ended) {
        const got = this.call({ sql: '', params: [], wait: true, copyChunk: n });
        ended = got.end === true;
        if (!got.data?.length) continue;
        parser.feed(Buffer.from(got.data.buffer, got.data.byteOffset, got.data.length));
        for (let row = parser.next(); row; row = parser.next()) yield shapedRow(row, names, mode);
      }
      parser.finish();
    } finally {
      if (!ended) this.call({ sql: '', params: [], wait: false, always: true, copyDrop: n });
    }
  }

  private notifyChange(): void {
    this.call({ sql: `NOTIFY ${CHANGES_CHANNEL}`, params: [], wait: false });
  }

  /** Commits to the store by any desk that this connection has heard of (LISTEN/NOTIFY); rises with each. */
  changes(): number {
    return Atomics.load(this.signal, 1);
  }

  close(): this {
    if (this.closed) return this;
    try {
      if (!this.lost) this.call({ sql: '', params: [], wait: true, close: true });
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
    return this;
  }
}

/** Parameters as better-sqlite3 takes them: positional values (arrays spread), or one object of named ones. */
function bind(t: Translated, params: unknown[]): unknown[] {
  const named = t.names.length > 0 && params.length === 1 && params[0] !== null && typeof params[0] === 'object' && !Buffer.isBuffer(params[0]);
  const values = named ? t.names.map((n) => (params[0] as Record<string, unknown>)[n]) : params.flatMap((p) => (Array.isArray(p) ? p : [p]));
  return values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
}

type RowShape = 'row' | 'pluck' | 'raw';

/** A column of a COPY read by its type: pg's parser for it (none where the text is the value). */
function columnOf(oid: number): CopyColumn {
  return { parse: TEXT_TYPES.has(oid) ? null : (pg().types.getTypeParser(oid, 'text') as (s: string) => unknown), ascii: ASCII_TYPES.has(oid) };
}

/**
 * Rows cross from the connection's thread as arrays with their column names once, and become
 * objects here: pg builds an object per row more slowly than this, and copying arrays between
 * threads costs less than copying objects, which carry their keys on every row.
 */
function shaped(res: { rows: unknown[]; fields?: string[] }, shape: RowShape): unknown[] {
  const rows = res.rows as unknown[][];
  if (shape === 'raw') return rows;
  const names = res.fields ?? [];
  return rows.map((r) => shapedRow(r, names, shape));
}

function shapedRow(r: unknown[], names: readonly string[], shape: RowShape): unknown {
  if (shape === 'raw') return r;
  if (shape === 'pluck') return r[0];
  const o: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) o[names[i]!] = r[i];
  return o;
}

function lastId(rows: unknown[]): number {
  return (rows.at(-1) as { id?: number } | undefined)?.id ?? 0;
}

class PgStatement implements Statement {
  private mode: RowShape = 'row';
  constructor(private readonly db: PgDatabase, private readonly source: string) {}

  private query(params: unknown[]): unknown[] {
    const t = this.db.translate(this.source);
    return shaped(this.db.call({ sql: t.sql, params: bind(t, params), wait: true, name: t.name, rowMode: 'array' }), this.mode);
  }

  run(...params: unknown[]): RunResult {
    const t = this.db.translate(this.source);
    return this.db.write(t.sql, bind(t, params), t.name);
  }
  get(...params: unknown[]): unknown { return this.query(params)[0]; }
  all(...params: unknown[]): unknown[] { return this.query(params); }
  /** Rows a batch at a time through a server-side cursor: a national year's figures are never all in memory. */
  iterate(...params: unknown[]): IterableIterator<unknown> {
    const t = this.db.translate(this.source);
    return this.db.rows(t.sql, bind(t, params), this.mode);
  }
  pluck(on = true): this { this.mode = on ? 'pluck' : 'row'; return this; }
  raw(on = true): this { this.mode = on ? 'raw' : 'row'; return this; }
}
