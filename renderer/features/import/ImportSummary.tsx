/** The batch in one line: how many files went in, were already there, or were refused. */
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';

export function ImportSummary({ results }: { results: ImportFileResult[] }) {
  const { t } = useTranslation();
  const count = (s: ImportFileResult['status']) => results.filter((r) => r.status === s).length;
  const figures = results.reduce((n, r) => n + r.figures, 0);
  const unmapped = results.reduce((n, r) => n + r.unmapped, 0);
  return (
    <div className="summary" data-testid="import-summary">
      <span className="summary-item ok">{t('import.summaryImported', { n: formatNumber(count('imported')) })}</span>
      <span className="summary-item">{t('import.summaryDuplicate', { n: formatNumber(count('duplicate')) })}</span>
      <span className="summary-item bad">{t('import.summaryRejected', { n: formatNumber(count('rejected')) })}</span>
      {count('held') > 0 && <span className="summary-item warn">{t('import.summaryHeld', { n: formatNumber(count('held')) })}</span>}
      <span className="summary-item">{t('import.summaryFigures', { n: formatNumber(figures) })}</span>
      {unmapped > 0 && <a className="summary-item warn" href="#/mapping">{t('import.summaryUnmapped', { n: formatNumber(unmapped) })}</a>}
    </div>
  );
}
