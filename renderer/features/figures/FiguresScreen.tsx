/**
 * Số liệu: units × indicators for one period, vi-VN numbers; the values that stand (after the
 * reviewers' corrections, as the export uses them), corrected and flagged cells marked; a cell's
 * provenance on click.
 */
import type { CellClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { gridLocale, gridTheme } from '../../components/grid-theme';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { sortPeriods } from '../../format/periods';
import { useLoad } from '../../hooks/use-load';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { figureColumns } from './columns';
import type { FigureFilter } from './FigureFilters';
import { FigureFilters, pickIndicators } from './FigureFilters';
import type { PivotRow } from './pivot';
import { correctedCells, flaggedCells, pivot, totalRow } from './pivot';
import type { CellRef } from './ProvenancePanel';
import { ProvenancePanel } from './ProvenancePanel';

export function FiguresScreen() {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const files = useLoad(() => api.listFiles({}), []);
  const periods = useMemo(() => sortPeriods((files.data ?? []).filter((f) => f.outcome === 'imported').flatMap((f) => f.periods)), [files.data]);
  const [filter, setFilter] = useState<FigureFilter>({ period: '', unit: '', indicator: '', measure: 'period' });
  const [cell, setCell] = useState<CellRef | null>(null);
  // The latest period once the files are known: what the clerk is working on.
  useEffect(() => { if (!filter.period && periods.length) setFilter((f) => ({ ...f, period: periods.at(-1)! })); }, [periods, filter.period]);
  const data = useLoad(async () => {
    if (!filter.period) return null;
    const [figures, flags] = await Promise.all([
      api.listFigures({ period: filter.period, effective: true, ...(filter.unit ? { unit: filter.unit } : {}) }),
      api.listFlags({ period: filter.period, status: 'open', ...(filter.unit ? { unit: filter.unit } : {}) }),
    ]);
    return { figures, flags };
  }, [filter.period, filter.unit]);
  const indicators = useMemo(() => pickIndicators(ref?.indicators ?? [], filter.indicator), [ref, filter.indicator]);
  const rows = useMemo(() => (data.data && ref ? pivot(data.data.figures, filter.measure, ref.unitName, filter.unit !== '') : []), [data.data, ref, filter.measure, filter.unit]);
  const marks = useMemo(() => ({ flagged: flaggedCells(data.data?.flags ?? [], filter.period), corrected: correctedCells(data.data?.figures ?? []) }), [data.data, filter.period]);
  const columns = useMemo(() => figureColumns(t, indicators, filter.measure, marks), [t, indicators, filter.measure, marks]);
  const total = useMemo(() => (filter.unit ? [] : [totalRow(rows, indicators, t('figures.total'))]), [rows, indicators, filter.unit, t]);
  const year = Number(filter.period.slice(0, 4)) || undefined;

  const onCellClicked = (e: CellClickedEvent<PivotRow>) => {
    const ind = ref?.indicators.find((i) => i.code === e.column.getColId());
    if (!e.data || e.data.total || !ind) return;
    setCell({ unit: e.data.unit, unitLabel: `${e.data.unit} · ${ref?.unitName(e.data.unit) ?? ''}`, subunit: e.data.subunit, indicator: ind.code, indicatorName: ind.name, period: filter.period, measure: filter.measure });
  };

  if (files.loading && !files.data) return <Spinner label={t('common.loading')} />;
  if (files.error) return <Notice kind="error">{files.error}</Notice>;
  if (periods.length === 0) return <Notice kind="info">{t('figures.empty')}</Notice>;
  return (
    <section className="screen figures-screen">
      <FigureFilters filter={filter} periods={periods} units={reportingUnits(ref?.units ?? [], year)} indicators={ref?.indicators ?? []} onChange={(f) => { setFilter(f); setCell(null); }} />
      <p className="muted legend">
        <span className="legend-flag" /> {t('figures.legendFlag')} · <span className="legend-corrected" /> {t('figures.legendCorrected')} · {t('figures.clickHint')}
      </p>
      {data.error && <Notice kind="error">{data.error}</Notice>}
      <div className="split">
        <div className="grid-box" data-testid="figures-grid">
          <AgGridReact<PivotRow>
            theme={gridTheme}
            localeText={gridLocale(i18n.language)}
            rowData={rows}
            pinnedBottomRowData={total}
            columnDefs={columns}
            getRowId={(p) => p.data.key}
            loading={data.loading}
            onCellClicked={onCellClicked}
            tooltipShowDelay={400}
            suppressDragLeaveHidesColumns
          />
        </div>
        {cell && <ProvenancePanel cell={cell} onClose={() => setCell(null)} />}
      </div>
    </section>
  );
}
