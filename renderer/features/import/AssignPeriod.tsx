/** For a file held because its period could not be told: the person names it ("2024-03", "2024-Q1"), the file goes in again (issue 14). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../shared/types';
import { api } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';

export function needsPeriod(r: ImportFileResult): boolean {
  return r.status === 'rejected' && (r.error?.code ?? '').startsWith('period-');
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|9M))?$/;

export function AssignPeriod({ file, onDone }: { file: string; onDone: (r: ImportFileResult) => void }) {
  const { t } = useTranslation();
  const user = useUserName().trim();
  const [period, setPeriod] = useState('');
  const { busy, error, run } = useAction();
  const ok = PERIOD.test(period.trim());
  const assign = () => run(async () => onDone(await api.assignPeriod({ file, period: period.trim(), user })));
  return (
    <div className="assign-period">
      <input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder="2024-03" aria-label={t('import.assignPeriodLabel')} />
      <button type="button" className="button small" disabled={!ok || !user || busy} onClick={() => void assign()}>{t('import.assignPeriod')}</button>
      <span className="muted">{t('import.assignPeriodHint')}</span>
      {!user && <span className="field-error">{t('import.assignNeedUser')}</span>}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
