/** Nhập báo cáo: drop or type paths, or load the demo returns; then each file's outcome. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { reportingUnits, useReference } from '../../hooks/use-reference';
import { useUserName } from '../../hooks/use-user-name';
import { DropZone } from './DropZone';
import { ImportResults } from './ImportResults';
import { ImportSummary } from './ImportSummary';
import { PathForm } from './PathForm';
import { useImport } from './use-import';

export function ImportScreen() {
  const { t } = useTranslation();
  const user = useUserName();
  const ref = useReference();
  const batch = useImport();
  const [hint, setHint] = useState<string | null>(null);
  const importPaths = (paths: string[]) => {
    setHint(null);
    void batch.run(t('import.busyPaths', { n: formatNumber(paths.length) }), () => api.importFiles({ paths, ...(user ? { user } : {}) }));
  };
  const loadDemo = () => {
    setHint(null);
    void batch.run(t('import.busyDemo'), () => api.loadDemo(user ? { user } : {}));
  };
  return (
    <section className="screen import-screen">
      <p className="lead">{t('import.lead')}</p>
      <DropZone disabled={batch.busy !== null} onPaths={importPaths} onNoPaths={() => setHint(t('import.noPathsFromDrop'))} />
      <PathForm disabled={batch.busy !== null} onPaths={importPaths} />
      <div className="row">
        <button type="button" className="button secondary" onClick={loadDemo} disabled={batch.busy !== null} data-testid="load-demo">
          {t('import.demo')}
        </button>
        <span className="muted">{t('import.demoHint')}</span>
      </div>
      {hint && <Notice kind="info">{hint}</Notice>}
      {batch.busy && <Spinner label={batch.busy} />}
      {batch.error !== null && <Notice kind="error">{(batch.error as Error).message}</Notice>}
      {batch.results && (
        <>
          <ImportSummary results={batch.results} />
          <ImportResults results={batch.results} unitName={ref?.unitName ?? ((c) => c)} units={reportingUnits(ref?.units ?? [])} onReplace={batch.replace} />
        </>
      )}
    </section>
  );
}
