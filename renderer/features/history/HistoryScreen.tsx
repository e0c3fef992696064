/**
 * Lịch sử nhập: every batch from the store, latest first, with every path in it and its outcome
 * (imported, already there, refused and why, not found), so nothing a clerk imported is lost from view.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';

function BatchSummary({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const count = (s: string) => formatNumber(batch.files.filter((f) => f.status === s).length);
  return (
    <summary className="history-head">
      <strong>{formatDateTime(batch.startedAt)}</strong>
      <span>{batch.user ?? t('history.noUser')}</span>
      <span className="summary-item ok">{t('import.summaryImported', { n: count('imported') })}</span>
      <span className="summary-item">{t('import.summaryDuplicate', { n: count('duplicate') })}</span>
      <span className="summary-item bad">{t('import.summaryRejected', { n: count('rejected') })}</span>
      {batch.files.some((f) => f.status === 'skipped') && <span className="summary-item">{t('import.summarySkipped', { n: count('skipped') })}</span>}
      {batch.flagsRaised > 0 && <a className="summary-item warn" href={`#/flags?batch=${batch.id}`}>{t('import.summaryFlags', { n: formatNumber(batch.flagsRaised) })}</a>}
      {batch.cancelled && <span className="badge badge-rejected">{t('history.cancelled')}</span>}
      {!batch.finishedAt && <span className="badge badge-duplicate">{t('history.unfinished')}</span>}
    </summary>
  );
}

function BatchFiles({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('import.colFile')}</th>
          <th>{t('import.colStatus')}</th>
          <th>{t('import.colUnit')}</th>
          <th className="num">{t('import.colFigures')}</th>
          <th>{t('import.colMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {batch.files.map((f, i) => (
          <tr key={i} data-testid="history-file">
            <td className="file-name" title={f.path}>{f.name}</td>
            <td><span className={`badge badge-${f.status}`}>{f.code === 'missing' ? t('history.missing') : t(`import.status.${f.status}`)}</span></td>
            <td>{f.unit ?? ''}</td>
            <td className="num">{f.status === 'imported' ? formatNumber(f.figures) : ''}</td>
            <td className="message">{f.message ?? ''}{f.sha256 && <div className="muted sha" title="SHA-256">{f.sha256.slice(0, 16)}…</div>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HistoryScreen() {
  const { t } = useTranslation();
  const batches = useLoad(() => api.listImportBatches({}), []);
  // Another desk's import appears on top without a reload.
  useStoreChanges(batches.refresh);
  // The latest batch when the screen opened is shown open; one arriving later does not close it, and
  // what the person opened or closed stays so (React leaves an unchanged `open` alone).
  const [firstOpen, setFirstOpen] = useState<number | null>(null);
  const latest = batches.data?.[0]?.id ?? null;
  useEffect(() => { if (firstOpen === null && latest !== null) setFirstOpen(latest); }, [firstOpen, latest]);
  return (
    <section className="screen">
      <p className="lead">{t('history.lead')}</p>
      {batches.error && <Notice kind="error">{batches.error}</Notice>}
      {batches.loading && <Spinner label={t('history.loading')} />}
      {batches.data?.length === 0 && <Notice kind="info">{t('history.empty')}</Notice>}
      <div className="history" data-testid="history-list">
        {batches.data?.map((b) => (
          <details key={b.id} open={b.id === firstOpen} className="history-batch" data-testid="history-batch">
            <BatchSummary batch={b} />
            <BatchFiles batch={b} />
          </details>
        ))}
      </div>
    </section>
  );
}
