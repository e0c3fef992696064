/**
 * Nhập báo cáo: drop or type paths, or load the demo returns. A batch runs as a job in the main
 * process: the bar and the file in hand while it runs, "Dừng" to stop before the next file, and
 * each file's outcome as soon as it is known.
 */
import { useState } from 'react';
import type { InspectedFile } from '../../../shared/types';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { useUserName } from '../../hooks/use-user-name';
import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportResults } from './ImportResults';
import { ImportSummary } from './ImportSummary';
import { PathForm } from './PathForm';
import { readReceived, ReceivedDate } from './ReceivedDate';
import { useImportJob } from './use-import-job';
import { STORE_CHANGED } from '../../app/DemoBanner';

export function ImportScreen() {
  const { t } = useTranslation();
  const user = useUserName();
  const ref = useReference();
  const batch = useImportJob();
  const [hint, setHint] = useState<string | null>(null);
  const [received, setReceived] = useState('');
  const running = batch.busy !== null || (batch.job !== null && !batch.job.finished);
  const day = readReceived(received);
  const [preview, setPreview] = useState<{ paths: string[]; files: InspectedFile[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const previewPaths = (paths: string[]) => {
    setPreviewError(null);
    api.inspectFiles({ paths }).then((files) => setPreview({ paths, files }), (err: Error) => setPreviewError(err.message));
  };
  const importPaths = (paths: string[]) => {
    setHint(null);
    setPreview(null);
    if (day.kind === 'bad') return;
    // Left empty: the core records the import's own date and time.
    void batch.start({ paths, ...(user ? { user } : {}), ...(day.kind === 'day' ? { receivedAt: day.day } : {}) });
  };
  const loadDemo = () => {
    setHint(null);
    // The demo returns go into the demo store, which the banner then announces.
    void batch.runOnce(t('import.busyDemo'), () => api.loadDemo(user ? { user } : {}).finally(() => window.dispatchEvent(new Event(STORE_CHANGED))));
  };
  const job = batch.job;
  return (
    <section className="screen import-screen">
      <p className="lead">{t('import.lead')}</p>
      <DropZone disabled={running} onPaths={importPaths} onNoPaths={() => setHint(t('import.noPathsFromDrop'))} />
      <PathForm disabled={running || day.kind === 'bad'} onPaths={importPaths} onPreview={previewPaths}>
        <ReceivedDate value={received} disabled={running} onChange={setReceived} />
      </PathForm>
      {day.kind === 'bad' && <span className="field-error" data-testid="import-received-error">{t(`import.received.${day.reason}`)}</span>}
      <div className="row">
        <button type="button" className="button secondary" onClick={loadDemo} disabled={running} data-testid="load-demo">
          {t('import.demo')}
        </button>
        <span className="muted">{t('import.demoHint')}</span>
      </div>
      {hint && <Notice kind="info">{hint}</Notice>}
      {previewError && <Notice kind="error">{previewError}</Notice>}
      {preview && <ImportPreview files={preview.files} disabled={running || day.kind === 'bad'} onConfirm={() => importPaths(preview.paths)} onClose={() => setPreview(null)} />}
      {batch.busy && <Spinner label={batch.busy} />}
      {batch.error !== null && <Notice kind="error">{(batch.error as Error).message}</Notice>}
      {job && job.jobId && <ImportProgress job={job} onCancel={() => void batch.cancel()} />}
      {job && (job.finished || job.results.length > 0) && (
        <>
          {job.finished && <ImportSummary results={job.results} batchId={job.batchId} flagsRaised={job.flagsRaised} />}
          <ImportResults results={job.results} unitName={ref?.unitName ?? ((c) => c)} units={reportingUnits(ref?.units ?? [])} onReplace={batch.replace} />
        </>
      )}
    </section>
  );
}
