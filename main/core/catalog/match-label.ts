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
  const best = scored[0];
  const second = scored.find((s) => s.code !== best?.code);
  if (best && unitOk(best.code)) {
    const margin = best.f - (second?.f ?? 0);
    if (best.f >= ACCEPT && margin >= MARGIN) return { indicator: best.code, how: 'close', score: round(best.f) };
    // Every word of the label belongs to one indicator only, and it covers a good part of it.
    const holders = scored.filter((s) => s.wordPrecision >= 0.999);
    if (holders.length === 1 && best.wordPrecision >= 0.999 && best.recall >= 0.5 && margin >= MARGIN) {
      return { indicator: best.code, how: 'close', score: round(best.f) };
    }
    // "- Trong đó: truy nã" under "Số đối tượng ra đầu thú": a part whose words all belong to a child of the row above.
    const parent = index.indicators.get(best.code)?.parent;
    if (norm.isPart && parent && parent === ctx.parentAbove && holders.length === 1 && best.wordPrecision >= 0.999) {
      return { indicator: best.code, how: 'part-of-above', score: round(best.f) };
    }
  }
  return {
    indicator: null,
    suggestions: scored.filter((s) => s.f >= 0.3).slice(0, 3).map((s) => ({
      indicator: s.code, name: index.indicators.get(s.code)?.name ?? s.code, score: round(s.f),
    })),
  };
}

/** precision: share of the label's weight the entry explains; wordPrecision: the same on single words only. */
interface Scored { code: string; f: number; precision: number; recall: number; wordPrecision: number }

function scoreAll(index: LabelIndex, norm: NormalizedLabel): Scored[] {
  const feats = featuresOf(norm.tokens);
  const w = (f: string) => index.idf.get(f) ?? index.maxIdf;
  const total = [...feats].reduce((s, f) => s + w(f), 0);
  const wordTotal = [...new Set(norm.tokens)].reduce((s, f) => s + w(f), 0);
  const byCode = new Map<string, Scored>();
  for (const e of index.entries) {
    let common = 0, entryTotal = 0, commonWords = 0;
    for (const [f, weight] of e.features) {
      entryTotal += weight;
      if (!feats.has(f)) continue;
      common += weight;
      if (!f.includes(' ')) commonWords += weight;
    }
    if (common === 0) continue;
    const precision = common / total, recall = common / entryTotal;
    const f = (2 * precision * recall) / (precision + recall);
    const prev = byCode.get(e.code);
    if (!prev || f > prev.f) byCode.set(e.code, { code: e.code, f, precision, recall, wordPrecision: commonWords / wordTotal });
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
