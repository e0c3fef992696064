/**
 * One unit's month (or the province's): its returns with the day each arrived (editable, audited),
 * held returns to take in, and the sign-off: approve (with a reason while flags are open) or unlock.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRecord } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { formatDate, formatDateTime } from '../../format/numbers';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';
import type { Submission } from './submission-status';
import { receivedText } from './StatusTable';
import { useMay } from '../../app/session';

export interface CellPanelProps {
  unit: string | null;
  unitLabel: string;
  month: string;
  submission: Submission | null;
  /** The province's approval of the month, for the month's own panel. */
  provinceApproved: boolean;
  onChanged: () => void;
  onClose: () => void;
}

const dayOf = (f: FileRecord) => (/^\d{4}-\d{2}-\d{2}$/.test(f.receivedAt) ? f.receivedAt : f.receivedAt.slice(0, 10));

export function CellPanel({ unit, unitLabel, month, submission, provinceApproved, onChanged, onClose }: CellPanelProps) {
  const { t } = useTranslation();
  const user = useUserName();
  const mayApprove = useMay('approvePeriod');
  const mayUnlock = useMay('unlockPeriod');
  const mayTakeIn = useMay('takeIn');
  const mayReceive = useMay('setReceivedAt');
  const action = useAction();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<Record<number, string>>({});
  const approved = unit ? submission?.approval?.unit === unit : provinceApproved;
  const act = (fn: () => Promise<unknown>) => action.run(async () => {
    if (!user.trim()) throw new Error(t('entry.needUser'));
    await fn();
    setReason('');
    onChanged();
  });
  const scope = unit ? { unit, period: month } : { period: month };
  return (
    <aside className="side-panel status-panel" data-testid="status-panel">
      <div className="side-panel-head">
        <h2>{unitLabel} · {t('status.month', { month: Number(month.slice(5, 7)) })}/{month.slice(0, 4)}</h2>
        <button type="button" className="button ghost" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      {submission && <p className="muted">{t('status.dueOn', { day: formatDate(new Date(`${submission.due}T00:00:00`)) })}</p>}
      {submission && (
        <ul className="panel-files" data-testid="status-files">
          {submission.files.map((f) => (
            <li key={f.id}>
              <div className="file-name">{f.name}</div>
              <div className="row">
                <span className="muted">{t('status.receivedOn', { when: receivedText(f) })}</span>
                <input type="date" className="day-input" value={days[f.id] ?? dayOf(f)} onChange={(e) => setDays((d) => ({ ...d, [f.id]: e.target.value }))} data-testid={`received-${f.id}`} />
                <button type="button" className="button" disabled={action.busy || !days[f.id] || days[f.id] === dayOf(f) || !mayReceive.allowed} title={mayReceive.why} data-testid={`received-save-${f.id}`}
                  onClick={() => void act(() => api.setReceivedAt({ fileId: f.id, receivedAt: days[f.id]!, user, ...(reason.trim() ? { reason } : {}) }))}>{t('status.setReceived')}</button>
              </div>
            </li>
          ))}
          {submission.held.map((f) => (
            <li key={f.id} className="held-file">
              <div className="file-name">{f.name}</div>
              <div className="row">
                <span className="badge badge-held">{t('status.held')}</span>
                <span className="muted">{formatDateTime(f.importedAt)}</span>
                <button type="button" className="button" disabled={action.busy || !reason.trim() || !mayTakeIn.allowed} title={mayTakeIn.why} data-testid={`take-in-${f.id}`}
                  onClick={() => void act(() => api.takeIn({ fileId: f.id, user, reason }))}>{t('status.takeIn')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {approved && submission?.approval && (
        <p data-testid="approval-note">{t('status.approvedBy', { user: submission.approval.user, at: formatDateTime(submission.approval.at) })}</p>
      )}
      <label className="field">
        <span className="field-label">{t('status.reason')}</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="status-reason" />
      </label>
      {action.error && <Notice kind="error">{action.error}</Notice>}
      <div className="row">
        {approved
          ? <button type="button" className="button" disabled={action.busy || !reason.trim() || !mayUnlock.allowed} title={mayUnlock.why} data-testid="unlock" onClick={() => void act(() => api.unlockPeriod({ ...scope, user, reason }))}>{t('status.unlock')}</button>
          : <button type="button" className="button primary" disabled={action.busy || !mayApprove.allowed} title={mayApprove.why} data-testid="approve" onClick={() => void act(() => api.approvePeriod({ ...scope, user, ...(reason.trim() ? { reason } : {}) }))}>{unit ? t('status.approve') : t('status.approveProvince')}</button>}
      </div>
      <p className="muted small">{t('status.approveNote')}</p>
    </aside>
  );
}
