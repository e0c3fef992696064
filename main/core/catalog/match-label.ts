/**
 * Label -> indicator, or no match. A figure guessed into the wrong indicator is worse than one
 * left for a person, so a match is accepted only when it is unambiguous: the same words as a
 * catalog name, alias or confirmed mapping (in any order), or a close match that no other
 * indicator comes near and whose unit of measure agrees. Everything else is listed with suggestions.
 */
import type { CatalogIndicator } from '../../../shared/catalog';
import type { LabelSuggestion } from '../../../shared/types';
import type { LexiconIndex, NormalizedLabel } from './normalize-label';
import { normalizeLabel, normalizeUnit } from './normalize-label';

interface Entry { code: string; tokens: string[]; features: Map<string, number> }

export interface LabelIndex {
  lex: LexiconIndex;
  indicators: Map<string, CatalogIndicator>;
  entries: Entry[];
  /** Sorted-token key -> indicator codes (more than one: the words are ambiguous). */
  exact: Map<string, Set<string>>;
  /** Confirmed mappings: folded label text -> indicator. */
  confirmed: Map<string, string>;
  idf: Map<string, number>;
  maxIdf: number;
  units: Map<string, string>;
  cache: Map<string, MatchResult>;
}

export interface MatchContext {
  /** The row's unit of measure as typed (ĐVT column or a bracket), if any. */
  unit?: string | null;
  /** The indicator of the last row above that was not a part ("trong đó" rows belong to it). */
  parentAbove?: string | null;
}

export type MatchResult =
  | { indicator: string; how: 'confirmed' | 'exact' | 'close' | 'part-of-above'; score: number }
  | { indicator: null; suggestions: LabelSuggestion[] };

const ACCEPT = 0.85;
const MARGIN = 0.15;
const ACCEPT_WITH_UNIT = 0.7;
const MARGIN_WITH_UNIT = 0.3;

export function buildLabelIndex(
  indicators: CatalogIndicator[], lex: LexiconIndex, confirmed: { label: string; indicator: string }[] = [],
): LabelIndex {
  const entries: Entry[] = [];
  const exact = new Map<string, Set<string>>();
  const add = (code: string, text: string) => {
    const n = normalizeLabel(text, lex);
    if (n.tokens.length === 0) return;
    entries.push({ code, tokens: n.tokens, features: new Map() });
    const key = keyOf(n.tokens);
    (exact.get(key) ?? exact.set(key, new Set()).get(key)!).add(code);
  };
  for (const ind of indicators) for (const text of [ind.name, ...ind.aliases]) add(ind.code, text);
  const confirmedMap = new Map<string, string>();
  for (const c of confirmed) { confirmedMap.set(normalizeLabel(c.label, lex).text, c.indicator); add(c.indicator, c.label); }

  // Inverse document frequency over indicators: a word shared by many indicators says little.
  const df = new Map<string, Set<string>>();
  for (const e of entries) for (const f of featuresOf(e.tokens)) (df.get(f) ?? df.set(f, new Set()).get(f)!).add(e.code);
  const n = indicators.length;
  const idf = new Map<string, number>();
  for (const [f, codes] of df) idf.set(f, Math.log(1 + n / codes.size));
  const maxIdf = Math.log(1 + n);
  for (const e of entries) for (const f of featuresOf(e.tokens)) e.features.set(f, idf.get(f) ?? maxIdf);
  const units = new Map(indicators.map((i) => [i.code, normalizeUnit(i.unit, lex)]));
  return { lex, indicators: new Map(indicators.map((i) => [i.code, i])), entries, exact, confirmed: confirmedMap, idf, maxIdf, units, cache: new Map() };
}

export function matchLabel(index: LabelIndex, label: string, ctx: MatchContext = {}): MatchResult {
  const key = `${label}\u0000${ctx.unit ?? ''}\u0000${ctx.parentAbove ?? ''}`;
  const hit = index.cache.get(key);
  if (hit) return hit;
  const result = match(index, label, ctx);
  if (index.cache.size > 50_000) index.cache.clear();
  index.cache.set(key, result);
  return result;
}

function match(index: LabelIndex, label: string, ctx: MatchContext): MatchResult {
  const norm = normalizeLabel(label, index.lex);
  const confirmed = index.confirmed.get(norm.text);
  if (confirmed) return { indicator: confirmed, how: 'confirmed', score: 1 };
  if (norm.tokens.length === 0) return { indicator: null, suggestions: [] };
  const unit = ctx.unit ? normalizeUnit(ctx.unit, index.lex) : norm.bracketUnit ? normalizeUnit(norm.bracketUnit, index.lex) : null;
  const unitOk = (code: string) => !unit || unitsAgree(unit, index.units.get(code) ?? '');

  const exact = index.exact.get(keyOf(norm.tokens));
  if (exact && exact.size === 1) {
    const [code] = exact;
    if (unitOk(code!)) return { indicator: code!, how: 'exact', score: 1 };
  }
  const scored = scoreAll(index, norm);
  const accepted = decide(index, norm, ctx, scored.filter((x) => unitOk(x.code)), unit !== null);
  if (accepted) return accepted;
  return {
    indicator: null,
    suggestions: scored.filter((s) => s.f >= 0.3).slice(0, 3).map((s) => ({
      indicator: s.code, name: index.indicators.get(s.code)?.name ?? s.code, score: round(s.f),
    })),
  };
}

