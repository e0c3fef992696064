/** Relations between two indicators (child ≤ parent): the pairs that break them, per unit and period. */
import type { CatalogRelation } from '../../../shared/catalog';
import { EPS, pick, slotsOf, type Slot } from './figures';
import type { RuleContext, RuleFigure } from './types';

export type PairRelation = Extract<CatalogRelation, { child: string }>;
export interface PairHit { child: RuleFigure; parent: RuleFigure }
export interface PairBreach { relation: PairRelation; slot: Slot; hits: PairHit[] }
export type ParentFinder = (slot: Slot, relation: PairRelation, measure: 'period' | 'ytd') => RuleFigure | undefined;

const sameMeasure: ParentFinder = (slot, rel, measure) => pick(slot, rel.parent, measure);

/**
 * Every (relation, unit/commune, period) where the child is above its parent, one hit per measure.
 * Without a measure on the relation both within-period and year-to-date figures are compared.
 */
export function pairBreaches(figures: RuleFigure[], ctx: RuleContext, rule: PairRelation['rule'], parentOf: ParentFinder = sameMeasure): PairBreach[] {
  const relations = ctx.relations.filter((r): r is PairRelation => r.rule === rule);
  if (relations.length === 0) return [];
  const slots = slotsOf(figures);
  const out: PairBreach[] = [];
  for (const relation of relations) {
    const measures = relation.measure ? [relation.measure] : (['period', 'ytd'] as const);
    for (const slot of slots) {
      const hits: PairHit[] = [];
      for (const m of measures) {
        const child = pick(slot, relation.child, m);
        const parent = child && parentOf(slot, relation, m);
        if (child && parent && child.value > parent.value + EPS) hits.push({ child, parent });
      }
      if (hits.length > 0) out.push({ relation, slot, hits });
    }
  }
  return out;
}
