/**
 * A running import: the overall bar (files done of the total), the file in hand, and "Dừng".
 * Once over, what happened: finished, stopped part-way, or failed.
 */
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/types';
import { Notice } from '../../components/Notice';
import { formatNumber, formatPercent } from '../../format/numbers';
import { baseName } from './file-name';

export function ImportProgress({ job, onCancel }: { job: ImportJob; onCancel: () => void }) {
  const { t } = useTranslation();
  const share = job.total > 0 ? job.done / job.total : job.finished ? 1 : 0;
  const counts = { done: formatNumber(job.done), total: formatNumber(job.total), pct: formatPercent(share) };
  // All files are in but the job is not over: the check of the imported units is running.
  const checking = !job.finished && job.total > 0 && (job.done === job.total || (job.cancelled && job.current === null));
  return (
    <div className="import-progress" data-testid="import-progress" data-job={job.jobId}>
      <div className="row">
        <strong data-testid="import-progress-text">{t('import.progress', counts)}</strong>
        {!job.finished && (
          <button type="button" className="button secondary" onClick={onCancel} disabled={job.cancelled} data-testid="import-cancel">
            {job.cancelled ? t('import.stopping') : t('import.cancel')}
          </button>
        )}
      </div>
      <div className="progress-track" role="progressbar" aria-label={t('import.progressLabel')} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)} aria-valuetext={counts.pct} data-testid="import-progress-bar">
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      {!job.finished && (
        <div className="muted progress-current" data-testid="import-current">
          {checking ? t('import.checking') : job.current ? t('import.current', { file: baseName(job.current) }) : t('import.starting')}
        </div>
      )}
      {job.finished && job.cancelled && job.done < job.total && (
        <Notice kind="warning">{t('import.stopped', { done: counts.done, total: counts.total, left: formatNumber(job.total - job.done) })}</Notice>
      )}
      {job.error && <Notice kind="error">{job.error}</Notice>}
    </div>
  );
}
