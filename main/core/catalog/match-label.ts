/**
 * Label -> indicator, or no match, on evidence (issue 14): the words after normalising, the row's
 * ĐVT against the indicator's unit of measure, the row's place (the parent row above a "trong đó"
 * part), and the mappings people confirmed. A figure guessed into the wrong indicator is worse
 * than one left for a person, so a match is accepted only when the evidence agrees and no other
 * indicator comes near; an indicator the ĐVT contradicts is never accepted and never suggested.
 * Everything else is listed for a person with the suggestions ranked and their evidence.
 */
import type { CatalogIndicator } from '../../../shared/catalog';
import type { LabelSuggestion, MatchEvidence } from '../../../shared/types';
import type { LexiconIndex, NormalizedLabel } from './normalize-label';
import { normalizeLabel } from './normalize-label';
import type { UnitIndex, UnitVerdict } from './unit-of-measure';
import { buildUnitIndex, canonicalUnit, unitVerdict } from './unit-of-measure';

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
  units: UnitIndex;
  cache: Map<string, MatchResult>;
}

export interface MatchContext {
  /** The row's unit of measure as typed (ĐVT column or a bracket), if any. */
  unit?: string | null;
  /** The indicator of the last row above that was not a part ("trong đó" rows belong to it). */
  parentAbove?: string | null;
}

export type MatchHow = 'confirmed' | 'exact' | 'close' | 'part-of-above' | 'unit-decides';

export type MatchResult =
  | { indicator: string; how: MatchHow; score: number; evidence: MatchEvidence[] }
  | { indicator: null; suggestions: LabelSuggestion[] };

const ACCEPT = 0.85;
const MARGIN = 0.15;
const ACCEPT_WITH_UNIT = 0.7;
const MARGIN_WITH_UNIT = 0.3;
/** Where the ĐVT alone tells two indicators with the label's words apart, the label must still carry this much of the indicator. */
const UNIT_DECIDES_RECALL = 0.4;
const SUGGEST = 0.15;

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
  return {
    lex, indicators: new Map(indicators.map((i) => [i.code, i])), entries, exact, confirmed: confirmedMap, idf, maxIdf,
    units: buildUnitIndex(indicators, lex), cache: new Map(),
  };
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
  if (confirmed) return { indicator: confirmed, how: 'confirmed', score: 1, evidence: [{ kind: 'confirmed', label: norm.text }] };
  if (norm.tokens.length === 0) return { indicator: null, suggestions: [] };
  const typed = ctx.unit || norm.bracketUnit || null;
  const scored = scoreAll(index, norm).map((s) => ({ ...s, unit: unitVerdict(index.units, index.lex, typed, s.code), under: isUnder(index, s.code, ctx) }));
  // A ĐVT that contradicts an indicator rules it out: neither accepted nor suggested.
  const viable = scored.filter((s) => s.unit !== 'contradicts');
  const evidence = (s: Scored) => evidenceOf(index, norm, s, typed, ctx);

  const exact = index.exact.get(keyOf(norm.tokens));
  if (exact && exact.size === 1) {
    const code = [...exact][0]!;
    const s = viable.find((x) => x.code === code);
    if (s) return { indicator: code, how: 'exact', score: 1, evidence: [{ kind: 'exact' }, ...evidence(s)] };
  }
  // The ĐVT's words are part of what the row says ("Tuyên truyền" in "lượt người").
  const unitWords = typed ? normalizeLabel(canonicalUnit(typed, index.lex), index.lex).tokens : [];
  const withUnit = new Map(unitWords.length ? scoreAll(index, { ...norm, tokens: [...norm.tokens, ...unitWords] }).map((s) => [s.code, s.recall]) : []);
  for (const s of viable) s.recallWithUnit = withUnit.get(s.code) ?? s.recall;
  const accepted = decide(index, norm, viable, scored, typed !== null);
  if (accepted) return { indicator: accepted.s.code, how: accepted.how, score: round(accepted.s.f), evidence: evidence(accepted.s) };
  const rank = (s: Scored) => s.f + (s.unit === 'agrees' ? 0.15 : 0) + (s.under ? 0.2 : 0);
  return {
    indicator: null,
    suggestions: viable.filter((s) => s.f >= SUGGEST || s.under).sort((a, b) => rank(b) - rank(a)).slice(0, 3).map((s) => ({
      indicator: s.code, name: index.indicators.get(s.code)?.name ?? s.code, score: round(s.f), evidence: evidence(s),
    })),
  };
}

