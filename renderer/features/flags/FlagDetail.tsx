/** One flag: what is wrong, the figures and their cells, the source around the cell, the decision. */
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../shared/api';
import type { Flag } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';
import { FlagFigures } from './FlagFigures';
import type { Action } from './ResolveForm';
import { ResolveForm } from './ResolveForm';
import { SourcePreview } from './SourcePreview';

export interface FlagDetailProps {
  flag: Flag;
  unitName: (code: string) => string;
  indicatorName: (code: string) => string;
  action: Action;
  focusTick: number;
  figureIndex: number;
  user: string;
  busy: boolean;
  onAction: (a: Action) => void;
  onFigure: (i: number) => void;
  onResolve: (args: Args<'resolveFlag'>) => void;
  onCancel: () => void;
}

export function FlagDetail(props: FlagDetailProps) {
  const { t } = useTranslation();
  const { flag } = props;
  const figure = flag.figures[props.figureIndex] ?? flag.figures[0];
  return (
    <aside className="side-panel flag-detail" data-testid="flag-detail">
      <div className="flag-head">
        <span className={`badge sev-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>
        <strong>{t(`rules.${flag.rule}`, { defaultValue: flag.rule })}</strong>
        <span className="muted">{flag.unit} · {props.unitName(flag.unit)} · {periodLabel(t, flag.period)}</span>
        {flag.status === 'resolved' && <span className="badge badge-imported">{t('flagStatus.resolved')}</span>}
      </div>
      <p className="flag-message" data-testid="flag-message">{flag.message}</p>
      {flag.expected && <p className="muted">{t('flags.expected', { low: formatNumber(flag.expected.low), high: formatNumber(flag.expected.high) })}</p>}
      {flag.figures.length > 0 && <FlagFigures figures={flag.figures} indicatorName={props.indicatorName} selected={props.figureIndex} onSelect={props.onFigure} />}
      {figure && <SourcePreview figure={figure} />}
      <ResolveForm
        key={flag.id}
        flag={flag}
        action={props.action}
        focusTick={props.focusTick}
        figureIndex={props.figureIndex}
        user={props.user}
        busy={props.busy}
        onAction={props.onAction}
        onFigure={props.onFigure}
        onSubmit={props.onResolve}
        onCancel={props.onCancel}
      />
    </aside>
  );
}
