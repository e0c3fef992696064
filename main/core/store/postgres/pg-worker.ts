/**
 * The PostgreSQL connection of one store, in its own thread: pg-database.ts sends each query and
 * waits on a shared flag, so the store's query functions stay synchronous on both engines (as
 * better-sqlite3 is). Queries run in the order they arrive over one connection, so a transaction's
 * statements stay together. A failed query that nobody waits for (a write sent without waiting) is
 * kept and given to the next query that is waited for.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { usePgTypes } from './pg-types';
import { CHANGES_CHANNEL } from './changes-channel';
import { CONNECTION_LOST, postReply, tellEnd } from './reply-signal';

export interface PgWorkerData { url: string; port: MessagePort; signal: Int32Array }
/**
 * `always`: run even after an unwaited failure (the ROLLBACK that ends the failed transaction).
 * `seq`: an unwaited write's number, its result kept until the transaction ends; `fetch`: a waited
 * request for that result (the caller read the write's row count or new id).
 */
export interface PgRequest {
  sql: string; params: unknown[]; rowMode?: 'array'; wait: boolean; always?: boolean; close?: boolean; seq?: number; fetch?: number;
  /** A statement's name on this connection (one statement, run many times): parsed and planned once, as SQLite's prepared statements are. */
  name?: string;
  /** With `fetch`: the result is given once (a cursor's batch), not kept to the transaction's end. */
  take?: boolean;
  /** The rows of a COPY ... FROM STDIN (`sql`), in COPY's text format, UTF-8 (handed over, not copied, inside a transaction). */
  copy?: Uint8Array;
  /** A waited request's number, given back with its answer (reply-signal.ts). */
  id?: number;
  /**
   * With `sql` a COPY (...) TO STDOUT and `describe` the same query with LIMIT 0: start a read
   * numbered `copyOut`, answering with its columns; the bytes are read off the connection as they
   * come, and handed out unparsed by requests with `copyChunk` (copy-out.ts parses them).
   */
  copyOut?: number; describe?: string; copyChunk?: number;
  /** A read left early: what is left of it is read and dropped. */
  copyDrop?: number;
}
export type PgReply = { ok: true; rows: unknown[]; rowCount: number; fields?: string[]; types?: number[]; data?: Uint8Array; end?: boolean } | { ok: false; message: string; code?: string; detail?: string; unsent?: boolean };

usePgTypes(pg.types);

/**
 * A COPY read's bytes not yet handed out (`bytes` of them). `held`: the stream may be paused while
 * they are many; not once another request came, since it runs only after the read ends.
 */
interface CopyOut { chunks: Buffer[]; bytes: number; done: boolean; error?: Error; wake?: () => void; dropped?: boolean; stream?: Readable; held: boolean }
/** At most this much per answer: the rest waits for the next request. */
const CHUNK_BYTES = 4 << 20;
/**
 * Past this many bytes not handed out, a read is paused until the caller takes some: a national
 * year's figures are 82 MB of COPY text, which a caller parsing slower than the server sends
 * would otherwise find all in this thread's memory.
 */
const HOLD_BYTES = 16 << 20;

const { url, port, signal } = workerData as PgWorkerData;
tellEnd(signal);
const client = new pg.Client({ connectionString: url, application_name: 'tonghop' });
/**
 * The server closed the connection (restarted, the connection ended by its administrator, the
 * network gone), or could not be reached: pg says so as an 'error' event (which unheard would end
 * this thread) or by refusing to connect. Every request from then on is answered with it, at once;
 * the store opens a new connection for its next statement (pg-database.ts).
 */
let lost: Error | undefined;
let connected = false;
client.on('error', (err) => { lost ??= err; });
const ready = client.connect().then(() => { connected = true; }, (err: Error) => { lost ??= err; throw err; });

/**
 * A statement under way when the connection ends fails with the server's last word (57P01-57P03:
 * shut down, ended by the administrator) or the socket's, before pg's 'error' event comes.
 */
