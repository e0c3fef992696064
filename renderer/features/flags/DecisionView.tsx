/**
 * A resolved flag: the decision taken, by whom, when and why, instead of a blank form (a second
 * decision is refused by the core). Reopening is its own decision, with a reason of its own.
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args } from '../../../shared/api';
import type { Flag, FlagDecision } from '../../../shared/types';
import { formatDateTime, formatNumber } from '../../format/numbers';
import { useMay } from '../../app/session';

export interface DecisionViewProps {
  flag: Flag & { decision: FlagDecision };
  user: string;
  busy: boolean;
  /** Settles once the reopening is recorded (true) or refused (false). */
  onReopen: (args: Args<'reopenFlag'>) => Promise<boolean>;
}

export function DecisionView({ flag, user, busy, onReopen }: DecisionViewProps) {
  const { t } = useTranslation();
  const d = flag.decision;
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const pending = useRef(false);
  const [sending, setSending] = useState(false);
  const may = useMay('reopenFlag');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!reason.trim() || !user || busy || pending.current) return;
    pending.current = true;
    setSending(true);
    void onReopen({ flagId: flag.id, reason: reason.trim(), user }).then((recorded) => { if (!recorded) { pending.current = false; setSending(false); } });
  };
  return (
    <div className="decision-view" data-testid="decision-view">
      <h3>{t('decision.title')}</h3>
      <dl className="decision-facts">
        <dt>{t('decision.action')}</dt>
        <dd data-testid="decision-action">
          {t(`resolve.${d.action}`)}
          {d.action === 'correct' && d.value !== undefined && <> — {t('decision.newValue', { value: formatNumber(d.value) })}</>}
          {d.action === 'choose' && d.file !== undefined && <> — {d.file}</>}
        </dd>
        <dt>{t('decision.by')}</dt>
        <dd data-testid="decision-user">{d.user}</dd>
        <dt>{t('decision.at')}</dt>
        <dd>{formatDateTime(d.at)}</dd>
        <dt>{t('decision.reason')}</dt>
        <dd data-testid="decision-reason">{d.reason}</dd>
      </dl>
      {!open && <button type="button" className="button" disabled={!may.allowed} title={may.why} onClick={() => setOpen(true)} data-testid="reopen-open">{t('decision.reopen')}</button>}
      {open && (
        <form className="resolve-form" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(); }} data-testid="reopen-form">
          <label className="field wide">
            <span className="field-label">{t('decision.reopenReason')} <span className="required">*</span></span>
            <textarea rows={2} value={reason} required onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
          </label>
          <div className="row">
            <button type="submit" className="button primary" disabled={!reason.trim() || !user || busy || sending} data-testid="reopen-submit">{t('decision.reopen')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
