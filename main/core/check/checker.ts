/**
 * Runs the rules over the effective figures and stores the flags; resolutions are kept apart and
 * re-attached by signature. The checker keeps the figures and the outlier rule's peer groups of the
 * last check, so that after an import, a mapping or a decision only the units it touched are checked
 * again: their own rules over their own figures, and their figures against every other unit's
 * through the kept peer groups. A change in the months expected takes a full check.
 */
import type { Database } from '../store/db';
import type { CatalogFile } from '../../../shared/catalog';
import type { CheckSummary } from '../../../shared/types';
import type { PeerGroups } from '../reconcile/rules/outlier';
import { outlierPoints, peerGroups, setUnitPoints } from '../reconcile/rules/outlier';
import { runRules } from '../reconcile/run-rules';
import type { RuleContext } from '../reconcile/types';
import { storeStamp } from '../store/queries/check-inputs';
import { countFlags, saveFlags } from '../store/queries/flags';
import { clearPendingChecks, pendingCheckUnits } from '../store/queries/pending-checks';
import { buildRuleContext } from './rule-context';
import { loadRuleFigures } from '../store/queries/rule-figures';
import { UNMAPPED_RULE, unmappedDrafts } from './unmapped-flags';
import { cellErrorDrafts } from './cell-error-flags';

export class Checker {
  private ctx: RuleContext | null = null;
  private peers: PeerGroups | null = null;
  private stamp = '';

  constructor(private readonly db: Database, private readonly catalog: CatalogFile) {}

  /** Every rule over every figure. */
  full(): CheckSummary {
    const started = performance.now();
    const figures = loadRuleFigures(this.db);
    this.ctx = buildRuleContext(this.db, this.catalog);
    this.stamp = storeStamp(this.db);
    this.peers = peerGroups(outlierPoints(figures, this.ctx));
    const drafts = [...runRules(figures, { ...this.ctx, outlierPeers: this.peers }), ...unmappedDrafts(this.db), ...cellErrorDrafts(this.db)];
    this.db.transaction(() => { saveFlags(this.db, drafts); clearPendingChecks(this.db); })();
    return this.summary(started);
  }

  /**
   * The units a change touched, against the others as they stand; a full check where the expected
   * months changed. `decision`: a reviewer's correction or choice, which adds no file.
   */
  units(codes: Iterable<string>, decision = false): CheckSummary {
    const started = performance.now();
    const only = new Set(codes);
    // Nothing touched (an acceptance): the flags stand, even before this process's first check.
    if (only.size === 0) return this.summary(started);
    // The first decision since the store was opened: the other units' flags stand as stored (every
    // import ended with its check), and the outlier rule's peers are read on their own, a fraction
    // of a full check. Anything else first in a session takes the full check.
    const stamp = storeStamp(this.db);
    if (!this.peers || !this.ctx) {
      if (!decision) return this.full();
      this.ctx = buildRuleContext(this.db, this.catalog);
      this.stamp = stamp;
      this.peers = peerGroups(outlierPoints(loadRuleFigures(this.db, undefined, true), this.ctx));
    }
    // While no file or unit has been added (a decision adds neither), the months and units expected stand.
    const ctx = stamp === this.stamp ? this.ctx : buildRuleContext(this.db, this.catalog);
    this.stamp = stamp;
    if (ctx.periodsExpected.join() !== this.ctx.periodsExpected.join()) return this.full();
    const figures = loadRuleFigures(this.db, [...only]);
    const fresh = outlierPoints(figures, ctx);
    for (const unit of only) setUnitPoints(this.peers, unit, fresh.get(unit));
    this.ctx = ctx;
    // An unmapped label's flag names every unit it occurs in: those flags are rebuilt whole.
    const drafts = [...runRules(figures, { ...ctx, onlyUnits: only, outlierPeers: this.peers }), ...unmappedDrafts(this.db), ...cellErrorDrafts(this.db, only)];
    this.db.transaction(() => { saveFlags(this.db, drafts, only, [UNMAPPED_RULE]); clearPendingChecks(this.db, only); })();
    return this.summary(started);
  }

  /** The units whose stored returns were never checked (a process killed before its check): checked now. */
  pending(): CheckSummary | null {
    const units = pendingCheckUnits(this.db);
    return units.length > 0 ? this.units(units) : null;
  }

  private summary(started: number): CheckSummary {
    const rules = countFlags(this.db);
    return {
      rules, open: rules.reduce((s, r) => s + r.open, 0), resolved: rules.reduce((s, r) => s + r.resolved, 0),
      millis: Math.round(performance.now() - started),
    };
  }
}
