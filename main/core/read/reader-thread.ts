/**
 * Parsing off the calling thread, with a time limit: a file that takes longer than the limit is
 * stopped by ending the worker (a synchronous parser cannot be interrupted any other way), and the
 * next file gets a fresh one. The worker loads SheetJS once and keeps it for the whole batch.
 */
import type { Worker } from 'node:worker_threads';
import { message } from '../../../shared/messages';
import { ImportFailure } from '../file/import-failure';
import type { ImportLimits } from '../file/limits';
import type { WorkbookGrid } from './grid';
import type { ReadRequest, ReadResponse } from './read-worker';
import { addPhase } from '../phase-times';
import { spawnWorker } from '../spawn-worker';

/**
 * The worker script beside this module. Its heap is capped, so a file that needs more memory ends
 * this thread, not the app.
 */
function spawn(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(heapMb / 8)) };
  return spawnWorker(import.meta.url, 'read-worker', { resourceLimits });
}

/** How a worker that died is answered: out of memory is the file's doing, in the person's words. */
function deathOf(err: Error & { code?: string }, heapMb: number): ImportFailure {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ImportFailure('too-much-memory', `đọc tệp cần hơn ${heapMb} MB bộ nhớ nên đã dừng; tệp quá lớn so với một báo cáo hoặc bị hỏng`);
  }
  return new ImportFailure('unreadable', message('refused.unreadable', { detail: err.message }));
}

/** One reader thread, owned by the store's API that made it and stopped by its close(). */
export class ReaderThread {
  private worker: Worker | null = null;
  private nextId = 1;

  /** `heapMb`: the reader's heap cap (ImportLimits.maxReaderHeapMb). */
  constructor(private readonly heapMb = 512) {}

  /**
   * Starts the thread now, so that it has loaded its parser by the time the first file comes
   * (a fresh thread takes about as long to start as the storing thread takes to open the store).
   */
  start(): Worker {
    const w = (this.worker ??= spawn(this.heapMb));
    w.unref();
    return w;
  }

  /**
   * Checks `bytes` (kind, size, zip guard) and parses them, both in the reader thread and both
   * under the time limit; `keepCopyAt`: where to keep a copy once read.
   */
  read(bytes: Uint8Array, limits: ImportLimits, keepCopyAt?: string): Promise<WorkbookGrid> {
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
        else if (msg.grid) {
          if (msg.loadMs !== undefined) addPhase('loading SheetJS (reader thread)', msg.loadMs);
          addPhase('parsing (reader thread)', msg.parseMs ?? 0);
          resolve(msg.grid);
        }
      };
      const onError = (err: Error) => { cleanup(); if (this.worker === w) this.worker = null; reject(deathOf(err, this.heapMb)); };
      // An exit with no error event (ended from outside): the next file gets a fresh thread.
      const onExit = () => onError(new Error('luồng đọc tệp đã dừng'));
      const cleanup = () => { clearTimeout(timer); w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, bytes, limits, ...(keepCopyAt ? { keepCopyAt } : {}) } satisfies ReadRequest);
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
