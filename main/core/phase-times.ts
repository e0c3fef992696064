/**
 * Where the time of a run goes (opening the store, parsing, recognising, storing, checking), added
 * up per phase for the shells to print when asked (the CLI: TONGHOP_PHASES=1). Costs two clock
 * readings per measured step; nothing is printed or kept anywhere else.
 */
const totals = new Map<string, { ms: number; count: number }>();

/** Adds `ms` to a phase (time measured elsewhere, e.g. in a worker thread). */
export function addPhase(phase: string, ms: number): void {
  const t = totals.get(phase) ?? totals.set(phase, { ms: 0, count: 0 }).get(phase)!;
  t.ms += ms;
  t.count++;
}

/** Runs `fn`, adding its time to `phase`. */
export function timed<T>(phase: string, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    addPhase(phase, performance.now() - started);
  }
}

/** Runs the promise-returning `fn`, adding the time until it settles to `phase`. */
export async function timedAsync<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    addPhase(phase, performance.now() - started);
  }
}

/** The phases so far, in the order they were first measured. */
export function phaseTimes(): { phase: string; ms: number; count: number }[] {
  return [...totals].map(([phase, t]) => ({ phase, ...t }));
}