function connectionGone(e: Error & { code?: string }): boolean {
  return /^57P0[123]$/.test(e.code ?? '') || ['ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e.code ?? '') || /^Connection terminated/.test(e.message);
}

/** `unsent`: the connection was gone before the request came, so it did nothing on the server. */
function lostReply(err: Error, unsent: boolean): PgReply {
  const what = connected ? 'Mất kết nối tới máy chủ PostgreSQL' : 'Không kết nối được tới máy chủ PostgreSQL';
  return { ok: false, message: `${what} (${err.message}): hãy kiểm tra máy chủ rồi thử lại`, code: CONNECTION_LOST, unsent };
}

// What other desks commit (and this one), counted in signal[1] for the store's change stamp.
const listener = new pg.Client({ connectionString: url, application_name: 'tonghop-listen' });
listener.on('notification', () => { Atomics.add(signal, 1, 1); });
// A desk that cannot listen still works; its screens refresh when the person reloads them.
listener.on('error', () => undefined);
void listener.connect().then(() => listener.query(`LISTEN ${CHANGES_CHANNEL}`)).catch(() => undefined);
let failed: PgReply | undefined;
const kept = new Map<number, PgReply>();
const copies = new Map<number, CopyOut>();

function startCopyOut(sql: string): CopyOut {
  const stream = client.query(copyTo(sql));
  const out: CopyOut = { chunks: [], bytes: 0, done: false, stream, held: true };
  const wake = () => { const w = out.wake; out.wake = undefined; w?.(); };
  stream.on('data', (b: Buffer) => {
    if (!out.dropped) {
      out.chunks.push(b);
      out.bytes += b.length;
      if (out.held && out.bytes > HOLD_BYTES) stream.pause();
    }
    wake();
  });
  stream.on('end', () => { out.done = true; wake(); });
  stream.on('error', (err: Error) => { out.error = err; out.done = true; wake(); });
  return out;
}

/** The next bytes of a COPY read, waiting for them if none came yet; `end` once all are handed out. */
async function nextChunk(n: number): Promise<PgReply> {
  const out = copies.get(n);
  if (!out) return { ok: false, message: `no COPY read #${n}` };
  while (out.chunks.length === 0 && !out.done) await new Promise<void>((resolve) => { out.wake = resolve; });
  if (out.error) {
    copies.delete(n);
    throw out.error;
  }
  let size = 0;
  let k = 0;
  while (k < out.chunks.length && size < CHUNK_BYTES) size += out.chunks[k++]!.length;
  const data = Buffer.concat(out.chunks.splice(0, k));
  out.bytes -= size;
  if (out.stream?.isPaused() && out.bytes <= HOLD_BYTES) out.stream.resume();
  const end = out.done && out.chunks.length === 0;
  if (end) copies.delete(n);
  return { ok: true, rows: [], rowCount: 0, data, end };
}
let queue = Promise.resolve();

/** Reads under way run to their end: a statement queued behind one runs only then (the caller may be waiting for it). */
function releaseCopies(): void {
  for (const out of copies.values()) {
    out.held = false;
    out.stream?.resume();
  }
}

port.on('message', (req: PgRequest) => {
  if (req.copyChunk === undefined) releaseCopies();
  queue = queue.then(async () => {
    let r: PgReply;
    if (failed && !req.always) r = failed;
    else if (lost) r = lostReply(lost, true);
    else {
      try {
        await ready;
        if (req.fetch !== undefined) {
          r = kept.get(req.fetch) ?? { ok: false, message: `no result kept for request #${req.fetch}` };
          if (req.take) kept.delete(req.fetch);
        } else if (req.close) {
          await client.end();
          r = { ok: true, rows: [], rowCount: 0 };
        } else if (req.copyChunk !== undefined) {
          r = await nextChunk(req.copyChunk);
        } else if (req.copyDrop !== undefined) {
          const out = copies.get(req.copyDrop);
          if (out) { out.dropped = true; out.chunks = []; }
          copies.delete(req.copyDrop);
          r = { ok: true, rows: [], rowCount: 0 };
        } else if (req.copyOut !== undefined) {
          const head = await client.query({ text: req.describe ?? '', rowMode: 'array' });
          // Not awaited: the bytes are read as they come, whoever asks for them, so that statements
          // sent while the caller walks the rows run once the read ends (pg queues them behind it).
          copies.set(req.copyOut, startCopyOut(req.sql));
          r = { ok: true, rows: [], rowCount: 0, fields: head.fields.map((f) => f.name), types: head.fields.map((f) => f.dataTypeID) };
        } else if (req.copy !== undefined) {
          const stream = client.query(copyFrom(req.sql));
          await pipeline(Readable.from([Buffer.from(req.copy.buffer, req.copy.byteOffset, req.copy.byteLength)]), stream);
          r = { ok: true, rows: [], rowCount: stream.rowCount };
          if (req.seq !== undefined) kept.set(req.seq, r);
        } else {
          const res = await client.query({ text: req.sql, values: req.params, ...(req.name ? { name: req.name } : {}), ...(req.rowMode ? { rowMode: req.rowMode } : {}) });
          // Several statements (a migration) answer with one result each: the last one stands.
          const last = Array.isArray(res) ? (res.at(-1) as pg.QueryResult) : res;
          r = { ok: true, rows: last.rows ?? [], rowCount: last.rowCount ?? 0, ...(req.rowMode ? { fields: (last.fields ?? []).map((f) => f.name) } : {}) };
          if (req.seq !== undefined) kept.set(req.seq, r);
          if (/^(COMMIT|ROLLBACK)$/.test(req.sql)) kept.clear();
        }
      } catch (err) {
        const e = err as Error & { code?: string; detail?: string };
        if (connectionGone(e)) lost ??= e;
        r = lost ? lostReply(lost, false) : { ok: false, message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.detail ? { detail: e.detail } : {}) };
        // Unwaited: kept for the next waited query, where the transaction fails.
        if (!req.wait) failed ??= r;
      }
    }
    if (req.wait) {
      failed = undefined;
      postReply(port, signal, req.id ?? 0, r);
      if (req.close) port.close();
    }
  });
});
