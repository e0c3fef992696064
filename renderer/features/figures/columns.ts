/** AG Grid columns: the unit pinned left, then indicators under their group headings I–VI. */
import type { CellClassParams, ColDef, ColGroupDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Indicator, Measure } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import type { PivotRow } from './pivot';
import { cellKey } from './pivot';

export const GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

export function figureColumns(t: TFunction, indicators: Indicator[], measure: Measure, flagged: Set<string>): (ColDef<PivotRow> | ColGroupDef<PivotRow>)[] {
  const unitCol: ColDef<PivotRow> = {
    headerName: t('figures.colUnit'),
    field: 'label',
    pinned: 'left',
    width: 230,
    cellClass: (p) => (p.data?.subunit ? 'subunit-cell' : p.data?.total ? 'total-cell' : 'unit-cell'),
  };
  const groups: ColGroupDef<PivotRow>[] = GROUPS.map((g) => ({
    headerName: `${g}. ${t(`groups.${g}`)}`,
    headerClass: 'group-header',
    children: indicators.filter((i) => i.group === g).map((i) => indicatorColumn(i, measure, flagged)),
  })).filter((g) => g.children.length > 0);
  return [unitCol, ...groups];
}

function indicatorColumn(ind: Indicator, measure: Measure, flagged: Set<string>): ColDef<PivotRow> {
  return {
    colId: ind.code,
    headerName: ind.name,
    headerTooltip: `${ind.name} (${ind.unit})`,
    width: 150,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    type: 'numericColumn',
    valueGetter: (p: ValueGetterParams<PivotRow>) => p.data?.values[ind.code] ?? null,
    valueFormatter: (p: ValueFormatterParams<PivotRow>) => formatNumber(p.value as number | null),
    cellClassRules: {
      'cell-flagged': (p: CellClassParams<PivotRow>) => Boolean(p.data && !p.data.total && flagged.has(cellKey(p.data.unit, p.data.subunit, ind.code, measure))),
    },
  };
}
