/**
 * Xu hướng: one indicator month by month, for the whole province or for up to five units side by
 * side, points with an open flag marked; another desk's figures and decisions join it as they are made.
 */
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
import { useStoreChanges } from '../../hooks/use-store-changes';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { MAX_UNITS, trendIndicators, trendLines } from './series';
import { TrendChart } from './TrendChart';

export function TrendScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const [indicator, setIndicator] = useState('');
  const [units, setUnits] = useState<string[]>([]);
  const [measure, setMeasure] = useState<Measure>('period');
  const chosen = indicator || ref?.indicators.find((i) => i.kind === 'flow')?.code || '';
  const ind = ref?.indicators.find((i) => i.code === chosen);
  // Only the chosen indicator's figures (a rate's two parts with it) and flags: a national store
  // holds about a million figures, a few thousand of them this indicator's. Loaded again when it changes.
  const needed = useMemo(() => (ind ? trendIndicators(ind) : null), [ind]);
  const data = useLoad(async () => {
    if (!needed) return null;
    // The flags marked are those on the indicator's own figures (series.ts), not its parts'. The
    // values are the ones that stand, reviewers' corrections applied, as the grid and the export show them.
    const [figures, flags] = await Promise.all([api.listFigures({ indicators: needed, effective: true }), api.listFlags({ status: 'open', indicators: needed.slice(0, 1) })]);
    return { needed, figures, flags };
  }, [needed]);
  // Another desk imported, corrected or decided: the lines are drawn again in place, for the
  // indicator, units and measure chosen here.
  useStoreChanges(data.refresh);
  // While another indicator loads, the last one's figures are not drawn under its name.
  const loaded = data.data?.needed === needed ? data.data : null;
  // A province rate is recomputed from its numerator and denominator; one without them cannot be.
  const summable = units.length > 0 || ind?.kind !== 'rate' || Boolean(ind.rate);
  const lines = useMemo(() => trendLines(loaded?.figures ?? [], loaded?.flags ?? [], { code: chosen, rate: ind?.rate ?? null }, measure, units), [loaded, chosen, ind, measure, units]);
  const names = useMemo(() => (units.length ? units.map((u) => `${u} · ${ref?.unitName(u) ?? ''}`) : [t('trend.province')]), [units, ref, t]);
  const monthLabel = useCallback((m: string) => t('period.monthShort', { month: Number(m.slice(5, 7)), year: m.slice(0, 4) }), [t]);
  const choices = reportingUnits(ref?.units ?? []);
  const unitOptions = choices.map((u) => [u.code, `${u.code} · ${u.name}`] as const);
  return (
    <section className="screen">
      <div className="filters">
        <SelectField label={t('filters.indicator')} value={chosen} onChange={setIndicator} testId="trend-indicator"
          options={(ref?.indicators ?? []).map((i) => [i.code, `${i.group}. ${i.name}`] as const)} />
        <SelectField label={t('filters.unit')} value={units[0] ?? ''} onChange={(u) => setUnits(u ? [u, ...units.slice(1).filter((x) => x !== u)] : [])} testId="trend-unit"
          options={[['', t('trend.province')], ...unitOptions]} />
        {units.length > 0 && units.length < MAX_UNITS && (
          <SelectField label={t('trend.addUnit', { max: MAX_UNITS })} value="" onChange={(u) => { if (u && !units.includes(u)) setUnits([...units, u]); }} testId="trend-add-unit"
            options={[['', '—'], ...unitOptions.filter(([c]) => !units.includes(c))]} />
        )}
        <SelectField label={t('filters.measure')} value={measure} onChange={(m) => setMeasure(m === 'ytd' ? 'ytd' : 'period')} testId="trend-measure"
          options={[['period', t('measure.period')], ['ytd', t('measure.ytd')]]} />
      </div>
      {units.length > 1 && (
        <div className="trend-units" data-testid="trend-units">
          {units.map((u, k) => (
            <span key={u} className="chip">{names[k]}
              <button type="button" className="link-button" aria-label={t('trend.removeUnit', { unit: names[k] })} onClick={() => setUnits(units.filter((x) => x !== u))} data-testid={`trend-remove-${u}`}>×</button>
            </span>
          ))}
        </div>
      )}
      {(data.loading || !ref) && <Spinner label={t('common.loading')} />}
      {data.error && <Notice kind="error">{data.error}</Notice>}
      {!summable && <Notice kind="info">{t('trend.rateNotSummed')}</Notice>}
      {summable && loaded && lines.months.length === 0 && <Notice kind="info">{t('trend.empty')}</Notice>}
      {summable && lines.months.length > 0 && ind && (
        <>
          <h2 className="chart-title">{ind.name} ({ind.unit}) — {names.join(', ')}</h2>
          <TrendChart data={lines} names={names} monthLabel={monthLabel} flaggedLabel={t('trend.flagged')} />
          <table className="table compact trend-table" data-testid="trend-table">
            <thead><tr>{lines.lines.length > 1 && <th />}{lines.months.map((m) => <th key={m} className="num">{periodLabel(t, m)}</th>)}</tr></thead>
            <tbody>
              {lines.lines.map((l, k) => (
                <tr key={l.key} data-unit={l.key}>
                  {lines.lines.length > 1 && <th>{names[k]}</th>}
                  {l.values.map((v, i) => (
                    <td key={lines.months[i]} className={l.flags[i] ? 'num cell-flagged' : 'num'} title={l.flags[i] ?? undefined}>{formatNumber(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
