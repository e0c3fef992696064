/**
 * Whole-process timing for the bench: a command is timed from spawn to exit, as a clerk feels it
 * (Node's start, loading the code, the work, closing). Several commands take turns, so a machine
 * that slows down during the bench weighs on all of them alike; each gets a median and a range.
 */
import { spawnSync } from 'node:child_process';

export interface Timed { ms: number; stdout: string; stderr: string }

export function runTimed(args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

export interface Stats { median: number; min: number; max: number; runs: number }

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** `runs` rounds; in each, every command once, in the order given. `before` runs untimed before each (a fresh store). */
export function inTurns(commands: Record<string, { args: () => string[]; env?: NodeJS.ProcessEnv; before?: () => void }>, runs: number): Record<string, Timed[]> {
  const out: Record<string, Timed[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, c] of Object.entries(commands)) {
      c.before?.();
      out[name]!.push(runTimed(c.args(), c.env));
    }
  }
  return out;
}

/** The CLI's phase report (TONGHOP_PHASES=1) of several runs: each phase's median. */
export function medianPhases(stderrs: string[]): { label: string; ms: Stats }[] {
  const byLabel = new Map<string, number[]>();
  for (const text of stderrs) {
    for (const m of text.matchAll(/^\s*([\d,]+) ms {2}(.+)$/gm)) {
      const label = m[2]!.replace(/ \(\d+×\)$/, '');
      (byLabel.get(label) ?? byLabel.set(label, []).get(label)!).push(Number(m[1]!.replace(/,/g, '')));
    }
  }
  return [...byLabel].map(([label, xs]) => ({ label, ms: stats(xs) }));
}

export const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
export const fmtStats = (s: Stats) => `${fmt(s.median).padStart(6)} ms (range ${fmt(s.min)}–${fmt(s.max)})`;
export const ok = (b: boolean) => (b ? 'met' : 'NOT MET');
