/**
 * Xuất báo cáo: the consolidated workbook for a period, by unit or by period, optionally refused
 * while flags are open. The workbook comes back as bytes and is offered as a download: a browser
 * saves it to its downloads, Electron asks where to save it. Another desk's imports add their periods
 * to the list as they are made; what the form holds stays as the person left it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args, Results } from '../../../shared/api';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { periodLabel, sortPeriods } from '../../format/periods';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { download } from './download';
import { exportPeriods, latestMonth } from './export-periods';

type Layout = NonNullable<Args<'exportWorkbook'>['layout']>;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ExportScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const files = useLoad(() => api.listFiles({}), []);
  useStoreChanges(files.refresh);
  const periods = useMemo(() => exportPeriods(sortPeriods((files.data ?? []).filter((f) => f.outcome === 'imported').flatMap((f) => f.periods))), [files.data]);
  const [period, setPeriod] = useState('');
  const [layout, setLayout] = useState<Layout>('units');
  const [unit, setUnit] = useState('');
  const [strict, setStrict] = useState(true);
  const [todayUnits, setTodayUnits] = useState(false);
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<Results['exportWorkbook'] | null>(null);
  const chosen = period || latestMonth(periods) || periods.at(-1) || '';
  // The period offered first is kept once shown: a later month another desk imports joins the list
  // but does not replace the period the form was about to export.
  useEffect(() => { if (!period && chosen) setPeriod(chosen); }, [period, chosen]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    return run(async () => {
      const r = await api.exportWorkbook({
        period: chosen, layout, strict,
        ...(layout === 'periods' && unit ? { unit } : {}),
        ...(todayUnits ? { underUnitsAt: today() } : {}),
      });
      if (r.base64) download(r.base64, r.fileName);
      setResult(r);
    });
  };

  if (files.loading && !files.data) return <Spinner label={t('common.loading')} />;
  if (periods.length === 0) return <Notice kind="info">{t('figures.empty')}</Notice>;
  return (
    <section className="screen">
      <p className="lead">{t('export.lead')}</p>
      <form className="export-form" onSubmit={(e) => void submit(e)}>
        <SelectField label={t('filters.period')} value={chosen} onChange={setPeriod} testId="export-period"
          options={periods.map((p) => [p, periodLabel(t, p)] as const)} />
        <SelectField label={t('export.layout')} value={layout} onChange={(v) => setLayout(v === 'periods' ? 'periods' : 'units')} testId="export-layout"
          options={[['units', t('export.layoutUnits')], ['periods', t('export.layoutPeriods')]]} />
        {layout === 'periods' && (
          <SelectField label={t('filters.unit')} value={unit} onChange={setUnit} testId="export-unit"
            options={[['', t('export.allUnits')], ...reportingUnits(ref?.units ?? [], Number(chosen.slice(0, 4)) || undefined).map((u) => [u.code, `${u.code} · ${u.name}`] as const)]} />
        )}
        <div className="checks">
          <label className="checkbox">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} data-testid="export-strict" />
            {t('export.strict')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={todayUnits} onChange={(e) => setTodayUnits(e.target.checked)} data-testid="export-today-units" />
            {t('export.todayUnits')}
          </label>
        </div>
        <button type="submit" className="button primary" disabled={busy || !chosen} data-testid="export-submit">{t('export.submit')}</button>
      </form>
      {busy && <Spinner label={t('export.busy')} />}
      {result && (
        <Notice kind="success">
          {result.path ? t('export.savedAt', { path: result.path }) : t('export.downloaded', { file: result.fileName })}
          {' '}{t('export.stats', { sheets: formatNumber(result.sheets.length), cells: formatNumber(result.cells), formulas: formatNumber(result.formulas) })}
        </Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
