/** Indicators and units, loaded once and shared by every screen (they change only with the catalog). */
import { useEffect, useState } from 'react';
import type { Indicator, UnitInfo } from '../../shared/types';
import { api } from '../api/client';

export interface Reference {
  indicators: Indicator[];
  units: UnitInfo[];
  indicatorName: (code: string) => string;
  unitName: (code: string) => string;
}

let cached: Promise<Reference> | null = null;

function loadReference(): Promise<Reference> {
  cached ??= Promise.all([api.listIndicators({}), api.listUnits({})]).then(([indicators, units]) => {
    const ind = new Map(indicators.map((i) => [i.code, i.name]));
    // A code names different units across eras; the district-level one is what returns come from.
    const byCode = new Map<string, string>();
    for (const u of units) if (!byCode.has(u.code) || u.level === 'district') byCode.set(u.code, u.name);
    return { indicators, units, indicatorName: (c) => ind.get(c) ?? c, unitName: (c) => byCode.get(c) ?? c };
  });
  cached.catch(() => { cached = null; });
  return cached;
}

/** After a set-up changes the office's province, or the catalog changed: the next screen to ask reads them again. */
export function resetReference(): void {
  cached = null;
}

export function useReference(): Reference | null {
  const [ref, setRef] = useState<Reference | null>(null);
  useEffect(() => {
    let live = true;
    void loadReference().then((r) => { if (live) setRef(r); }, () => undefined);
    return () => { live = false; };
  }, []);
  return ref;
}

// District police units reported until March 2025, commune police units from then on.
const DISTRICTS_END = '2025-02-28';
const COMMUNES_START = '2025-03-01';

/** Whether a unit reports for a month ("2025-05"): valid on some day of it, at the reporting level of the era. */
export function reportsIn(u: UnitInfo, month: string): boolean {
  const from = `${month}-01`;
  const to = `${month}-31`;
  const era = u.level === 'district' ? from <= DISTRICTS_END : u.level === 'commune' ? to >= COMMUNES_START : false;
  return era && u.validFrom <= to && (u.validTo === null || u.validTo >= from);
}

/**
 * The units that send returns at some time in `year`: district-level units before March 2025,
 * commune units from then on; one row per code (a code reused by a new unit keeps its latest name).
 */
export function reportingUnits(units: UnitInfo[], year?: number): UnitInfo[] {
  const months = year ? Array.from({ length: 12 }, (_, k) => `${year}-${String(k + 1).padStart(2, '0')}`) : null;
  const byCode = new Map<string, UnitInfo>();
  for (const u of units) {
    if (u.level === 'province') continue;
    // Without a year: every unit that ever reported (districts; communes from March 2025).
    if (months ? !months.some((m) => reportsIn(u, m)) : !(u.level === 'district' || (u.validTo === null || u.validTo >= COMMUNES_START))) continue;
    const seen = byCode.get(u.code);
    if (!seen || seen.validFrom < u.validFrom) byCode.set(u.code, u);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
