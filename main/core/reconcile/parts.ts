/** Relations between a total and its parts: the (unit/commune, period, measure) figures that break them. */
import type { CatalogRelation } from '../../../shared/catalog';
import type { Term } from '../../../shared/messages';
import { pick, slotsOf, sum, type Slot } from './figures';
import type { RuleContext, RuleFigure } from './types';

export type PartsRelation = Extract<CatalogRelation, { parts: string[] }>;
export interface PartsHit { total: RuleFigure; parts: RuleFigure[]; sum: number }
export interface PartsBreach { relation: PartsRelation; slot: Slot; hits: PartsHit[] }
/** Whether a total and the parts found beside it break the relation. */
export type PartsTest = (total: number, partsSum: number, found: number, expected: number) => boolean;

export function partsBreaches(figures: RuleFigure[], ctx: RuleContext, rule: PartsRelation['rule'], breaks: PartsTest): PartsBreach[] {
  const relations = ctx.relations.filter((r): r is PartsRelation => r.rule === rule);
  if (relations.length === 0) return [];
  const out: PartsBreach[] = [];
  for (const slot of slotsOf(figures)) {
    for (const relation of relations) {
      const hits: PartsHit[] = [];
      for (const m of ['period', 'ytd'] as const) {
        const total = pick(slot, relation.total, m);
        const parts = relation.parts.map((p) => pick(slot, p, m)).filter((f): f is RuleFigure => f !== undefined);
        const s = sum(parts.map((p) => p.value));
        if (total && parts.length > 0 && breaks(total.value, s, parts.length, relation.parts.length)) hits.push({ total, parts, sum: s });
      }
      if (hits.length > 0) out.push({ relation, slot, hits });
    }
  }
  return out;
}

/** The parts as a message lists them: "Súng các loại 10 + Kíp nổ 5 = 15". */
export function partTerms(ctx: RuleContext, hit: PartsHit): Term[] {
  return hit.parts.map((p) => ({ name: ctx.indicatorName(p.indicator), value: p.value }));
}
