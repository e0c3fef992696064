/**
 * A label as a clerk wrote it -> the words that carry its meaning. NFC, case, spacing, tone
 * placement, "- Trong đó:" prefixes, numbering, abbreviations (ĐDĐT, VK, VLN...) and synonyms
 * (buổi = đợt) are all folded away here, so that matching compares meaning, not typing.
 */
import type { Lexicon } from '../../../shared/catalog';
import { foldCase } from '../text/clean-text';

export interface NormalizedLabel {
  /** Folded text, for display and as the key of a confirmed mapping. */
  text: string;
  /** Content words in order (stopwords removed). */
  tokens: string[];
  /** True where the label said "trong đó" / started with a dash: a part of the row above. */
  isPart: boolean;
  /** A unit of measure given in brackets at the end: "Súng (khẩu)". */
  bracketUnit: string | null;
}

const PREFIX = /^(?:[-–—+•*·●○▪►>]+\s*|(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/]\s+|\d+(?:\.\d+)+\s+)/u;
const PART_PREFIX = /^(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể|chia\s+ra|riêng)\s*[:,.-]?\s*/u;

export interface LexiconIndex {
  abbreviations: Map<string, string[]>;
  /** Synonym phrases as token arrays, longest first. */
  synonyms: { from: string[]; to: string[] }[];
  stopwords: Set<string>;
  units: Set<string>;
  /** Words that turn a label into its opposite ("chưa kích hoạt", "bị từ chối"). */
  negations: Set<string>;
  /** A unit of measure's spellings -> its canonical form ("lượt" -> "lượt người"). */
  unitSynonyms: Map<string, string>;
  /** Labels repeat from file to file: each is normalised once. */
  cache: Map<string, NormalizedLabel>;
}

export function indexLexicon(lexicon: Lexicon): LexiconIndex {
  return {
    abbreviations: new Map(Object.entries(lexicon.abbreviations).map(([k, v]) => [foldCase(k), foldCase(v).split(' ')])),
    synonyms: Object.entries(lexicon.synonyms)
      .map(([k, v]) => ({ from: foldCase(k).split(' '), to: foldCase(v).split(' ') }))
      .sort((a, b) => b.from.length - a.from.length),
    stopwords: new Set(lexicon.stopwords.map(foldCase)),
    units: new Set(lexicon.units.map(foldCase)),
    negations: new Set(lexicon.negations.map(foldCase)),
    unitSynonyms: new Map(Object.entries(lexicon.unitSynonyms ?? {}).map(([k, v]) => [foldCase(k), foldCase(v)])),
    cache: new Map(),
  };
}

export function normalizeLabel(label: string, lex: LexiconIndex): NormalizedLabel {
  const hit = lex.cache.get(label);
  if (hit) return hit;
  const n = normalize(label, lex);
  if (lex.cache.size > 50_000) lex.cache.clear();
  lex.cache.set(label, n);
  return n;
}

function normalize(label: string, lex: LexiconIndex): NormalizedLabel {
  let s = foldCase(label);
  let isPart = false;
  for (let i = 0; i < 4; i++) {
    const before = s;
    const p = PREFIX.exec(s);
    if (p) { if (/^[-–—+•*·●○▪►>]/u.test(p[0])) isPart = true; s = s.slice(p[0].length); }
    const q = PART_PREFIX.exec(s);
    if (q) { isPart = true; s = s.slice(q[0].length); }
    if (s === before) break;
  }
  s = s.replace(/[:;.]+$/u, '').trim();
  let bracketUnit: string | null = null;
  const br = /\(([^()]{1,20})\)$/u.exec(s);
  // "(khẩu)" is a unit of measure, not part of the name; "(tổng)" or "(số đợt)" are part of it.
  if (br && br.index > 0 && lex.units.has(normalizeUnit(br[1]!, lex))) { bracketUnit = br[1]!.trim(); s = s.slice(0, br.index).trim(); }
  const words = splitWords(s).flatMap((w) => lex.abbreviations.get(w) ?? [w]);
  const tokens = applySynonyms(words, lex).filter((w) => !lex.stopwords.has(w));
  return { text: s, tokens, isPart, bracketUnit };
}

/** Words: letters and digits; "đ.tượng" stays one word so the abbreviation table can see it. */
function splitWords(s: string): string[] {
  return s
    .split(/[^\p{L}\p{M}\p{N}.&]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

function applySynonyms(words: string[], lex: LexiconIndex): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = lex.synonyms.find((syn) => syn.from.every((w, k) => words[i + k] === w));
    if (hit) { out.push(...hit.to); i += hit.from.length; } else { out.push(words[i]!); i++; }
  }
  return out;
}

/** A unit of measure, folded for comparison ("đ.tượng" = "đối tượng"). */
export function normalizeUnit(unit: string, lex: LexiconIndex): string {
  return splitWords(foldCase(unit)).flatMap((w) => lex.abbreviations.get(w) ?? [w]).join(' ');
}
