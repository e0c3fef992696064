/** For a file refused because its unit could not be told: the person names the unit, the file goes in again. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileResult, UnitInfo } from '../../../shared/types';
import { api } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';

export function needsUnit(r: ImportFileResult): boolean {
  return r.status === 'rejected' && (r.error?.code ?? '').startsWith('unit-');
}

export function AssignUnit({ file, units, onDone }: { file: string; units: UnitInfo[]; onDone: (r: ImportFileResult) => void }) {
  const { t } = useTranslation();
  const user = useUserName().trim();
  const [unit, setUnit] = useState('');
  const { busy, error, run } = useAction();
  const assign = () => run(async () => onDone(await api.assignUnit({ file, unit, user })));
  return (
    <div className="assign-unit">
      <select value={unit} onChange={(e) => setUnit(e.target.value)} aria-label={t('import.assignLabel')}>
        <option value="">{t('import.assignLabel')}…</option>
        {units.map((u) => <option key={u.code} value={u.code}>{u.code} · {u.name}</option>)}
      </select>
      <button type="button" className="button small" disabled={!unit || !user || busy} onClick={() => void assign()}>{t('import.assign')}</button>
      {!user && <span className="field-error">{t('import.assignNeedUser')}</span>}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
