/** Which flags the queue shows: open or decided, one severity, one rule, one unit. */
import { useTranslation } from 'react-i18next';
import type { UnitInfo } from '../../../shared/types';
import { SelectField } from '../../components/SelectField';
import type { FlagQuery } from './flag-datasource';
import { RULES } from './rules';

const SEVERITIES = ['error', 'warning', 'info'] as const;

export function FlagFilters({ query, units, onChange }: { query: FlagQuery; units: UnitInfo[]; onChange: (q: FlagQuery) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof FlagQuery, value: string) => {
    const next: FlagQuery = { ...query };
    if (value) Object.assign(next, { [key]: value });
    else delete next[key];
    onChange(next);
  };
  return (
    <div className="filters">
      <SelectField label={t('flags.filterStatus')} value={query.status ?? ''} onChange={(v) => set('status', v)} testId="flag-status"
        options={[['open', t('flagStatus.open')], ['resolved', t('flagStatus.resolved')], ['', t('flags.allStatuses')]]} />
      <SelectField label={t('flags.filterSeverity')} value={query.severity ?? ''} onChange={(v) => set('severity', v)} testId="flag-severity"
        options={[['', t('flags.allSeverities')], ...SEVERITIES.map((s) => [s, t(`severity.${s}`)] as const)]} />
      <SelectField label={t('flags.filterRule')} value={query.rule ?? ''} onChange={(v) => set('rule', v)} testId="flag-rule"
        options={[['', t('flags.allRules')], ...RULES.map((r) => [r, t(`rules.${r}`)] as const)]} />
      <SelectField label={t('filters.unit')} value={query.unit ?? ''} onChange={(v) => set('unit', v)} testId="flag-unit"
        options={[['', t('filters.allUnits')], ...units.map((u) => [u.code, `${u.code} · ${u.name}`] as const)]} />
      <label className="field">
        <span className="field-label">{t('flags.filterPeriod')}</span>
        <input type="month" value={query.period ?? ''} onChange={(e) => set('period', e.target.value)} data-testid="flag-period" />
      </label>
      {query.batch !== undefined && (
        <span className="summary-item warn" data-testid="flag-batch">
          {t('flags.filterBatch', { id: query.batch })}{' '}
          <button type="button" className="button secondary" onClick={() => { const { batch: _b, ...rest } = query; onChange(rest); }} data-testid="flag-batch-clear">{t('flags.filterBatchClear')}</button>
        </span>
      )}
      {query.ids !== undefined && (
        <span className="summary-item warn" data-testid="flag-ids">
          {t('flags.filterIds', { count: query.ids.length })}{' '}
          <button type="button" className="button secondary" onClick={() => { const { ids: _i, ...rest } = query; onChange({ status: 'open', ...rest }); }} data-testid="flag-ids-clear">{t('flags.filterBatchClear')}</button>
        </span>
      )}
      <label className="field">
        <span className="field-label">{t('flags.filterText')}</span>
        <input type="search" value={query.text ?? ''} onChange={(e) => set('text', e.target.value)} placeholder={t('flags.filterTextHint')} data-testid="flag-text" />
      </label>
    </div>
  );
}
