/** Tình hình nộp báo cáo: which unit sent which month, on time or late, missing, sent again. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { reportingUnits, reportsIn, useReference } from '../../hooks/use-reference';
import { StatusTable } from './StatusTable';
import { DEADLINE_DAY, monthsWithData, submissionGrid, yearsOf } from './submission-status';

export function StatusScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const files = useLoad(() => api.listFiles({}), []);
  const years = useMemo(() => yearsOf(files.data ?? []), [files.data]);
  const [year, setYear] = useState<number | null>(null);
  useEffect(() => { if (year === null && years.length) setYear(years.at(-1)!); }, [years, year]);
  const units = useMemo(() => reportingUnits(ref?.units ?? [], year ?? undefined), [ref, year]);
  const months = useMemo(() => (year ? monthsWithData(files.data ?? [], year) : []), [files.data, year]);
  const grid = useMemo(() => {
    // Any version of a code counts: a commune whose code a new commune took reports under it in both eras.
    const all = ref?.units ?? [];
    const expected = (code: string, month: string) => all.some((u) => u.code === code && reportsIn(u, month));
    return submissionGrid(files.data ?? [], units.map((u) => u.code), months, new Date(), expected);
  }, [files.data, units, months, ref]);

  if (files.loading && !files.data) return <Spinner label={t('common.loading')} />;
  if (files.error) return <Notice kind="error">{files.error}</Notice>;
  if (!year || months.length === 0) return <Notice kind="info">{t('status.empty')}</Notice>;
  return (
    <section className="screen">
      <div className="filters">
        <SelectField label={t('status.year')} value={String(year)} onChange={(v) => setYear(Number(v))} testId="status-year"
          options={years.map((y) => [String(y), String(y)] as const)} />
      </div>
      <p className="muted">{t('status.deadlineNote', { day: formatNumber(DEADLINE_DAY) })}</p>
      <div className="legend-row">
        {(['onTime', 'late', 'missing', 'notDue'] as const).map((s) => <span key={s} className={`legend-chip st-${s}`}>{t(`status.${s}`)}</span>)}
        <span className="legend-chip"><span className="resub">{t('status.resubmittedShort', { n: 2 })}</span> {t('status.resubmitted')}</span>
      </div>
      <div className="table-scroll">
        <StatusTable units={units} months={months} grid={grid} />
      </div>
    </section>
  );
}
