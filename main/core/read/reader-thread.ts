/**
 * Parsing off the calling thread, with a time limit: a file that takes longer than the limit is
 * stopped by ending the worker (a synchronous parser cannot be interrupted any other way), and the
 * files queued behind it are read again by a fresh one. The worker loads SheetJS once and keeps it
 * for the whole batch.
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

/** A request the worker has not answered yet. */
interface Pending {
  /** The worker has begun on it: its time limit runs from now, not while it waits its turn. */
  begun: () => void;
  answer: (a: Answered) => void;
  /** The worker died: this request was the one it was working on. */
  fail: (f: ImportFailure) => void;
  /** The worker died working on another request: this one is asked again of a fresh worker. */
  again: () => void;
}

type Answered = Exclude<ReadResponse, { begun: true }>;

/** One worker and what it was asked. */
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  error?: Error;
  /** Ended on purpose: for a request that took too long, or by stop(). */
  ended?: 'too-slow' | 'stopped';
}

/** A thread with work asked of it keeps the process running (a file's time limit runs only from its turn); an idle one does not. */
function holdOpen(slot: Slot): void {
  if (slot.pending.size > 0) slot.worker.ref(); else slot.worker.unref();
}

/** One reader thread, owned by the store's API that made it and stopped by its close(). */
export class ReaderThread {
  private slot: Slot | null = null;
  private nextId = 1;

  /** `heapMb`: the reader's heap cap (ImportLimits.maxReaderHeapMb). */
  constructor(private readonly heapMb = 512) {}

  /**
   * Starts the thread now, so that it has loaded its parser by the time the first file comes
   * (a fresh thread takes about as long to start as the storing thread takes to open the store).
   */
  start(): void {
    this.current();
  }

  private current(): Slot {
    if (this.slot) return this.slot;
    const slot: Slot = { worker: spawn(this.heapMb), pending: new Map() };
    slot.worker.on('message', (msg: ReadResponse) => {
      const p = slot.pending.get(msg.id);
      if (!p) return;
      if ('begun' in msg) return p.begun();
      slot.pending.delete(msg.id);
      holdOpen(slot);
      p.answer(msg);
    });
    slot.worker.on('error', (err) => { slot.error = err; });
    slot.worker.on('exit', () => this.ended(slot));
    holdOpen(slot);
    return (this.slot = slot);
  }

  private drop(slot: Slot): void {
    if (this.slot === slot) this.slot = null;
  }

  /** The worker is gone: the request it was working on fails, the ones queued behind it go to a fresh worker. */
  private ended(slot: Slot): void {
    this.drop(slot);
    const ids = [...slot.pending.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      const p = slot.pending.get(id)!;
      slot.pending.delete(id);
      if (slot.ended === 'stopped') p.fail(new ImportFailure('unreadable', message('refused.unreadable', { detail: 'luồng đọc tệp đã dừng' })));
      // A request that took too long has been answered already; the worker was on no other.
      else if (slot.ended !== 'too-slow' && id === ids[0]) p.fail(deathOf(slot.error ?? new Error('luồng đọc tệp đã dừng'), this.heapMb));
      else p.again();
    }
  }

  /**
   * Checks `bytes` (kind, size, zip guard) and parses them, both in the reader thread and both
   * under the time limit; `keepCopyAt`: where to keep a copy once read.
   */
  read(bytes: Uint8Array, limits: ImportLimits, keepCopyAt?: string): Promise<WorkbookGrid> {
    const slot = this.current();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      slot.pending.set(id, {
        begun: () => {
          timer = setTimeout(() => {
            slot.pending.delete(id);
            slot.ended = 'too-slow';
            this.drop(slot);
            void slot.worker.terminate();
            reject(new ImportFailure('too-slow', message('refused.too-slow', { seconds: limits.maxMillis / 1000 })));
          }, limits.maxMillis);
        },
        answer: (msg) => {
          clearTimeout(timer);
          if (!msg.ok) return reject(new ImportFailure(msg.code, msg.reason, msg.sheet, msg.cell));
          if (msg.loadMs !== undefined) addPhase('loading SheetJS (reader thread)', msg.loadMs);
          addPhase('parsing (reader thread)', msg.parseMs ?? 0);
          resolve(msg.grid!);
        },
        fail: (f) => { clearTimeout(timer); reject(f); },
        again: () => { clearTimeout(timer); resolve(this.read(bytes, limits, keepCopyAt)); },
      });
      holdOpen(slot);
      slot.worker.postMessage({ id, bytes, limits, ...(keepCopyAt ? { keepCopyAt } : {}) } satisfies ReadRequest);
    });
  }

  /** Resolves once the thread has finished everything asked of it so far (copies included). */
  settled(): Promise<void> {
    const slot = this.slot;
    if (!slot) return Promise.resolve();
    const id = this.nextId++;
    return new Promise((resolve) => {
      // A worker that died has nothing more to write.
      slot.pending.set(id, { begun: () => undefined, answer: () => resolve(), fail: () => resolve(), again: () => resolve() });
      holdOpen(slot);
      slot.worker.postMessage({ id, settle: true } satisfies ReadRequest);
    });
  }

  /** Ends the thread, so the process can exit. */
  async stop(): Promise<void> {
    const slot = this.slot;
    this.slot = null;
    if (!slot) return;
    slot.ended = 'stopped';
    await slot.worker.terminate();
  }
}
