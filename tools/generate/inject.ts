/**
 * Puts inconsistencies into the reported figures and records them as the answer key's issues.
 * Each try changes one unit-month; the reference check runs before and after, and the change is kept
 * only if it raises its own rule (and what that rule necessarily brings) and removes nothing, so the
 * key lists what a correct checker finds. One change per unit-month, and per unit and indicator.
 */
import type { CatalogFile } from '../../shared/catalog';
import { type Flag, checkUnit, flagKey } from './check';
import { type Outcome, RULES, type Rule, type UnitState } from './inject-rules';
import type { AnswerKeyIssue, MonthFigures } from './model';
import type { Rng } from './prng';

export { RULES, type UnitState } from './inject-rules';
export const RULE_NAMES: readonly string[] = RULES.map((r) => r.name);

export interface Resubmission { unit: string; month: number; original: MonthFigures; issue: AnswerKeyIssue }
export interface CommuneEdit { unit: string; month: number; indicator: string; rng: Rng }
export interface Injected { issues: AnswerKeyIssue[]; resubmissions: Resubmission[]; communeEdits: CommuneEdit[] }

interface Run { cat: CatalogFile; year: number; claims: Set<string>; out: Injected }

const TRIES = 30;

function flagsOf(st: UnitState, cat: CatalogFile): Flag[] {
  const wide = st.layout === 'D';
  const present = [...st.present].sort((a, b) => a - b);
  return checkUnit(cat, st.series, { present, ytdReported: !wide, rates: !wide });
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The flags the change may raise, or null when it raised something else or hid an earlier one. */
function accepted(before: Flag[], after: Flag[], rule: string, month: number, o: Outcome): Flag[] | null {
  const had = new Set(before.map(flagKey));
  const now = new Map(after.map((f) => [flagKey(f), f]));
  if ([...had].some((k) => !now.has(k))) return null;
  const added = [...now.entries()].filter(([k]) => !had.has(k)).map(([, f]) => f);
  if (!o.visible) return added.length === 0 ? [] : null;
  if (!now.has(flagKey({ rule, month, indicators: o.indicators })) || had.has(flagKey({ rule, month, indicators: o.indicators }))) return null;
  const own = (f: Flag) => f.rule === rule && sameSet(f.indicators, o.indicators) && (f.month === month || (o.spread === true && f.month > month));
  const companion = (f: Flag) => f.rule === o.companion && f.month === month && f.indicators.includes(o.indicators[0]!);
  if (!added.every((f) => own(f) || companion(f))) return null;
  return added.filter(own);
}

function attempt(rule: Rule, st: UnitState, month: number, run: Run, rng: Rng): boolean {
  const code = st.unit.code;
  const series = structuredClone(st.series);
  const present = new Set(st.present);
  const before = flagsOf(st, run.cat);
  const o = rule.apply({ st, month, rng, cat: run.cat });
  const free = o !== null && o.indicators.every((c) => !run.claims.has(`${code}:${c}`));
  const flags = o && free ? accepted(before, flagsOf(st, run.cat), rule.name, month, o) : null;
  if (!o || !flags) {
    st.series = series;
    st.present = present;
    return false;
  }
  run.claims.add(`${code}@${month}`);
  for (const c of o.indicators) run.claims.add(`${code}:${c}`);
  record(rule.name, st, month, o, flags, run, rng);
  return true;
}

function record(rule: string, st: UnitState, month: number, o: Outcome, flags: Flag[], run: Run, rng: Rng): void {
  const unit = st.unit.code;
  const issues = o.visible
    ? flags.map((f) => ({ rule, unit, year: run.year, month: f.month, indicators: o.indicators }))
    : [{ rule, unit, year: run.year, month, indicators: o.indicators }];
  run.out.issues.push(...issues);
  if (rule === 'conflicting_resubmission' && o.original) run.out.resubmissions.push({ unit, month, original: o.original, issue: issues[0]! });
  if (rule === 'commune_total_mismatch') run.out.communeEdits.push({ unit, month, indicator: o.indicators[0]!, rng: rng.fork('commune') });
}

function tryRule(rule: Rule, states: UnitState[], run: Run, rng: Rng): boolean {
  const eligible = states.filter((s) => rule.layouts.includes(s.layout));
  for (let t = 0; t < TRIES && eligible.length > 0; t++) {
    const st = rng.pick(eligible);
    const months = [...st.present].filter((m) => !run.claims.has(`${st.unit.code}@${m}`));
    if (months.length === 0) continue;
    if (attempt(rule, st, rng.pick(months), run, rng.fork(`attempt:${t}`))) return true;
  }
  return false;
}

/** Makes `count` injections, cycling through the rules in a seeded order so that every rule gets its turn. */
export function inject(states: UnitState[], cat: CatalogFile, year: number, count: number, rng: Rng): Injected {
  const run: Run = { cat, year, claims: new Set(), out: { issues: [], resubmissions: [], communeEdits: [] } };
  const order = rng.shuffle(RULES);
  let made = 0;
  for (let i = 0; made < count && i < count * RULES.length; i++) {
    if (tryRule(order[i % order.length]!, states, run, rng.fork(`injection:${i}`))) made++;
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  run.out.issues.sort((a, b) => cmp(a.unit, b.unit) || a.month - b.month || cmp(a.rule, b.rule));
  return run.out;
}
