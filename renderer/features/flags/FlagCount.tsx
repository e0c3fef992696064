/**
 * The queue's header: how many flags the filters hold, by severity, counted in the store
 * (countFlags) so it is exact from the start, whatever the queue's length.
 */
import { useTranslation } from 'react-i18next';
import type { CheckSummary, FlagCounts, Severity } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function FlagCount({ counts, summary }: { counts: FlagCounts | null; summary: CheckSummary | null }) {
  const { t } = useTranslation();
  const parts = counts ? SEVERITIES.filter((s) => counts.bySeverity[s] > 0).map((s) => t('flags.severityCount', { name: t(`severity.${s}`), n: formatNumber(counts.bySeverity[s]) })) : [];
  return (
    <div className="row muted" data-testid="flag-count">
      {counts && <strong className="flag-total" data-testid="flag-total">{t('flags.count', { n: formatNumber(counts.total) })}</strong>}
      {parts.length > 0 && <span data-testid="flag-by-severity">({parts.join(' · ')})</span>}
      {summary && <span>· {t('flags.summary', { open: formatNumber(summary.open), resolved: formatNumber(summary.resolved) })}</span>}
      <span className="keys-hint">{t('flags.keysHint')}</span>
    </div>
  );
}
