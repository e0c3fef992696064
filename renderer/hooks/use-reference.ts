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

/** After the catalog changed: the next screen to ask reads it again. */
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

/** District-level units that existed at some time in `year` (the units that send returns). */
export function reportingUnits(units: UnitInfo[], year?: number): UnitInfo[] {
  const from = year ? `${year}-01-01` : '0000';
  const to = year ? `${year}-12-31` : '9999';
  return units
    .filter((u) => u.level === 'district' && u.validFrom <= to && (u.validTo === null || u.validTo >= from))
    .sort((a, b) => a.code.localeCompare(b.code));
}
