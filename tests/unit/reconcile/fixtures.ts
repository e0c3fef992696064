/** Hand-built figures and a rule context from the real catalog, for the reconcile tests. */
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogFile } from '../../../shared/catalog';
import type { ExpectedUnit, RuleContext, RuleFigure } from '../../../main/core/reconcile/types';

const CATALOG = path.resolve(__dirname, '../../../resources/catalog/indicators.json');

export function catalog(): CatalogFile {
  return JSON.parse(fs.readFileSync(CATALOG, 'utf8')) as CatalogFile;
}

export function makeContext(units: ExpectedUnit[] = [], periodsExpected: string[] = []): RuleContext {
  const cat = catalog();
  const indicators = new Map(cat.indicators.map((i) => [i.code, i]));
  return {
    indicators,
    relations: cat.relations,
    indicatorName: (code) => indicators.get(code)?.name ?? code,
    expectedUnits: units,
    periodsExpected,
  };
}

let nextId = 1;

/** A figure with sensible defaults: Anh Sơn's February 2023 return, its own within-period figure. */
export function fig(p: Partial<RuleFigure> & Pick<RuleFigure, 'indicator' | 'value'>): RuleFigure {
  const subunit = p.subunit ?? null;
  return {
    id: nextId++,
    fileId: 1,
    file: 'BC_T02.xlsx',
    fileImportedAt: '2023-03-05T08:00:00.000Z',
    unit: '424',
    unitName: 'Huyện Anh Sơn',
    period: '2023-02',
    measure: 'period',
    role: subunit ? 'subunit' : 'value',
    raw: String(p.value),
    sheet: 'T2',
    cell: 'D15',
    superseded: false,
    ...p,
    subunit,
  };
}

/** Twelve months of one figure for one unit: `values[i]` is month i+1 of 2023. */
export function monthly(unit: string, indicator: string, values: number[], extra: Partial<RuleFigure> = {}): RuleFigure[] {
  return values.map((value, i) => fig({ unit, unitName: `Đơn vị ${unit}`, indicator, value, period: `2023-${String(i + 1).padStart(2, '0')}`, fileId: 100 + i, file: `BC_T${i + 1}_${unit}.xlsx`, ...extra }));
}
