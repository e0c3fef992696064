/**
 * TONGHOP_PHASES=1: where a command's time went, on stderr as it exits (for `npm run bench` and
 * for anyone asking why an import is slow). Start-up comes from the marks bin/tonghop.mjs sets;
 * the rest from the core's phase totals. Threads overlap: the reader thread parses while the
 * main thread recognises and stores, so the phases add up to more than the wall-clock total.
 */
import { phaseTimes } from '../core/phase-times';

const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`.padStart(10);

function mark(name: string): number | undefined {
  return performance.getEntriesByName(name, 'mark')[0]?.startTime;
}

export function phaseReport(loadedAt: number, now = performance.now()): string {
  const bin = mark('tonghop:bin');
  const built = mark('tonghop:built');
  const rows: [string, number][] = [];
  if (bin !== undefined) rows.push(['start-up: Node itself, until the launcher runs', bin]);
  if (bin !== undefined && built !== undefined) rows.push(['start-up: checking the build is current (source hash)', built - bin]);
  rows.push(['start-up: loading the code (libraries included)', loadedAt - (built ?? 0)]);
  for (const p of phaseTimes()) rows.push([`${p.phase}${p.count > 1 ? ` (${p.count}×)` : ''}`, p.ms]);
  rows.push(['total, process start to exit', now]);
  // What the process cost the machine: on 2 cores, a wall-clock goal holds at most twice its time of CPU.
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  rows.push(['CPU time of the whole process, all threads (user + system)', (userCPUTime + systemCPUTime) / 1000]);
  return `${rows.map(([label, t]) => `${ms(t)}  ${label}`).join('\n')}\n`;
}
