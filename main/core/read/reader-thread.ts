/**
 * Parsing off the calling thread, with a time limit: a file that takes longer than the limit is
 * stopped by ending the worker (a synchronous parser cannot be interrupted any other way), and the
 * next file gets a fresh one. The worker loads SheetJS once and keeps it for the whole batch.
 */
import { message } from '../../../shared/messages';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkSpreadsheet } from '../file/check-spreadsheet';
import { ImportFailure } from '../file/import-failure';
import type { ImportLimits } from '../file/limits';
import type { FileKind } from '../file/sniff';
import type { WorkbookGrid } from './grid';
import type { ReadRequest, ReadResponse } from './read-worker';

/** The worker script beside this module: .ts in development (run through tsx), .mjs when bundled. */
function spawn(): Worker {
  const ts = new URL('./read-worker.ts', import.meta.url);
  if (!fs.existsSync(fileURLToPath(ts))) return new Worker(new URL('./read-worker.mjs', import.meta.url));
  // Development and tests: register tsx's loader in the worker, then load the TypeScript worker.
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(ts.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** One reader thread, owned by the store's API that made it and stopped by its close(). */
export class ReaderThread {
  private worker: Worker | null = null;
  private nextId = 1;

  /**
   * Starts the thread now, so that it has loaded its parser by the time the first file comes
   * (a fresh thread takes about as long to start as the storing thread takes to open the store).
   */
  start(): Worker {
    const w = (this.worker ??= spawn());
    w.unref();
    return w;
  }

  /** Checks `bytes` here, then parses them in the reader thread; `keepCopyAt`: where to keep a copy once read. */
  read(bytes: Uint8Array, limits: ImportLimits, keepCopyAt?: string): Promise<WorkbookGrid> {
    let kind: FileKind;
    try {
      kind = checkSpreadsheet(bytes, limits);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const w = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void w.terminate();
        if (this.worker === w) this.worker = null;
        reject(new ImportFailure('too-slow', message('refused.too-slow', { seconds: limits.maxMillis / 1000 })));
      }, limits.maxMillis);
      const onMessage = (msg: ReadResponse) => {
        if (msg.id !== id) return;
        cleanup();
        if (!msg.ok) reject(new ImportFailure(msg.code, msg.reason, msg.sheet, msg.cell));
        else if (msg.grid) resolve(msg.grid);
      };
      const onError = (err: Error) => { cleanup(); if (this.worker === w) this.worker = null; reject(new ImportFailure('unreadable', message('refused.unreadable', { detail: err.message }))); };
      const cleanup = () => { clearTimeout(timer); w.off('message', onMessage); w.off('error', onError); };
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ id, bytes, kind, limits, ...(keepCopyAt ? { keepCopyAt } : {}) } satisfies ReadRequest);
    });
  }

  /** Resolves once the thread has finished everything asked of it so far (copies included). */
  settled(): Promise<void> {
    const w = this.worker;
    if (!w) return Promise.resolve();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onMessage = (msg: ReadResponse) => { if (msg.id === id) { w.off('message', onMessage); resolve(); } };
      w.on('message', onMessage);
      w.postMessage({ id, settle: true } satisfies ReadRequest);
    });
  }

  /** Ends the thread, so the process can exit. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
