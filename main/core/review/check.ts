/**
 * Runs the rules over the effective figures and stores the flags; resolutions are kept apart and
 * re-attached by signature. The checker keeps the figures of the last check, so that after an
 * import, a mapping or a decision only the units it touched are checked again (their own rules,
 * and their figures against every other unit's); anything that changes which months or units are
 * expected takes a full check.
 */
import type { Database } from 'better-sqlite3';
import type { CatalogFile } from '../../../shared/catalog';
import type { CheckSummary } from '../../../shared/types';
import { runRules } from '../reconcile/run-rules';
import type { RuleContext, RuleFigure } from '../reconcile/types';
import { countFlags, saveFlags } from './flags-store';
import { buildRuleContext } from './rule-context';
import { loadRuleFigures } from './rule-figures';
import { unmappedDrafts } from './unmapped-flags';

export class Checker {
  private byUnit: Map<string, RuleFigure[]> | null = null;
  private ctx: RuleContext | null = null;

  constructor(private readonly db: Database, private readonly catalog: CatalogFile) {}

  /** Every rule over every figure. */
  full(): CheckSummary {
    const started = performance.now();
    const figures = loadRuleFigures(this.db);
    this.ctx = buildRuleContext(this.db, this.catalog);
    this.byUnit = new Map();
    for (const f of figures) (this.byUnit.get(f.unit) ?? this.byUnit.set(f.unit, []).get(f.unit)!).push(f);
    const drafts = [...runRules(figures, this.ctx), ...unmappedDrafts(this.db)];
    this.db.transaction(() => saveFlags(this.db, drafts))();
    return this.summary(started);
  }

  /** The units a change touched, against the others as they stand; a full check where the expected months changed. */
  units(codes: Iterable<string>): CheckSummary {
    const started = performance.now();
    const only = new Set(codes);
    if (!this.byUnit || !this.ctx || only.size === 0) return only.size === 0 && this.byUnit ? this.summary(started) : this.full();
    const ctx = buildRuleContext(this.db, this.catalog);
    if (ctx.periodsExpected.join() !== this.ctx.periodsExpected.join()) return this.full();
    for (const u of only) this.byUnit.delete(u);
    for (const f of loadRuleFigures(this.db, [...only])) (this.byUnit.get(f.unit) ?? this.byUnit.set(f.unit, []).get(f.unit)!).push(f);
    this.ctx = ctx;
    const drafts = [...runRules([...this.byUnit.values()].flat(), { ...ctx, onlyUnits: only }), ...unmappedDrafts(this.db, only)];
    this.db.transaction(() => saveFlags(this.db, drafts, only))();
    return this.summary(started);
  }

  private summary(started: number): CheckSummary {
    const rules = countFlags(this.db);
    return {
      rules, open: rules.reduce((s, r) => s + r.open, 0), resolved: rules.reduce((s, r) => s + r.resolved, 0),
      millis: Math.round(performance.now() - started),
    };
  }
}