function isUnder(index: LabelIndex, code: string, ctx: MatchContext): boolean {
  return Boolean(ctx.parentAbove) && index.indicators.get(code)?.parent === ctx.parentAbove;
}

function evidenceOf(index: LabelIndex, norm: NormalizedLabel, s: Scored, typed: string | null, ctx: MatchContext): MatchEvidence[] {
  const out: MatchEvidence[] = [];
  const own = new Set(index.entries.filter((e) => e.code === s.code).flatMap((e) => e.tokens));
  const words = [...new Set(norm.tokens.filter((t) => own.has(t)))];
  if (words.length) out.push({ kind: 'words', words });
  if (s.unit === 'agrees' && typed) out.push({ kind: 'unit', unit: typed });
  if (s.under && ctx.parentAbove) out.push({ kind: 'under', indicator: ctx.parentAbove, name: index.indicators.get(ctx.parentAbove)?.name ?? ctx.parentAbove });
  return out;
}

/**
 * Among the indicators the ĐVT does not rule out, accept the best only when nothing else comes near:
 *   close        a high score, well ahead of the next;
 *   typed unit   a fair score, far ahead, the row's unit agreeing, every word of the indicator
 *                present and no negating word ("chưa", "bị từ chối") that the indicator lacks;
 *   holder       every word of the label belongs to this indicator and no other;
 *   part         a "trong đó" row whose words all belong to the one child of the row above that fits;
 *   unit decides every word of the label belongs to several indicators ("Tuyên truyền": sessions
 *                or participants) and the row's ĐVT agrees with exactly one of them.
 */
function decide(index: LabelIndex, norm: NormalizedLabel, candidates: Scored[], all: Scored[], unitTyped: boolean): { s: Scored; how: MatchHow } | null {
  const best = candidates[0];
  if (!best) return null;
  const margin = best.f - (candidates[1]?.f ?? 0);
  const ok = (s: Scored) => !negates(index, norm, s.code);
  if (ok(best) && best.f >= ACCEPT && margin >= MARGIN) return { s: best, how: 'close' };
  // The label holds every word of the indicator, and more: qualifiers, unless one of them negates it.
  if (ok(best) && unitTyped && best.unit === 'agrees' && best.f >= ACCEPT_WITH_UNIT && margin >= MARGIN_WITH_UNIT && best.wordRecall >= 0.999) return { s: best, how: 'close' };
  const holders = candidates.filter((x) => x.wordPrecision >= 0.999);
  if (ok(best) && holders.length === 1 && holders[0] === best && best.recall >= 0.5 && margin >= MARGIN) return { s: best, how: 'close' };
  // A part: the only child of the row above whose words hold the label's, its ĐVT not contradicting.
  if (norm.isPart) {
    const children = candidates.filter((x) => x.under);
    if (children.length === 1 && children[0]!.wordPrecision >= 0.999 && ok(children[0]!)) return { s: children[0]!, how: 'part-of-above' };
  }
  // The ĐVT tells apart indicators that all hold the label's words.
  const allHolders = all.filter((x) => x.wordPrecision >= 0.999);
  const agreeing = allHolders.filter((x) => x.unit === 'agrees');
  if (allHolders.length >= 2 && agreeing.length === 1 && holders.length === 1 && ok(agreeing[0]!) && (agreeing[0]!.recallWithUnit ?? 0) >= UNIT_DECIDES_RECALL) {
    return { s: agreeing[0]!, how: 'unit-decides' };
  }
  // Every word of the indicator is in the label, and it is the only one the ĐVT agrees with.
  const unitAgrees = candidates.filter((x) => x.unit === 'agrees');
  if (unitAgrees.length === 1 && unitAgrees[0] === best && ok(best) && best.wordRecall >= 0.999 && best.f >= 0.5) return { s: best, how: 'close' };
  return null;
}

function negates(index: LabelIndex, norm: NormalizedLabel, code: string): boolean {
  const own = new Set(index.entries.filter((e) => e.code === code).flatMap((e) => e.tokens));
  return norm.tokens.some((t) => index.lex.negations.has(t) && !own.has(t));
}

interface Scored { code: string; f: number; precision: number; recall: number; wordPrecision: number; wordRecall: number; unit?: UnitVerdict; under?: boolean; recallWithUnit?: number }

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

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
