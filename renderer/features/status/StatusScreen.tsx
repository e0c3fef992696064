/** Tình hình nộp báo cáo: which unit sent which month, approved, held, received, late or missing; a cell opens its returns and sign-off. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Spinner } from '../../components/Spinner';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { reportingUnits, reportsIn, useReference } from '../../hooks/use-reference';
import { CellPanel } from './CellPanel';
import { DeadlineSettings } from './DeadlineSettings';
import { StatusTable } from './StatusTable';
import { monthsWithData, submissionGrid, yearsOf } from './submission-status';

const STATES = ['approved', 'held', 'onTime', 'late', 'missing', 'notDue'] as const;

export function StatusScreen() {
  const { t } = useTranslation();
  const ref = useReference();
  const files = useLoad(() => Promise.all([api.listFiles({}), api.listApprovals({}), api.getDeadlines({})]), []);
  // Another desk imported, approved or set a date: the table is read again in place. The open
  // panel stays open (its key is the cell), with the reason or day being typed in it.
  useStoreChanges(files.refresh);
  const [fileList, approvals, deadlines] = files.data ?? [[], [], undefined];
  const years = useMemo(() => yearsOf(fileList), [fileList]);
  const [year, setYear] = useState<number | null>(null);
  const [picked, setPicked] = useState<{ unit: string | null; month: string } | null>(null);
  useEffect(() => { if (year === null && years.length) setYear(years.at(-1)!); }, [years, year]);
  const units = useMemo(() => reportingUnits(ref?.units ?? [], year ?? undefined), [ref, year]);
  const months = useMemo(() => (year ? monthsWithData(fileList, year) : []), [fileList, year]);
  const grid = useMemo(() => {
    // Any version of a code counts: a commune whose code a new commune took reports under it in both eras.
    const all = ref?.units ?? [];
    const expected = (code: string, month: string) => all.some((u) => u.code === code && reportsIn(u, month));
    return submissionGrid(fileList, units.map((u) => u.code), months, new Date(), expected, deadlines, approvals);
  }, [fileList, units, months, ref, deadlines, approvals]);

  if (files.loading && !files.data) return <Spinner label={t('common.loading')} />;
  if (files.error) return <Notice kind="error">{files.error}</Notice>;
  if (!year || months.length === 0) return <Notice kind="info">{t('status.empty')}</Notice>;
  return (
    <section className="screen">
      <div className="filters">
        <SelectField label={t('status.year')} value={String(year)} onChange={(v) => setYear(Number(v))} testId="status-year"
          options={years.map((y) => [String(y), String(y)] as const)} />
        <p className="muted status-note">{t('status.deadlineRule', { day: deadlines?.month.day ?? 15 })}</p>
      </div>
      <div className="legend-row">
        {STATES.map((s) => <span key={s} className={`legend-chip st-${s}`}>{t(`status.${s}`)}</span>)}
        <span className="legend-chip"><span className="resub">{t('status.resubmittedShort', { n: 2 })}</span> {t('status.resubmitted')}</span>
      </div>
      {deadlines && <DeadlineSettings deadlines={deadlines} onSaved={files.reload} />}
      <div className="split">
        <div className="table-scroll">
          <StatusTable units={units} months={months} grid={grid} picked={picked} onPick={(unit, month) => setPicked({ unit, month })} />
        </div>
        {picked && (
          <CellPanel key={`${picked.unit}|${picked.month}`} unit={picked.unit} month={picked.month}
            unitLabel={picked.unit ? `${picked.unit} · ${ref?.unitName(picked.unit) ?? ''}` : t('status.province')}
            submission={picked.unit ? grid.get(picked.unit)?.get(picked.month) ?? null : null}
            provinceApproved={approvals.some((a) => a.unit === null && a.period === picked.month)}
            onChanged={files.reload} onClose={() => setPicked(null)} />
        )}
      </div>
    </section>
  );
}
