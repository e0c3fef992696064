/**
 * What the rules need besides figures: the catalog, and which units are expected in which months.
 * A unit is expected at the reporting level of its era (districts until March 2025, communes
 * after), and only in months the store has returns for.
 */
import type { Database } from '../store/db';
import type { CatalogFile } from '../../../shared/catalog';
import type { RuleContext } from '../reconcile/types';
import { importedMonths, reportingUnits } from '../store/queries/check-inputs';
import { expectedProvinces } from '../store/queries/settings';

export function buildRuleContext(db: Database, catalog: CatalogFile): RuleContext {
  const indicators = new Map(catalog.indicators.map((i) => [i.code, i]));
  const months = importedMonths(db);
  // The office's units (or, before a set-up, those of the provinces the returns came from), not the country's.
  const expectedUnits = reportingUnits(db, expectedProvinces(db))
    .map(({ level, ...u }) => clipToReportingEra(u, level))
    .filter((u) => u.validTo === null || u.validFrom <= u.validTo);
  return { indicators, relations: catalog.relations, indicatorName: (c) => indicators.get(c)?.name ?? c, expectedUnits, periodsExpected: fillMonths(months) };
}

/** Districts report for months before March 2025, communes from then on: a unit is expected only in its own era. */
function clipToReportingEra<U extends { validFrom: string; validTo: string | null }>(u: U, level: string): U {
  if (level === 'district') return { ...u, validTo: u.validTo !== null && u.validTo < DISTRICTS_END ? u.validTo : DISTRICTS_END };
  return { ...u, validFrom: u.validFrom > COMMUNES_START ? u.validFrom : COMMUNES_START };
}
const DISTRICTS_END = '2025-02-28';
const COMMUNES_START = '2025-03-01';

/** Every month between the first and the last month seen, within each year seen. */
function fillMonths(months: string[]): string[] {
  const out: string[] = [];
  const byYear = new Map<string, number[]>();
  for (const m of months) (byYear.get(m.slice(0, 4)) ?? byYear.set(m.slice(0, 4), []).get(m.slice(0, 4))!).push(Number(m.slice(5)));
  for (const [year, ms] of byYear) for (let k = Math.min(...ms); k <= Math.max(...ms); k++) out.push(`${year}-${String(k).padStart(2, '0')}`);
  return out;
}
