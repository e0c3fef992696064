/** Over the figures grid: the search, the columns shown, copying the selected rows, the grid as a workbook. */
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/types';

export interface FiguresToolbarProps {
  query: string;
  onQuery: (q: string) => void;
  indicators: Indicator[];
  hidden: Set<string>;
  onHidden: (h: Set<string>) => void;
  onCopy: () => void;
  onExport: () => void;
  busy: boolean;
}

export function FiguresToolbar({ query, onQuery, indicators, hidden, onHidden, onCopy, onExport, busy }: FiguresToolbarProps) {
  const { t } = useTranslation();
  const toggle = (code: string) => {
    const next = new Set(hidden);
    if (next.has(code)) next.delete(code); else next.add(code);
    onHidden(next);
  };
  const shown = indicators.filter((i) => !hidden.has(i.code)).length;
  return (
    <div className="figures-toolbar" data-testid="figures-toolbar">
      <label className="field">
        <span className="field-label">{t('figures.search')}</span>
        <input type="search" value={query} placeholder={t('figures.searchPlaceholder')} onChange={(e) => onQuery(e.target.value)} data-testid="figures-search" />
      </label>
      <details className="column-chooser" data-testid="column-chooser">
        <summary className="button secondary">{t('figures.columns', { shown, all: indicators.length })}</summary>
        <div className="column-list">
          <button type="button" className="button secondary" onClick={() => onHidden(new Set())} data-testid="columns-show-all">{t('figures.showAll')}</button>
          {indicators.map((i) => (
            <label key={i.code} className="column-choice">
              <input type="checkbox" checked={!hidden.has(i.code)} onChange={() => toggle(i.code)} data-testid={`column-${i.code}`} />
              <span>{i.group}. {i.name}</span>
            </label>
          ))}
        </div>
      </details>
      <button type="button" className="button secondary" onClick={onCopy} data-testid="figures-copy">{t('figures.copy')}</button>
      <button type="button" className="button secondary" onClick={onExport} disabled={busy} data-testid="figures-export">{t('figures.exportGrid')}</button>
    </div>
  );
}