/** precision: share of the label's weight the entry explains; recall: share of the entry's the label has; word*: on single words only. */
/**
 * Among the indicators whose unit of measure agrees with the row's (a row in "người" is not a count
 * of "đợt"), accept the best only when nothing else comes near:
 *   close      a high score, well ahead of the next;
 *   typed unit a fair score, far ahead, the row's unit agreeing, every word of the indicator present
 *              and no negating word ("chưa", "bị từ chối") that the indicator lacks;
 *   holder     every word of the label belongs to this indicator and no other;
 *   part       a "trong đó" row whose words all belong to a child of the row above.
 */
function decide(index: LabelIndex, norm: NormalizedLabel, ctx: MatchContext, candidates: Scored[], unitTyped: boolean): MatchResult | null {
  const best = candidates[0];
  if (!best || negates(index, norm, best.code)) return null;
  const margin = best.f - (candidates[1]?.f ?? 0);
  const hit = (how: 'close' | 'part-of-above') => ({ indicator: best.code, how, score: round(best.f) });
  if (best.f >= ACCEPT && margin >= MARGIN) return hit('close');
  // The label holds every word of the indicator, and more: qualifiers, unless one of them negates it.
  if (unitTyped && best.f >= ACCEPT_WITH_UNIT && margin >= MARGIN_WITH_UNIT && best.wordRecall >= 0.999) return hit('close');
  const holders = candidates.filter((x) => x.wordPrecision >= 0.999);
  const holder = holders.length === 1 && holders[0] === best;
  if (holder && best.recall >= 0.5 && margin >= MARGIN) return hit('close');
  const parent = index.indicators.get(best.code)?.parent;
  if (holder && norm.isPart && parent && parent === ctx.parentAbove) return hit('part-of-above');
  return null;
}

function negates(index: LabelIndex, norm: NormalizedLabel, code: string): boolean {
  const own = new Set(index.entries.filter((e) => e.code === code).flatMap((e) => e.tokens));
  return norm.tokens.some((t) => index.lex.negations.has(t) && !own.has(t));
}

interface Scored { code: string; f: number; precision: number; recall: number; wordPrecision: number; wordRecall: number }

function scoreAll(index: LabelIndex, norm: NormalizedLabel): Scored[] {
  const feats = featuresOf(norm.tokens);
  const w = (f: string) => index.idf.get(f) ?? index.maxIdf;
  const total = [...feats].reduce((s, f) => s + w(f), 0);
  const wordTotal = [...new Set(norm.tokens)].reduce((s, f) => s + w(f), 0);
  const byCode = new Map<string, Scored>();
  for (const e of index.entries) {
    let common = 0, entryTotal = 0, commonWords = 0, entryWords = 0;
    for (const [f, weight] of e.features) {
      const word = !f.includes(' ');
      entryTotal += weight;
      if (word) entryWords += weight;
      if (!feats.has(f)) continue;
      common += weight;
      if (word) commonWords += weight;
    }
    if (common === 0) continue;
    const precision = common / total, recall = common / entryTotal;
    const f = (2 * precision * recall) / (precision + recall);
    const prev = byCode.get(e.code);
    if (!prev || f > prev.f) byCode.set(e.code, { code: e.code, f, precision, recall, wordPrecision: commonWords / wordTotal, wordRecall: commonWords / entryWords });
  }
  return [...byCode.values()].sort((a, b) => b.f - a.f);
}

/** Words and pairs of neighbouring words: Vietnamese meaning lives in two-syllable words. */
function featuresOf(tokens: string[]): Set<string> {
  const out = new Set(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

function keyOf(tokens: string[]): string {
  return [...tokens].sort().join(' ');
}

/** "khẩu/quả/cái" agrees with "khẩu"; "lượt người" with "lượt"; "%" with "%". */
function unitsAgree(typed: string, expected: string): boolean {
  if (!typed || !expected) return true;
  const a = typed.split(/[\s/]+/).filter(Boolean), b = expected.split(/[\s/]+/).filter(Boolean);
  return a.some((x) => b.includes(x)) || typed.replace(/\s/g, '') === expected.replace(/\s/g, '');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
