/**
 * Cần kiểm tra: the flag queue, most severe first, read page by page; the flag under the cursor
 * on the right with its figures, source and decision. Keys: J/K or ↓/↑, A accept, C correct.
 */
import type { CellFocusedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../shared/api';
import type { CheckSummary, Flag, FlagCounts } from '../../../shared/types';
import { api } from '../../api/client';
import { flagIdsFromHash } from '../../app/links';
import { gridLocale, gridTheme } from '../../components/grid-theme';
import { Notice } from '../../components/Notice';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';
import { flagColumns } from './flag-columns';
import type { FlagQuery } from './flag-datasource';
import { flagDatasource } from './flag-datasource';
import { FlagCount } from './FlagCount';
import { FlagDetail } from './FlagDetail';
import { FlagFilters } from './FlagFilters';
import type { Action } from './ResolveForm';
import { useFlagKeys } from './use-flag-keys';

const PAGE = 100;

function batchFromHash(hash: string): { batch?: number } {
  const batch = Number(new URLSearchParams(hash.split('?')[1] ?? '').get('batch'));
  return Number.isInteger(batch) && batch > 0 ? { batch } : {};
}

/**
 * "#/flags?flag=ID&flag=ID" (a flagged cell of the figures grid): those flags whatever their
 * status, since one may have been decided since the grid was drawn. The first opens at once.
 */
function queryFromHash(hash: string): FlagQuery {
  const ids = flagIdsFromHash(hash);
  return ids.length ? { ids } : { status: 'open', ...batchFromHash(hash) };
}

export function FlagsScreen() {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const user = useUserName().trim();
  // "#/flags?batch=N" (the import summary's link): the flags that batch raised.
  const [query, setQuery] = useState<FlagQuery>(() => queryFromHash(location.hash));
  const [counts, setCounts] = useState<FlagCounts | null>(null);
  /** Bumped after each decision, so the header is counted again. */
  const [decided, setDecided] = useState(0);
  const [summary, setSummary] = useState<CheckSummary | null>(null);
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [current, setCurrent] = useState<{ index: number; flag: Flag } | null>(null);
  const [action, setAction] = useState<Action>('accept');
  const [focusTick, setFocusTick] = useState(0);
  const [figureIndex, setFigureIndex] = useState(0);
  const grid = useRef<GridApi<Flag> | null>(null);
  /** After a decision the queue is read again; this row gets the cursor once it is back. */
  const pending = useRef<number | null>(null);

  const datasource = useMemo(() => flagDatasource(query, setError), [query]);
  useEffect(() => {
    let live = true;
    api.countFlags(query).then((c) => { if (live) setCounts(c); }, (err: unknown) => { if (live) setError(err instanceof Error ? err.message : String(err)); });
    // A slower answer for an earlier filter must not overwrite the current one.
    return () => { live = false; };
  }, [query, decided]);
  const columns = useMemo(() => flagColumns(t, ref?.unitName ?? ((c) => c), !query.status), [t, ref, query.status]);

  const show = useCallback((index: number) => {
    const node = grid.current?.getDisplayedRowAtIndex(index);
    if (!node?.data) return;
    node.setSelected(true);
    // The same object, not the same id: after a decision the row holds the flag anew (resolved, with its decision).
    setCurrent((c) => (c && c.flag === node.data && c.index === index ? c : { index, flag: node.data! }));
  }, []);
  const moveTo = useCallback((index: number) => {
    const g = grid.current;
    if (!g || index < 0 || index >= g.getDisplayedRowCount()) return;
    g.ensureIndexVisible(index);
    // Focusing the cell moves the cursor; onCellFocused then shows the flag. The first column,
    // so the grid never scrolls sideways to reach the cell.
    g.setFocusedCell(index, 'severity');
    show(index);
  }, [show]);

  useFlagKeys({
    next: () => moveTo((current?.index ?? -1) + 1),
    previous: () => moveTo((current?.index ?? 1) - 1),
    accept: () => { if (current) { setAction('accept'); setFocusTick((n) => n + 1); } },
    correct: () => { if (current) { setAction('correct'); setFocusTick((n) => n + 1); } },
  });

  // Each flag opens on its first figure.
  useEffect(() => { setFigureIndex(0); }, [current?.flag.id]);
  // A new query starts at the top with nothing open.
  useEffect(() => { setCurrent(null); setCounts(null); pending.current = 0; }, [query]);

  const onModelUpdated = () => {
    if (pending.current === null) return;
    const g = grid.current;
    if (!g) return;
    const rows = g.getDisplayedRowCount();
    if (rows === 0) { pending.current = null; setCurrent(null); return; }
    const index = Math.min(pending.current, rows - 1);
    if (!g.getDisplayedRowAtIndex(index)?.data) return;
    pending.current = null;
    moveTo(index);
  };

  const recorded = async (act: () => Promise<void>) => {
    let ok = false;
    await run(async () => { await act(); ok = true; });
    return ok;
  };
  /** True once recorded: the form then stays shut (a second Ctrl+Enter has nothing to send). */
  const resolve = (args: Args<'resolveFlag'>) => recorded(async () => {
    const r = await api.resolveFlag(args);
    setSummary(r.summary);
    setDecided((n) => n + 1);
    setDone(t('flags.resolved', { action: t(`resolve.${args.action}`) }));
    // The same row now holds the next open flag (the decided one has left the open queue).
    pending.current = current?.index ?? 0;
    grid.current?.refreshInfiniteCache();
  });

  // Another desk decided or imported: the queue and its counts are read again. The flag open here
  // stays open (rows may have moved; a reason being typed is never carried to another flag).
  useStoreChanges(() => {
    setDecided((n) => n + 1);
    grid.current?.refreshInfiniteCache();
  });

  const reopen = (args: Args<'reopenFlag'>) => recorded(async () => {
    const r = await api.reopenFlag(args);
    setSummary(r.summary);
    setDecided((n) => n + 1);
    setDone(t('decision.reopened'));
    pending.current = current?.index ?? 0;
    grid.current?.refreshInfiniteCache();
  });

  return (
    <section className="screen flags-screen">
      <FlagFilters query={query} units={reportingUnits(ref?.units ?? [])} onChange={setQuery} />
      <FlagCount counts={counts} summary={summary} />
      {!user && <Notice kind="warning">{t('common.needUser')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      <div className="split">
        <div className="grid-box" data-testid="flags-grid">
          <AgGridReact<Flag>
            theme={gridTheme}
            localeText={gridLocale(i18n.language)}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={PAGE}
            maxBlocksInCache={50}
            columnDefs={columns}
            getRowId={(p) => p.data.id}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onGridReady={(e: GridReadyEvent<Flag>) => { grid.current = e.api; }}
            onCellFocused={(e: CellFocusedEvent<Flag>) => { if (typeof e.rowIndex === 'number' && e.rowPinned == null) show(e.rowIndex); }}
            onModelUpdated={onModelUpdated}
            tooltipShowDelay={600}
          />
        </div>
        {current && ref && (
          <FlagDetail
            flag={current.flag}
            unitName={ref.unitName}
            indicatorName={ref.indicatorName}
            action={action}
            focusTick={focusTick}
            figureIndex={figureIndex}
            user={user}
            busy={busy}
            onAction={setAction}
            onFigure={setFigureIndex}
            onSubmit={resolve}
            onReopen={reopen}
            onCancel={() => moveTo(current.index)}
          />
        )}
      </div>
    </section>
  );
}
