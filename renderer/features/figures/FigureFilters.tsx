/** Period, unit, indicator (or group) and measure for the figures grid. */
import { useTranslation } from 'react-i18next';
import type { Indicator, Measure, UnitInfo } from '../../../shared/types';
import { SelectField } from '../../components/SelectField';
import { periodLabel } from '../../format/periods';
import { indicatorGroups } from './columns';

export interface FigureFilter { period: string; unit: string; indicator: string; measure: Measure }

export interface FigureFiltersProps {
  filter: FigureFilter;
  periods: string[];
  units: UnitInfo[];
  indicators: Indicator[];
  onChange: (f: FigureFilter) => void;
}

export function FigureFilters({ filter, periods, units, indicators, onChange }: FigureFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<FigureFilter>) => onChange({ ...filter, ...patch });
  const indicatorOptions: [string, string][] = [
    ['', t('figures.allIndicators')],
    ...indicatorGroups(indicators).map((g): [string, string] => [`group:${g.code}`, `${g.code}. ${g.name}`]),
    ...indicators.map((i): [string, string] => [i.code, `${i.group}. ${i.name}`]),
  ];
  return (
    <div className="filters" data-testid="figure-filters">
      <SelectField label={t('filters.period')} value={filter.period} onChange={(period) => set({ period })} testId="filter-period"
        options={periods.map((p) => [p, periodLabel(t, p)] as const)} />
      <SelectField label={t('filters.unit')} value={filter.unit} onChange={(unit) => set({ unit })} testId="filter-unit"
        options={[['', t('filters.allUnits')], ...units.map((u) => [u.code, `${u.code} · ${u.name}`] as const)]} />
      <SelectField label={t('filters.indicator')} value={filter.indicator} onChange={(indicator) => set({ indicator })} testId="filter-indicator"
        options={indicatorOptions} />
      <SelectField label={t('filters.measure')} value={filter.measure} onChange={(m) => set({ measure: m === 'ytd' ? 'ytd' : 'period' })} testId="filter-measure"
        options={[['period', t('measure.period')], ['ytd', t('measure.ytd')]]} />
    </div>
  );
}

/** The indicators the filter keeps: all, one group, or one. */
export function pickIndicators(indicators: Indicator[], choice: string): Indicator[] {
  if (!choice) return indicators;
  if (choice.startsWith('group:')) return indicators.filter((i) => i.group === choice.slice(6));
  return indicators.filter((i) => i.code === choice);
}
