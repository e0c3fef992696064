/**
 * Where checks run: in the calling thread (the CLI, tests, an in-memory store), or in a worker
 * thread over its own connection (the app and browser mode), so that a national check of several
 * seconds does not hold up every other call. Both give the same flags: the worker runs the same
 * Checker over the same store.
 */
import type { Worker } from 'node:worker_threads';
import type { CatalogFile } from '../../../shared/catalog';
import type { CheckSummary } from '../../../shared/types';
import type { Database } from '../store/open-db';
import { spawnWorker } from '../spawn-worker';
import { Checker } from './checker';
import type { CatalogMessage, CheckRequest, CheckResponse, CheckWorkerData } from './check-worker';

export interface Checks {
  /** Every rule over every figure. */
  full(): Promise<CheckSummary>;
  /** The units a change touched (see Checker.units); `decision`: a reviewer's correction or choice. */
  units(codes: Iterable<string>, decision?: boolean): Promise<CheckSummary>;
  /** The office changed its catalog: checks asked from now on use this one. */
  catalogChanged(catalog: CatalogFile): void;
  close(): Promise<void>;
}

export function checksInThread(db: Database, catalog: CatalogFile): Checks {
  let checker = new Checker(db, catalog);
  return {
    full: async () => checker.full(),
    units: async (codes, decision = false) => checker.units(codes, decision),
    catalogChanged: (changed) => { checker = new Checker(db, changed); },
    close: async () => undefined,
  };
}

/** Checks in a worker thread, started at the first check; requests are answered in order. */
export class CheckThread implements Checks {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (s: CheckSummary) => void; reject: (e: Error) => void }>();

  constructor(private readonly data: CheckWorkerData) {}

  full(): Promise<CheckSummary> {
    return this.ask({ id: this.nextId++, kind: 'full' });
  }

  units(codes: Iterable<string>, decision = false): Promise<CheckSummary> {
    return this.ask({ id: this.nextId++, kind: 'units', codes: [...codes], decision });
  }

  /** A running thread takes the catalog after the checks already asked; one not started yet reads it at start. */
  catalogChanged(catalog: CatalogFile): void {
    this.data.catalog = catalog;
    this.worker?.postMessage({ kind: 'catalog', catalog } satisfies CatalogMessage);
  }

  /** Ends the thread; a check under way is rolled back with it (its transaction never commits). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
    for (const p of this.pending.values()) p.reject(new Error('kiểm tra bị dừng khi đóng ứng dụng'));
    this.pending.clear();
  }

  private ask(req: CheckRequest): Promise<CheckSummary> {
    const w = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      w.ref(); // a check under way keeps the process alive
      w.postMessage(req);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = spawnWorker(import.meta.url, 'check-worker', { workerData: this.data });
    w.on('message', (msg: CheckResponse) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (this.pending.size === 0) w.unref();
      if (msg.ok) p?.resolve(msg.summary);
      else p?.reject(new Error(msg.message));
    });
    // A thread that dies fails what it was asked; the next check starts a fresh one.
    const fail = (err: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(new Error(`kiểm tra không chạy được: ${err.message}`));
      this.pending.clear();
    };
    w.on('error', fail);
    // A thread ended by close() fails nothing: its successor may already hold the pending checks.
    w.on('exit', (code) => { if (this.worker === w && this.pending.size) fail(new Error(`luồng kiểm tra dừng (mã ${code})`)); });
    this.worker = w;
    return w;
  }
}
