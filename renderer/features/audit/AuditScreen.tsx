/** Nhật ký: every mapping, correction, acceptance and choice, newest first, with who, when and why. */
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/types';
import { api } from '../../api/client';
import { gridLocale, gridTheme } from '../../components/grid-theme';
import { Notice } from '../../components/Notice';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useReference } from '../../hooks/use-reference';
import { auditTarget } from './audit-target';

/** Old and new values are stored as text; numbers among them are shown the Vietnamese way. */
function shown(v: string | null): string {
  if (v === null) return '—';
  return /^-?\d+(\.\d+)?$/.test(v) ? formatNumber(Number(v)) : v;
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const ref = useReference();
  // The entries and the chain's state arrive together: one layout of the grid, not two.
  const log = useLoad(async () => {
    const [entries, check] = await Promise.all([api.listAudit({}), api.verifyAudit({})]);
    return { entries: entries.reverse(), check };
  }, []);
  const check = log.data?.check;
  // Codes stand for names until the reference is loaded; the rows are reworded then.
  const names = useMemo(() => ({ unitName: ref?.unitName ?? ((c: string) => c), indicatorName: ref?.indicatorName ?? ((c: string) => c) }), [ref]);
  const columns = useMemo<ColDef<AuditEntry>[]>(() => [
    { headerName: t('audit.colAt'), field: 'at', width: 150, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') },
    { headerName: t('audit.colUser'), field: 'user', width: 150 },
    { headerName: t('audit.colAction'), field: 'action', width: 170, valueFormatter: (p) => t(`auditAction.${String(p.value)}`, { defaultValue: String(p.value) }) },
    { headerName: t('audit.colTarget'), colId: 'target', flex: 2, minWidth: 260, valueGetter: (p) => (p.data ? auditTarget(t, names, p.data) : ''), wrapText: true, autoHeight: true },
    { headerName: t('audit.colChange'), colId: 'change', width: 150, valueGetter: (p) => (p.data && (p.data.oldValue !== null || p.data.newValue !== null) ? `${shown(p.data.oldValue)} → ${shown(p.data.newValue)}` : '') },
    { headerName: t('audit.colReason'), field: 'reason', flex: 1, minWidth: 200, wrapText: true, autoHeight: true },
  ], [t, names]);
  return (
    <section className="screen">
      {log.error && <Notice kind="error">{log.error}</Notice>}
      <p className={`audit-integrity ${check && !check.ok ? 'field-error' : 'muted'}`} data-testid="audit-integrity">
        {!check ? t('audit.integrityChecking')
          : check.ok ? t('audit.integrityOk', { n: formatNumber(check.entries) })
            : t('audit.integrityBroken', { message: check.message ?? '' })}
      </p>
      <div className="grid-box tall" data-testid="audit-grid">
        <AgGridReact<AuditEntry>
          theme={gridTheme}
          localeText={gridLocale(i18n.language)}
          rowData={log.data?.entries ?? []}
          loading={log.loading}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          tooltipShowDelay={600}
        />
      </div>
    </section>
  );
}
