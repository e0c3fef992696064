/** Units down, months across; each cell says on time, late, missing or not yet due, and marks resubmissions. */
import { useTranslation } from 'react-i18next';
import type { FileRecord, UnitInfo } from '../../../shared/types';
import { formatDate, formatDateTime, formatNumber } from '../../format/numbers';
import type { Submission } from './submission-status';
import { receivedDate } from './submission-status';

export interface StatusTableProps {
  units: UnitInfo[];
  months: string[];
  grid: Map<string, Map<string, Submission>>;
}

/** "04/05/2023" where a day was given at import, else the import's date and time. */
function receivedText(f: FileRecord): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(f.receivedAt) ? formatDate(receivedDate(f)) : formatDateTime(f.receivedAt);
}

function monthNumber(m: string): number {
  return Number(m.slice(5, 7));
}

export function StatusTable({ units, months, grid }: StatusTableProps) {
  const { t } = useTranslation();
  const received = (m: string) => units.filter((u) => { const s = grid.get(u.code)?.get(m)?.state; return s === 'onTime' || s === 'late'; }).length;
  return (
    <table className="table status-table" data-testid="status-table">
      <thead>
        <tr>
          <th>{t('status.colUnit')}</th>
          {months.map((m) => <th key={m} className="center">{t('status.month', { month: monthNumber(m) })}</th>)}
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.code}>
            <td className="unit-cell">{u.code} · {u.name}</td>
            {months.map((m) => {
              const s = grid.get(u.code)?.get(m);
              if (!s) return <td key={m} />;
              const title = s.files.map((f) => `${f.name} — ${receivedText(f)}`).join('\n');
              return (
                <td key={m} className={`center st-${s.state}`} title={title}>
                  {t(`status.${s.state}`)}
                  {s.resubmitted && <span className="resub" title={t('status.resubmitted')}> {t('status.resubmittedShort', { n: formatNumber(s.files.length) })}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>{t('status.received')}</th>
          {months.map((m) => <th key={m} className="center">{formatNumber(received(m))}/{formatNumber(units.filter((u) => grid.get(u.code)?.has(m)).length)}</th>)}
        </tr>
      </tfoot>
    </table>
  );
}
