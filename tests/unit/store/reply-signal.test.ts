/**
 * The PostgreSQL thread's answers to a caller blocked on them (store/postgres/reply-signal.ts): a
 * notify that comes late, after the caller has taken its answer and asked again, does not make
 * the next wait return before the next answer is posted.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { nextRequestId, SIGNAL_SLOTS, waitForReply } from '../../../main/core/store/postgres/reply-signal';
import { spawnWorker } from '../../../main/core/spawn-worker';

/**
 * A thread answering as pg-worker.ts does, but preempted between storing the first answer's
 * number and its notify (the notify comes 300 ms later); the second answer comes after 800 ms.
 */
const LATE_NOTIFY = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
port.on('message', (req) => {
  if (req.id === 1) {
    port.postMessage('first');
    Atomics.store(signal, 0, 1);
    setTimeout(() => Atomics.notify(signal, 0), 300);
  } else {
    setTimeout(() => { port.postMessage('second'); Atomics.store(signal, 0, req.id); Atomics.notify(signal, 0); }, 800);
  }
});
`;

describe('waiting for the PostgreSQL thread\'s answer', () => {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * 4));
  const worker = new Worker(LATE_NOTIFY, { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  afterAll(async () => { port1.close(); await worker.terminate(); });

  it('takes the answer to its own request, not a wake-up left over from the one before', () => {
    port1.postMessage({ id: 1 });
    // The caller sees the first answer's number before the thread's notify, and takes it at once.
    const until = Date.now() + 10_000;
    while (Atomics.load(signal, 0) !== 1 && Date.now() < until) Atomics.wait(signal, 0, 0, 10);
    expect(waitForReply(port1, signal, 1, 5000)).toEqual({ message: 'first' });

    // Asked again, it is woken by the first answer's late notify: it waits on for its own answer.
    port1.postMessage({ id: 2 });
    const t0 = performance.now();
    expect(waitForReply(port1, signal, 2, 5000)).toEqual({ message: 'second' });
    expect(performance.now() - t0).toBeGreaterThan(400);
  });

  it('gives up after its time limit when no answer comes', () => {
    expect(waitForReply(port1, signal, 7, 50)).toBe('timed-out');
  });

  it('is told at once when the thread ends without answering, instead of waiting out its time limit', () => {
    const ch = new MessageChannel();
    const ending = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * 4));
    const w = spawnWorker(new URL('../../fixtures/', import.meta.url).href, 'ending-worker', { workerData: { signal: ending } });
    w.on('error', () => undefined);
    const t0 = performance.now();
    expect(waitForReply(ch.port1, ending, 1, 60_000)).toBe('ended');
    expect(performance.now() - t0).toBeLessThan(30_000);
    ch.port1.close();
  });

  it('numbers requests from 1, never 0 (the signal before any answer), within an int32', () => {
    expect(nextRequestId(0)).toBe(1);
    expect(nextRequestId(41)).toBe(42);
    expect(nextRequestId(0x7fff_ffff)).toBe(1);
  });
});
