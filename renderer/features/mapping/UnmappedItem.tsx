/** One unmapped label: where it was seen, what it may mean, and the choice to confirm. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, UnmappedLabel } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { evidenceText } from './evidence-text';

export interface UnmappedItemProps {
  item: UnmappedLabel;
  indicators: Indicator[];
  canConfirm: boolean;
  busy: boolean;
  onConfirm: (indicator: string) => void;
  /** The person picked an indicator (not yet confirmed): the screen keeps it, should another desk map the label first. */
  onChoose: (indicator: string) => void;
}

export function UnmappedItem({ item, indicators, canConfirm, busy, onConfirm, onChoose }: UnmappedItemProps) {
  const { t } = useTranslation();
  const [choice, setShown] = useState(item.suggestions[0]?.indicator ?? '');
  const setChoice = (indicator: string) => { setShown(indicator); onChoose(indicator); };
  const suggested = new Set(item.suggestions.map((s) => s.indicator));
  return (
    <li className="card unmapped" data-testid="unmapped-item">
      <div className="unmapped-label">“{item.label}”</div>
      <div className="muted">
        {t('mapping.seen', { n: formatNumber(item.occurrences), files: item.files.slice(0, 3).join(', ') })}
        {item.files.length > 3 && ` ${t('mapping.moreFiles', { n: formatNumber(item.files.length - 3) })}`}
      </div>
      {item.suggestions.length > 0 && (
        <div className="suggestions">
          {item.suggestions.map((s) => (
            <button type="button" key={s.indicator} className={s.indicator === choice ? 'chip active' : 'chip'} onClick={() => setChoice(s.indicator)}>
              {s.name} <span className="muted">({formatNumber(Math.round(s.score * 100))}%)</span>
              {s.evidence && s.evidence.length > 0 && (
                <span className="muted evidence" data-testid="suggestion-evidence"> — {s.evidence.map((e) => evidenceText(t, e)).join('; ')}</span>
              )}
            </button>
          ))}
        </div>
      )}
      <div className="row">
        <select className="wide-select" value={choice} onChange={(e) => setChoice(e.target.value)} aria-label={t('mapping.indicator')}>
          <option value="">{t('mapping.choose')}</option>
          {indicators.filter((i) => suggested.has(i.code)).map((i) => <option key={`s-${i.code}`} value={i.code}>{i.name}</option>)}
          <option disabled>──────────</option>
          {indicators.filter((i) => !suggested.has(i.code)).map((i) => <option key={i.code} value={i.code}>{i.group}. {i.name}</option>)}
        </select>
        <button type="button" className="button primary" disabled={!canConfirm || !choice || busy} onClick={() => onConfirm(choice)}>
          {t('mapping.confirm')}
        </button>
      </div>
    </li>
  );
}
