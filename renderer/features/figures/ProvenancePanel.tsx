/** Where a figure comes from: each cell it was read from, each correction and choice, newest last. */
import { useTranslation } from 'react-i18next';
import type { EffectiveValue, TrailStep } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';

export interface CellRef { unit: string; unitLabel: string; subunit: string | null; indicator: string; indicatorName: string; period: string; measure: 'period' | 'ytd' }

export function ProvenancePanel({ cell, onClose }: { cell: CellRef; onClose: () => void }) {
  const { t } = useTranslation();
  const eff = useLoad(
    () => api.getEffective({ unit: cell.unit, period: cell.period, indicator: cell.indicator, measure: cell.measure, subunit: cell.subunit }),
    [cell.unit, cell.period, cell.indicator, cell.measure, cell.subunit],
  );
  // A correction or a choice made at another desk joins the trail of the cell in view.
  useStoreChanges(eff.refresh);
  return (
    <aside className="side-panel" data-testid="provenance">
      <div className="side-panel-head">
        <h2>{t('provenance.title')}</h2>
        <button type="button" className="button ghost" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      <dl className="facts">
        <dt>{t('provenance.unit')}</dt><dd>{cell.subunit ? `${cell.subunit} (${cell.unitLabel})` : cell.unitLabel}</dd>
        <dt>{t('provenance.indicator')}</dt><dd>{cell.indicatorName}</dd>
        <dt>{t('provenance.period')}</dt><dd>{periodLabel(t, cell.period)} · {t(`measure.${cell.measure}`)}</dd>
        {eff.data && <><dt>{t('provenance.value')}</dt><dd className="big-number" data-testid="effective-value">{eff.data.value === null ? t('provenance.noValue') : formatNumber(eff.data.value)}</dd></>}
      </dl>
      {eff.loading && <Spinner label={t('common.loading')} />}
      {eff.error && <Notice kind="error">{eff.error}</Notice>}
      {eff.data && <Trail value={eff.data} />}
    </aside>
  );
}

function Trail({ value }: { value: EffectiveValue }) {
  const { t } = useTranslation();
  if (value.trail.length === 0) return <p className="muted">{t('provenance.noTrail')}</p>;
  return (
    <ol className="trail">
      {value.trail.map((step, i) => <li key={i} className={`trail-${step.kind}`}><TrailText step={step} /></li>)}
    </ol>
  );
}

function TrailText({ step }: { step: TrailStep }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case 'cell':
      return (
        <>
          <div>{t('provenance.read', { value: formatNumber(step.value), raw: step.raw })}</div>
          {step.source
            ? <div className="source-ref" data-testid="typed-source">{t('provenance.typed', { source: t(`entry.sources.${step.source.kind}`).toLocaleLowerCase('vi'), ref: step.source.ref, user: step.source.user, at: formatDateTime(step.source.at) })}</div>
            : <div className="source-ref">{t('source.ref', { file: step.file, sheet: step.sheet, cell: step.cell })}</div>}
          {step.superseded && <div className="muted">{t('provenance.superseded')}</div>}
        </>
      );
    case 'correction':
      return (
        <>
          <div>{t('provenance.corrected', { old: formatNumber(step.oldValue), value: formatNumber(step.newValue) })}</div>
          <div className="muted">{step.user} · {formatDateTime(step.at)} · {step.reason}</div>
        </>
      );
    case 'choice':
      return (
        <>
          <div>{t('provenance.chosen', { file: step.file })}</div>
          <div className="muted">{step.user} · {formatDateTime(step.at)} · {step.reason}</div>
        </>
      );
  }
}
