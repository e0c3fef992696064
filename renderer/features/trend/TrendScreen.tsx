/** Xu hướng: one indicator month by month, for a unit or the whole province. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';
import { useLoad } from '../../hooks/use-load';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { monthlySeries } from './series';
import { TrendChart } from './TrendChart';

export function TrendScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const [indicator, setIndicator] = useState('');
  const [unit, setUnit] = useState('');
  const [measure, setMeasure] = useState<Measure>('period');
  const figures = useLoad(() => api.listFigures(unit ? { unit } : {}), [unit]);
  const chosen = indicator || ref?.indicators.find((i) => i.kind === 'flow')?.code || '';
  const ind = ref?.indicators.find((i) => i.code === chosen);
  // A province rate is not the sum of the units' rates.
  const summable = Boolean(unit) || ind?.kind !== 'rate';
  const series = useMemo(() => monthlySeries(figures.data ?? [], chosen, measure, unit || null), [figures.data, chosen, measure, unit]);
  const monthLabel = useCallback((m: string) => t('period.monthShort', { month: Number(m.slice(5, 7)), year: m.slice(0, 4) }), [t]);
  return (
    <section className="screen">
      <div className="filters">
        <SelectField label={t('filters.indicator')} value={chosen} onChange={setIndicator} testId="trend-indicator"
          options={(ref?.indicators ?? []).map((i) => [i.code, `${i.group}. ${i.name}`] as const)} />
        <SelectField label={t('filters.unit')} value={unit} onChange={setUnit} testId="trend-unit"
          options={[['', t('trend.province')], ...reportingUnits(ref?.units ?? []).map((u) => [u.code, `${u.code} · ${u.name}`] as const)]} />
        <SelectField label={t('filters.measure')} value={measure} onChange={(m) => setMeasure(m === 'ytd' ? 'ytd' : 'period')} testId="trend-measure"
          options={[['period', t('measure.period')], ['ytd', t('measure.ytd')]]} />
      </div>
      {figures.loading && <Spinner label={t('common.loading')} />}
      {figures.error && <Notice kind="error">{figures.error}</Notice>}
      {!summable && <Notice kind="info">{t('trend.rateNotSummed')}</Notice>}
      {summable && figures.data && series.months.length === 0 && <Notice kind="info">{t('trend.empty')}</Notice>}
      {summable && series.months.length > 0 && ind && (
        <>
          <h2 className="chart-title">{ind.name} ({ind.unit}) — {unit ? `${unit} · ${ref?.unitName(unit)}` : t('trend.province')}</h2>
          <TrendChart series={series} label={ind.name} monthLabel={monthLabel} />
          <table className="table compact trend-table" data-testid="trend-table">
            <thead><tr>{series.months.map((m) => <th key={m} className="num">{periodLabel(t, m)}</th>)}</tr></thead>
            <tbody><tr>{series.values.map((v, i) => <td key={series.months[i]} className="num">{formatNumber(v)}</td>)}</tr></tbody>
          </table>
        </>
      )}
    </section>
  );
}
