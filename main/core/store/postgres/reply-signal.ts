/**
 * How the PostgreSQL thread (pg-worker.ts) hands an answer to the caller blocked on it
 * (pg-database.ts): the answer is posted on the port, then the request's number is stored in
 * signal[0] and the caller woken.
 *
 * A wake-up alone proves nothing. The thread may store a number, be preempted before its notify,
 * and the caller, seeing the number, take the answer and go on to its next request; the late
 * notify then wakes the caller waiting for that next answer, which is not posted yet. So the
 * caller waits until signal[0] holds the number of its own request (a loaded machine made this
 * happen: "Luồng kết nối PostgreSQL không trả lời" while a check ran in its own thread).
 */
import type { MessagePort } from 'node:worker_threads';
import { receiveMessageOnPort } from 'node:worker_threads';

/** The code of an answer given because the connection to the server is gone. */
export const CONNECTION_LOST = 'connection-lost';

/** signal[0]: the last answer's number; [1]: changes heard of (pg-database.ts); [2]: 1 once the thread has ended. */
export const SIGNAL_SLOTS = 3;
const ENDED = 2;

/**
 * The thread's side, at its start: when it ends, for whatever reason (an uncaught error included),
 * the caller blocked on it is told at once. A caller blocked in Atomics.wait hears no 'exit' event,
 * and would otherwise wait out its whole time limit.
 */
export function tellEnd(signal: Int32Array): void {
  process.on('exit', () => {
    Atomics.store(signal, ENDED, 1);
    Atomics.notify(signal, 0);
  });
}

/** The PostgreSQL thread's side: the answer to request `id`. */
export function postReply(port: MessagePort, signal: Int32Array, id: number, message: unknown): void {
  port.postMessage(message);
  Atomics.store(signal, 0, id);
  Atomics.notify(signal, 0);
}

/** The next request's number: never 0 (the signal's value before any answer), within an int32. */
export function nextRequestId(last: number): number {
  return last >= 0x7fff_ffff ? 1 : last + 1;
}

/**
 * The caller's side: the answer to request `id` (posted after every earlier answer was taken),
 * or `timed-out` after `timeoutMs`; `missing` if the signal says it is posted but the port holds
 * nothing (the port closed under it); `ended` if the thread ended without answering.
 */
export function waitForReply(port: MessagePort, signal: Int32Array, id: number, timeoutMs: number): { message: unknown } | 'timed-out' | 'missing' | 'ended' {
  const deadline = performance.now() + timeoutMs;
  for (let seen = Atomics.load(signal, 0); seen !== id; seen = Atomics.load(signal, 0)) {
    if (Atomics.load(signal, ENDED) === 1) return 'ended';
    const left = deadline - performance.now();
    if (left <= 0 || Atomics.wait(signal, 0, seen, left) === 'timed-out') return 'timed-out';
  }
  const got = receiveMessageOnPort(port);
  return got ? { message: got.message } : 'missing';
}
