/** AG Grid columns: the unit pinned left, then indicators under their catalog group headings. */
import type { CellClassParams, ColDef, ColGroupDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Flag, Indicator, Measure } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import type { FlaggedCellParams } from './FlaggedCell';
import { FlaggedCell } from './FlaggedCell';
import type { PivotRow } from './pivot';
import { cellKey } from './pivot';

export interface IndicatorGroup { code: string; name: string }

/**
 * The groups in catalog order, named as the catalog names them: the headings follow an edit of
 * resources/catalog/indicators.json without a change to the UI.
 */
export function indicatorGroups(indicators: Indicator[]): IndicatorGroup[] {
  const groups = new Map<string, string>();
  for (const i of indicators) if (!groups.has(i.group)) groups.set(i.group, i.groupName);
  return [...groups].map(([code, name]) => ({ code, name }));
}

/**
 * Which cells get which mark: an open flag points at it (with those flags); a reviewer corrected
 * it; it is the cell a link asked for (a flag's "see in the grid"), by its cellKey.
 */
export interface CellMarks { flagged: Map<string, Flag[]>; corrected: Set<string>; target: string | null }

export function figureColumns(t: TFunction, indicators: Indicator[], measure: Measure, marks: CellMarks): (ColDef<PivotRow> | ColGroupDef<PivotRow>)[] {
  const unitCol: ColDef<PivotRow> = {
    headerName: t('figures.colUnit'),
    field: 'label',
    pinned: 'left',
    width: 230,
    cellClass: (p) => (p.data?.subunit ? 'subunit-cell' : p.data?.total ? 'total-cell' : 'unit-cell'),
  };
  const groups: ColGroupDef<PivotRow>[] = indicatorGroups(indicators).map((g) => ({
    headerName: `${g.code}. ${g.name}`,
    headerClass: 'group-header',
    children: indicators.filter((i) => i.group === g.code).map((i) => indicatorColumn(i, measure, marks)),
  }));
  return [unitCol, ...groups];
}

function indicatorColumn(ind: Indicator, measure: Measure, marks: CellMarks): ColDef<PivotRow> {
  const key = (row: PivotRow) => cellKey(row.unit, row.subunit, ind.code, measure);
  const flagsOf = (row: PivotRow): Flag[] => (row.total ? [] : marks.flagged.get(key(row)) ?? []);
  const params: FlaggedCellParams = { flagsOf };
  return {
    colId: ind.code,
    headerName: ind.name,
    headerTooltip: `${ind.name} (${ind.unit})`,
    width: 150,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    type: 'numericColumn',
    context: { decimals: ind.decimals },
    valueGetter: (p: ValueGetterParams<PivotRow>) => p.data?.values[ind.code] ?? null,
    valueFormatter: (p: ValueFormatterParams<PivotRow>) => formatNumber(p.value as number | null),
    cellRenderer: FlaggedCell,
    cellRendererParams: params,
    cellClassRules: {
      'cell-flagged': (p: CellClassParams<PivotRow>) => Boolean(p.data && flagsOf(p.data).length),
      'cell-target': (p: CellClassParams<PivotRow>) => Boolean(p.data && !p.data.total && marks.target === key(p.data)),
      'cell-corrected': (p: CellClassParams<PivotRow>) => Boolean(p.data && !p.data.total && marks.corrected.has(key(p.data))),
    },
  };
}
