/**
 * Nhật ký: every mapping, correction, acceptance and choice, newest first, with who, when and why;
 * filtered by who, what, when and which unit, and the filtered log downloaded as CSV.
 */
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/types';
import { api } from '../../api/client';
import { gridLocale, gridTheme } from '../../components/grid-theme';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { useReference } from '../../hooks/use-reference';
import type { AuditFilter } from './audit-filter';
import { distinct, filterAudit, toCsv } from './audit-filter';
import { auditTarget, auditValue, unitWithCode } from './audit-target';

/** Offers text as a file download (browser mode: the page cannot write to disk itself). */
function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  const [filter, setFilter] = useState<AuditFilter>({});
  // The entries and the chain's state arrive together: one layout of the grid, not two.
  const log = useLoad(async () => {
    const [entries, check] = await Promise.all([api.listAudit({}), api.verifyAudit({})]);
    return { entries: entries.reverse(), check };
  }, []);
  // Another desk's entries arrive without a reload: the filters stay, and the grid keeps its scroll
  // (rows by id, so only the new ones are added).
  useStoreChanges(log.refresh);
  const check = log.data?.check;
  const all = useMemo(() => log.data?.entries ?? [], [log.data]);
  const rows = useMemo(() => filterAudit(all, filter), [all, filter]);
  // Codes stand for names until the reference is loaded; the rows are reworded then.
  const names = useMemo(() => ({ unitName: ref?.unitName ?? ((c: string) => c), indicatorName: ref?.indicatorName ?? ((c: string) => c) }), [ref]);
  const value = (e: AuditEntry, v: string | null) => {
    // An import's outcome is stored as its status code ("rejected: unit-ambiguous"): named as the import screen names it.
    const outcome = e.action === 'import' && v ? /^(imported|duplicate|rejected|held|skipped)(?:: (.+))?$/.exec(v) : null;
    if (outcome) return `${t(`import.status.${outcome[1]}`)}${outcome[2] ? ` (${outcome[2]})` : ''}`;
    return auditValue(names, e, v, formatNumber);
  };
  const change = (e: AuditEntry) => (e.oldValue !== null || e.newValue !== null ? `${value(e, e.oldValue)} → ${value(e, e.newValue)}` : '');
  const action = (a: string) => t(`auditAction.${a}`, { defaultValue: a });
  const columns = useMemo<ColDef<AuditEntry>[]>(() => [
    { headerName: t('audit.colAt'), field: 'at', width: 150, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
    { headerName: t('audit.colUser'), field: 'user', width: 150 },
    { headerName: t('audit.colAction'), field: 'action', width: 170, valueFormatter: (p) => action(String(p.value)) },
    { headerName: t('audit.colTarget'), colId: 'target', flex: 2, minWidth: 260, valueGetter: (p) => (p.data ? auditTarget(t, names, p.data) : ''), wrapText: true, autoHeight: true },
    { headerName: t('audit.colChange'), colId: 'change', width: 190, valueGetter: (p) => (p.data ? change(p.data) : ''), wrapText: true, autoHeight: true },
    { headerName: t('audit.colReason'), field: 'reason', flex: 1, minWidth: 200, wrapText: true, autoHeight: true },
  ], [t, names]);
  const set = (key: keyof AuditFilter, value: string) => setFilter((f) => {
    const next = { ...f };
    if (value) next[key] = value;
    else delete next[key];
    return next;
  });
  const exportCsv = () => {
    const header = ['colAt', 'colUser', 'colAction', 'colTarget', 'colChange', 'colReason'].map((k) => t(`audit.${k}`));
    const body = rows.map((e) => [formatDateTime(e.at), e.user, action(e.action), auditTarget(t, names, e), change(e), e.reason ?? '']);
    downloadText(toCsv(header, body), `nhat-ky-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
  };
  return (
    <section className="screen">
      {log.error && <Notice kind="error">{log.error}</Notice>}
      <p className={`audit-integrity ${check && !check.ok ? 'field-error' : 'muted'}`} data-testid="audit-integrity">
        {!check ? t('audit.integrityChecking')
          : check.ok ? t('audit.integrityOk', { n: formatNumber(check.entries) })
            : t('audit.integrityBroken', { message: check.message ?? '' })}
      </p>
      <div className="filters" data-testid="audit-filters">
        <SelectField label={t('audit.colUser')} value={filter.user ?? ''} onChange={(v) => set('user', v)} testId="audit-user"
          options={[['', t('audit.allUsers')], ...distinct(all, 'user').map((u) => [u, u] as const)]} />
        <SelectField label={t('audit.colAction')} value={filter.action ?? ''} onChange={(v) => set('action', v)} testId="audit-action"
          options={[['', t('audit.allActions')], ...distinct(all, 'action').map((a) => [a, action(a)] as const)]} />
        <label className="field">
          <span className="field-label">{t('audit.from')}</span>
          <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} data-testid="audit-from" />
        </label>
        <label className="field">
          <span className="field-label">{t('audit.to')}</span>
          <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} data-testid="audit-to" />
        </label>
        <SelectField label={t('filters.unit')} value={filter.unit ?? ''} onChange={(v) => set('unit', v)} testId="audit-unit"
          options={[['', t('filters.allUnits')], ...distinct(all, 'unit').map((u) => [u, unitWithCode(names, u)] as const)]} />
        <button type="button" className="button secondary" onClick={exportCsv} disabled={rows.length === 0} data-testid="audit-export">{t('audit.export')}</button>
      </div>
      <p className="muted" data-testid="audit-shown">{t('audit.shown', { n: formatNumber(rows.length), total: formatNumber(all.length) })}</p>
      <div className="grid-box tall" data-testid="audit-grid">
        <AgGridReact<AuditEntry>
          theme={gridTheme}
          localeText={gridLocale(i18n.language)}
          rowData={rows}
          loading={log.loading}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          // A filter redraws the rows at once: sliding hundreds of rows out only blurs what changed.
          animateRows={false}
          tooltipShowDelay={600}
        />
      </div>
    </section>
  );
}
