/** The batch in one line: how many files went in, were already there, were refused or skipped, and the flags its check raised (a link to them). */
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';

export function ImportSummary({ results, batchId, flagsRaised }: { results: ImportFileResult[]; batchId?: number | undefined; flagsRaised?: number | undefined }) {
  const { t } = useTranslation();
  const count = (s: ImportFileResult['status']) => results.filter((r) => r.status === s).length;
  const figures = results.reduce((n, r) => n + r.figures, 0);
  const unmapped = results.reduce((n, r) => n + r.unmapped, 0);
  return (
    <div className="summary" data-testid="import-summary">
      <span className="summary-item ok">{t('import.summaryImported', { n: formatNumber(count('imported')) })}</span>
      <span className="summary-item">{t('import.summaryDuplicate', { n: formatNumber(count('duplicate')) })}</span>
      <span className="summary-item bad">{t('import.summaryRejected', { n: formatNumber(count('rejected')) })}</span>
      {count('skipped') > 0 && <span className="summary-item" data-testid="summary-skipped">{t('import.summarySkipped', { n: formatNumber(count('skipped')) })}</span>}
      {count('held') > 0 && <span className="summary-item warn">{t('import.summaryHeld', { n: formatNumber(count('held')) })}</span>}
      <span className="summary-item">{t('import.summaryFigures', { n: formatNumber(figures) })}</span>
      {flagsRaised !== undefined && batchId !== undefined && (flagsRaised > 0
        ? <a className="summary-item warn" href={`#/flags?batch=${batchId}`} data-testid="summary-flags">{t('import.summaryFlags', { n: formatNumber(flagsRaised) })}</a>
        : <span className="summary-item ok" data-testid="summary-flags">{t('import.summaryNoFlags')}</span>)}
      {unmapped > 0 && <a className="summary-item warn" href="#/mapping">{t('import.summaryUnmapped', { n: formatNumber(unmapped) })}</a>}
    </div>
  );
}
