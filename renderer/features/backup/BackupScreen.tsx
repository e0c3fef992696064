/**
 * Sao lưu: a backup now, the backups kept (the app makes one a day at start), and a restore that
 * asks first; the core checks a backup before it replaces the store and refuses a damaged one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useUserName } from '../../hooks/use-user-name';
import { useMay } from '../../app/session';

const size = (bytes: number) => `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;

export function BackupScreen() {
  const { t } = useTranslation();
  const user = useUserName();
  const mayBackup = useMay('backupNow');
  const mayRestore = useMay('restoreBackup');
  const list = useLoad(() => api.listBackups({}), []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ kind: 'success', text: await work() });
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      list.reload();
    }
  };
  const backupNow = () => run(async () => t('backup.made', { name: (await api.backupNow({ user })).name }));
  const restore = (b: BackupInfo) => {
    if (!window.confirm(t('backup.confirm', { name: b.name, at: formatDateTime(b.at) }))) return;
    void run(async () => t('backup.restored', { name: (await api.restoreBackup({ name: b.name, user })).restored }));
  };
  return (
    <section className="screen">
      <p className="lead">{t('backup.lead')}</p>
      <div className="row">
        <button type="button" className="button primary" disabled={busy || !user || !mayBackup.allowed} title={mayBackup.why} onClick={() => void backupNow()} data-testid="backup-now">{t('backup.now')}</button>
        {!user && <span className="field-error">{t('common.needUser')}</span>}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {list.data?.length === 0 && <Notice kind="info">{t('backup.empty')}</Notice>}
      {list.data && list.data.length > 0 && (
        <table className="table compact" data-testid="backup-list">
          <thead>
            <tr><th>{t('backup.colName')}</th><th>{t('backup.colAt')}</th><th>{t('backup.colKind')}</th><th className="num">{t('backup.colSize')}</th><th /></tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.name} data-testid="backup-row">
                <td>{b.name}</td>
                <td className="nowrap">{formatDateTime(b.at)}</td>
                <td>{b.automatic ? t('backup.automatic') : t('backup.manual')}</td>
                <td className="num">{size(b.size)}</td>
                <td><button type="button" className="button secondary" disabled={busy || !user || !mayRestore.allowed} title={mayRestore.why} onClick={() => restore(b)} data-testid="backup-restore">{t('backup.restore')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
