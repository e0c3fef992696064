/** The office's deadlines per kind of period, changed here and recorded on the audit log. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_TYPES } from '../../../shared/deadlines';
import type { Deadline, PeriodType } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';
import { useMay } from '../../app/session';

export function DeadlineSettings({ deadlines, onSaved }: { deadlines: Record<PeriodType, Deadline>; onSaved: () => void }) {
  const { t } = useTranslation();
  const user = useUserName();
  const may = useMay('saveDeadlines');
  const action = useAction();
  const [draft, setDraft] = useState(deadlines);
  const set = (type: PeriodType, d: Partial<Deadline>) => setDraft((s) => ({ ...s, [type]: { ...s[type], ...d } }));
  return (
    <details className="deadline-settings" data-testid="deadline-settings">
      <summary>{t('status.deadlines')}</summary>
      <p className="muted">{t('status.deadlinesNote')}</p>
      <div className="filters">
        {PERIOD_TYPES.map((type) => (
          <label key={type} className="field">
            <span className="field-label">{t(`status.periodType.${type}`)}</span>
            <span className="row">
              <input type="number" min={1} max={31} className="short-input" value={draft[type].day} data-testid={`deadline-day-${type}`}
                onChange={(e) => set(type, { day: Number(e.target.value) })} />
              <select value={draft[type].monthsAfter} onChange={(e) => set(type, { monthsAfter: Number(e.target.value) })} data-testid={`deadline-after-${type}`}>
                {[0, 1, 2].map((n) => <option key={n} value={n}>{t(`status.monthsAfter${n}`)}</option>)}
              </select>
            </span>
          </label>
        ))}
        <button type="button" className="button" disabled={action.busy || !may.allowed} title={may.why} data-testid="deadline-save"
          onClick={() => void action.run(async () => {
            if (!user.trim()) throw new Error(t('entry.needUser'));
            await api.saveDeadlines({ deadlines: draft, user });
            onSaved();
          })}>{t('status.saveDeadlines')}</button>
      </div>
      {action.error && <Notice kind="error">{action.error}</Notice>}
    </details>
  );
}
