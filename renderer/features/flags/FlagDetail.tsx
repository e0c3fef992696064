/** One flag: what is wrong, the figures and their cells, the source around the cell, the decision. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';
import { figuresHref } from '../../app/links';
import type { Args } from '../../../shared/api';
import { DecisionView } from './DecisionView';
import { wordIn } from '../../i18n/word';
import { FlagFigures } from './FlagFigures';
import type { ResolveFormProps } from './ResolveForm';
import { ResolveForm } from './ResolveForm';
import { SourcePreview } from './SourcePreview';

/** The decision form's props, passed on whole, and the names to show beside codes. */
export interface FlagDetailProps extends ResolveFormProps {
  unitName: (code: string) => string;
  indicatorName: (code: string) => string;
  onReopen: (args: Args<'reopenFlag'>) => Promise<boolean>;
}

export function FlagDetail({ unitName, indicatorName, onReopen, ...form }: FlagDetailProps) {
  const { t, i18n } = useTranslation();
  const { flag } = form;
  const figure = flag.figures[form.figureIndex] ?? flag.figures[0];
  return (
    <aside className="side-panel flag-detail" data-testid="flag-detail">
      <div className="flag-head">
        <span className={`badge sev-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>
        <strong>{t(`rules.${flag.rule}`, { defaultValue: flag.rule })}</strong>
        <span className="muted">{flag.unit} · {unitName(flag.unit)} · {periodLabel(t, flag.period)}</span>
        {flag.status === 'resolved' && <span className="badge badge-imported">{t('flagStatus.resolved')}</span>}
      </div>
      {/* What the flag is about scrolls on its own; the decision form stays in view below it (1366x768 included). */}
      <div className="flag-detail-body">
      <p className="flag-message" data-testid="flag-message">{wordIn(flag.text, flag.message, i18n.language === 'en' ? 'en' : 'vi')}</p>
      {/* A resolved flag leads with its decision: what was decided matters before the figures. */}
      {flag.status === 'resolved' && flag.decision && <DecisionView key={flag.id} flag={{ ...flag, decision: flag.decision }} user={form.user} busy={form.busy} onReopen={onReopen} />}
      {flag.expected && <p className="muted">{t('flags.expected', { low: formatNumber(flag.expected.low), high: formatNumber(flag.expected.high) })}</p>}
      {flag.figures.length > 0 && <FlagFigures figures={flag.figures} indicatorName={indicatorName} selected={form.figureIndex} onSelect={form.onFigure} />}
      {figure?.indicator && (
        // The figure chosen above, in its cell of the grid: its period, unit (commune) and indicator.
        <a className="button secondary" data-testid="flag-see-in-grid"
          href={figuresHref({ period: figure.period, unit: flag.unit, subunit: figure.subunit, indicator: figure.indicator, measure: figure.measure })}>
          {t('flags.seeInGrid')}
        </a>
      )}
      {figure && <SourcePreview figure={figure} />}
      </div>
      {!(flag.status === 'resolved' && flag.decision) && <ResolveForm key={flag.id} {...form} />}
    </aside>
  );
}
