/**
 * The ĐVT cell as evidence: does the unit a row gives agree with an indicator's unit of measure,
 * contradict it, or say nothing? "khẩu/quả/cái" is three units; "lượt" is "lượt người"; an
 * indicator may list other units its office writes ("người" for "đối tượng"). A text that is no
 * unit we know (a dash, a note) says nothing rather than ruling anything out.
 */
import type { CatalogIndicator } from '../../../shared/catalog';
import type { LexiconIndex } from './normalize-label';
import { normalizeUnit } from './normalize-label';

export type UnitVerdict = 'agrees' | 'contradicts' | 'none';

export interface UnitIndex {
  /** Indicator code -> the canonical units it may be written in. */
  byCode: Map<string, Set<string>>;
  /** Every canonical unit any indicator or the lexicon knows. */
  known: Set<string>;
}

/** One unit, folded and in its canonical spelling. */
export function canonicalUnit(unit: string, lex: LexiconIndex): string {
  const n = normalizeUnit(unit, lex);
  return lex.unitSynonyms.get(n) ?? n;
}

/** "khẩu/quả/cái" -> its alternatives; "lượt người" stays one. */
function alternatives(unit: string, lex: LexiconIndex): string[] {
  const whole = canonicalUnit(unit, lex);
  const parts = unit.split(/[/;,]+/).map((u) => canonicalUnit(u, lex)).filter(Boolean);
  return [...new Set([whole, ...parts])].filter(Boolean);
}

export function buildUnitIndex(indicators: CatalogIndicator[], lex: LexiconIndex): UnitIndex {
  const byCode = new Map<string, Set<string>>();
  const known = new Set<string>([...lex.units].map((u) => canonicalUnit(u, lex)));
  for (const v of lex.unitSynonyms.values()) known.add(v);
  for (const i of indicators) {
    const units = new Set([i.unit, ...(i.unitAliases ?? [])].flatMap((u) => alternatives(u, lex)));
    byCode.set(i.code, units);
    for (const u of units) known.add(u);
  }
  return { byCode, known };
}

export function unitVerdict(index: UnitIndex, lex: LexiconIndex, typed: string | null | undefined, code: string): UnitVerdict {
  if (!typed) return 'none';
  const own = index.byCode.get(code);
  if (!own || own.size === 0) return 'none';
  const given = alternatives(typed, lex).filter((u) => index.known.has(u));
  if (given.length === 0) return 'none';
  return given.some((u) => own.has(u)) ? 'agrees' : 'contradicts';
}
