/**
 * Số liệu: units × indicators for one period, vi-VN numbers; the values that stand (after the
 * reviewers' corrections, as the export uses them), corrected and flagged cells marked; a cell's
 * provenance on click; a flagged cell's mark (or F on it) opens its flags, and a flag's "see in the
 * grid" arrives here on its cell ("#/figures?period=..&unit=..&indicator=.."). A search, the columns a user chose, the selected rows copied for Excel and
 * the grid as shown downloaded as a workbook.
 */
import type { CellClickedEvent, CellKeyDownEvent, GridApi, GridSizeChangedEvent, RowDataUpdatedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { figureTargetFromHash, flagsHref } from '../../app/links';
import { gridLocale, gridTheme } from '../../components/grid-theme';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { periodLabel, sortPeriods } from '../../format/periods';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { figureColumns } from './columns';
import type { FigureFilter } from './FigureFilters';
import { FigureFilters, pickIndicators } from './FigureFilters';
import { FiguresToolbar } from './FiguresToolbar';
import { loadHidden, saveHidden } from './column-prefs';
import { searchGrid, toTsv } from './grid-view';
import { download } from '../export/download';
import { useUserName } from '../../hooks/use-user-name';
import type { PivotRow } from './pivot';
import { cellKey, correctedCells, flaggedCells, pivot, totalRow } from './pivot';
import type { CellRef } from './ProvenancePanel';
import { ProvenancePanel } from './ProvenancePanel';

export function FiguresScreen() {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const files = useLoad(() => api.listFiles({}), []);
  const periods = useMemo(() => sortPeriods((files.data ?? []).filter((f) => f.outcome === 'imported').flatMap((f) => f.periods)), [files.data]);
  // Sent here on one cell (a flag's link): its period, and its unit where the cell is a commune's
  // (communes show only under one unit); the cell gets the focus once its row is in.
  const [target] = useState(() => figureTargetFromHash(location.hash));
  const pendingTarget = useRef(target);
  /** The arrived-at cell, scrolled to again once the provenance panel has narrowed the grid. */
  const scrollAgain = useRef<{ row: number; col: string } | null>(null);
  const [filter, setFilter] = useState<FigureFilter>(() => ({ period: target?.period ?? '', unit: target?.subunit ? target.unit : '', indicator: '', measure: target?.measure ?? 'period' }));
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
  // Another desk imported, corrected or decided: the periods and the grid are read again in place.
  // Rows keep their ids (getRowId), so the grid updates only the cells that changed: the selection,
  // the scroll, the focused cell, the search and the open provenance stay as they were.
  useStoreChanges(() => { files.refresh(); data.refresh(); });
  const user = useUserName();
  // The asked-for cell's column is shown even where the user hid it (for this visit, not saved).
  const reveal = (h: Set<string>) => { if (target) h.delete(target.indicator); return h; };
  const [hidden, setHidden] = useState<Set<string>>(() => reveal(loadHidden(user)));
  useEffect(() => setHidden(reveal(loadHidden(user))), [user]);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const grid = useRef<AgGridReact<PivotRow>>(null);
  const chosen = useMemo(() => pickIndicators(ref?.indicators ?? [], filter.indicator), [ref, filter.indicator]);
  const allRows = useMemo(() => (data.data && ref ? pivot(data.data.figures, filter.measure, ref.unitName, filter.unit !== '') : []), [data.data, ref, filter.measure, filter.unit]);
  const found = useMemo(() => searchGrid(allRows, chosen.filter((i) => !hidden.has(i.code)), query), [allRows, chosen, hidden, query]);
  const rows = found.rows;
  const indicators = found.indicators;
  const targetKey = target && target.period === filter.period && target.measure === filter.measure ? cellKey(target.unit, target.subunit, target.indicator, target.measure) : null;
  const marks = useMemo(() => ({ flagged: flaggedCells(data.data?.flags ?? [], filter.period), corrected: correctedCells(data.data?.figures ?? []), target: targetKey }), [data.data, filter.period, targetKey]);
  const columns = useMemo(() => figureColumns(t, indicators, filter.measure, marks), [t, indicators, filter.measure, marks]);
  // The province row of the rows shown; a rate's from its numerator and denominator even when hidden.
  const total = useMemo(() => (filter.unit || rows.length === 0 ? [] : [totalRow(rows, indicators, t(rows.length < allRows.length ? 'figures.totalShown' : 'figures.total'), ref?.indicators ?? [])]), [rows, allRows.length, indicators, filter.unit, t, ref]);
  const changeHidden = (h: Set<string>) => { setHidden(h); saveHidden(user, h); };

  const copy = async (api: GridApi<PivotRow> | undefined) => {
    if (!api) return;
    const selected = api.getSelectedNodes().filter((n) => n.displayed).sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
    if (selected.length === 0) return;
    const { header, cells } = shownTable(api);
    try {
      await navigator.clipboard.writeText(toTsv(header, selected.map((n) => cells(n.data!))));
      setNote({ kind: 'success', text: t('figures.copied', { count: selected.length }) });
    } catch (err) {
      setNote({ kind: 'error', text: t('figures.copyFailed', { message: (err as Error).message }) });
    }
  };
  const exportShown = async () => {
    const gridApi = grid.current?.api;
    if (!gridApi) return;
    const { header, cells, decimals } = shownTable(gridApi);
    const body: (string | number | null)[][] = [];
    gridApi.forEachNodeAfterFilterAndSort((n) => { if (n.data) body.push(cells(n.data)); });
    for (let k = 0; k < gridApi.getPinnedBottomRowCount(); k++) { const n = gridApi.getPinnedBottomRow(k); if (n?.data) body.push(cells(n.data)); }
    setExporting(true);
    try {
      const title = t('figures.gridTitle', { period: periodLabel(t, filter.period), measure: t(`measure.${filter.measure}`) });
      const r = await api.exportGrid({ title, columns: header.map((h, k) => ({ header: h, decimals: decimals[k] })), rows: body });
      download(r.base64, r.fileName);
    } catch (err) {
      setNote({ kind: 'error', text: (err as Error).message });
    } finally {
      setExporting(false);
    }
  };
  const onCellKeyDown = (e: CellKeyDownEvent<PivotRow>) => {
    const k = e.event as KeyboardEvent | undefined;
    if (k && (k.ctrlKey || k.metaKey) && k.key.toLowerCase() === 'c') void copy(e.api);
    // F: the focused cell's flags, as its mark's click opens them.
    if (k && !k.ctrlKey && !k.metaKey && !k.altKey && k.key.toLowerCase() === 'f' && e.data && !e.data.total) {
      const flags = marks.flagged.get(cellKey(e.data.unit, e.data.subunit, e.column.getColId(), filter.measure));
      if (flags?.length) location.hash = flagsHref(flags.map((f) => f.id));
    }
  };
  /** Once the asked-for cell's row is in: scroll to it, focus it and show its provenance. */
  const onRowDataUpdated = (e: RowDataUpdatedEvent<PivotRow>) => {
    const want = pendingTarget.current;
    if (!want || want.period !== filter.period) return;
    const node = e.api.getRowNode(`${want.unit}|${want.subunit ?? ''}`);
    if (!node || node.rowIndex === null || !e.api.getColumn(want.indicator)) return;
    pendingTarget.current = null;
    scrollAgain.current = { row: node.rowIndex, col: want.indicator };
    scrollTo(e.api, node.rowIndex, want.indicator);
    openCell(node.data, want.indicator);
  };
  const onGridSizeChanged = (e: GridSizeChangedEvent<PivotRow>) => {
    const again = scrollAgain.current;
    if (!again) return;
    scrollAgain.current = null;
    scrollTo(e.api, again.row, again.col);
  };
  const year = Number(filter.period.slice(0, 4)) || undefined;

  const openCell = (row: PivotRow | undefined, code: string) => {
    const ind = ref?.indicators.find((i) => i.code === code);
    if (!row || row.total || !ind) return;
    setCell({ unit: row.unit, unitLabel: `${row.unit} · ${ref?.unitName(row.unit) ?? ''}`, subunit: row.subunit, indicator: ind.code, indicatorName: ind.name, period: filter.period, measure: filter.measure });
  };
  const onCellClicked = (e: CellClickedEvent<PivotRow>) => { scrollAgain.current = null; openCell(e.data, e.column.getColId()); };

  if (files.loading && !files.data) return <Spinner label={t('common.loading')} />;
  if (files.error) return <Notice kind="error">{files.error}</Notice>;
  if (periods.length === 0) return <Notice kind="info">{t('figures.empty')}</Notice>;
  return (
    <section className="screen figures-screen">
      <FigureFilters filter={filter} periods={periods} units={reportingUnits(ref?.units ?? [], year)} indicators={ref?.indicators ?? []} onChange={(f) => { setFilter(f); setCell(null); }} />
      <p className="muted legend">
        <span className="legend-flag" /> {t('figures.legendFlag')} · <span className="legend-corrected" /> {t('figures.legendCorrected')} · {t('figures.clickHint')}
      </p>
      <FiguresToolbar query={query} onQuery={setQuery} indicators={chosen} hidden={hidden} onHidden={changeHidden}
        onCopy={() => void copy(grid.current?.api)} onExport={() => void exportShown()} busy={exporting} />
      {note && <Notice kind={note.kind}>{note.text}</Notice>}
      {query.trim() && allRows.length > 0 && rows.length === 0 && <Notice kind="info">{t('figures.noMatch', { query: query.trim() })}</Notice>}
      {data.error && <Notice kind="error">{data.error}</Notice>}
      <div className="split">
        <div className="grid-box" data-testid="figures-grid">
          <AgGridReact<PivotRow>
            ref={grid}
            theme={gridTheme}
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
            selectionColumnDef={{ pinned: 'left', width: 44 }}
            onCellKeyDown={onCellKeyDown}
            localeText={gridLocale(i18n.language)}
            rowData={rows}
            pinnedBottomRowData={total}
            columnDefs={columns}
            getRowId={(p) => p.data.key}
            loading={data.loading}
            onCellClicked={onCellClicked}
            onRowDataUpdated={onRowDataUpdated}
            onGridSizeChanged={onGridSizeChanged}
            tooltipShowDelay={400}
            suppressDragLeaveHidesColumns
            // A catalog's few dozen columns are all in the page: cheap, and a browser's find (Ctrl+F) sees them all.
            suppressColumnVirtualisation
            // New column definitions (a refresh's marks) keep the columns where the person dragged them.
            maintainColumnOrder
          />
        </div>
        {cell && <ProvenancePanel cell={cell} onClose={() => setCell(null)} />}
      </div>
    </section>
  );
}

/** The cell in the middle of the grid, with the focus (keys then work from it: F, Ctrl+C). */
function scrollTo(gridApi: GridApi<PivotRow>, row: number, col: string): void {
  gridApi.ensureIndexVisible(row, 'middle');
  gridApi.ensureColumnVisible(col, 'middle');
  gridApi.setFocusedCell(row, col);
}

/** The columns as shown (chosen, moved, in order) and a row's cells under them. */
function shownTable(gridApi: GridApi<PivotRow>): { header: string[]; decimals: boolean[]; cells: (row: PivotRow) => (string | number | null)[] } {
  const cols = gridApi.getAllDisplayedColumns().filter((c) => c.getColId() === 'label' || c.getColDef().type === 'numericColumn');
  return {
    header: cols.map((c) => c.getColDef().headerName ?? c.getColId()),
    decimals: cols.map((c) => Boolean((c.getColDef().context as { decimals?: boolean } | undefined)?.decimals)),
    cells: (row) => cols.map((c) => (c.getColId() === 'label' ? row.label : row.values[c.getColId()] ?? null)),
  };
}
