/** Runs every rule over the effective figures and stores the flags; resolutions are kept apart and re-attached by signature. */
import type { Database } from 'better-sqlite3';
import type { CatalogFile } from '../../../shared/catalog';
import type { CheckSummary } from '../../../shared/types';
import { runRules } from '../reconcile/run-rules';
import { countFlags, saveFlags } from './flags-store';
import { buildRuleContext } from './rule-context';
import { loadRuleFigures } from './rule-figures';
import { unmappedDrafts } from './unmapped-flags';

export function checkAll(db: Database, catalog: CatalogFile): CheckSummary {
  const started = performance.now();
  const drafts = [...runRules(loadRuleFigures(db), buildRuleContext(db, catalog)), ...unmappedDrafts(db)];
  db.transaction(() => saveFlags(db, drafts))();
  const rules = countFlags(db);
  return {
    rules, open: rules.reduce((s, r) => s + r.open, 0), resolved: rules.reduce((s, r) => s + r.resolved, 0),
    millis: Math.round(performance.now() - started),
  };
}
