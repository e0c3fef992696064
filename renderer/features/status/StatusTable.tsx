/** Units down, months across; each cell says approved, held, received, late, missing or not yet due, and opens its returns. */
import { useTranslation } from 'react-i18next';
import type { FileRecord, UnitInfo } from '../../../shared/types';
import { formatDate, formatDateTime, formatNumber } from '../../format/numbers';
import type { Submission } from './submission-status';
import { receivedDate } from './submission-status';

export interface StatusTableProps {
  units: UnitInfo[];
  months: string[];
  grid: Map<string, Map<string, Submission>>;
  onPick: (unit: string | null, month: string) => void;
  picked: { unit: string | null; month: string } | null;
}

/** "04/05/2023" where a day was given, else the import's date and time. */
export function receivedText(f: FileRecord): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(f.receivedAt) ? formatDate(receivedDate(f)) : formatDateTime(f.receivedAt);
}

function monthNumber(m: string): number {
  return Number(m.slice(5, 7));
}

export function StatusTable({ units, months, grid, onPick, picked }: StatusTableProps) {
  const { t } = useTranslation();
  const received = (m: string) => units.filter((u) => (grid.get(u.code)?.get(m)?.files.length ?? 0) > 0).length;
  return (
    <table className="table status-table" data-testid="status-table">
      <thead>
        <tr>
          <th>{t('status.colUnit')}</th>
          {months.map((m) => (
            <th key={m} className="center">
              <button type="button" className="link-button" onClick={() => onPick(null, m)} data-testid={`status-month-${m}`} title={t('status.provinceMonth')}>
                {t('status.month', { month: monthNumber(m) })}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.code}>
            <td className="unit-cell">{u.code} · {u.name}</td>
            {months.map((m) => {
              const s = grid.get(u.code)?.get(m);
              if (!s) return <td key={m} />;
              const title = [...s.files, ...s.held].map((f) => `${f.name} — ${receivedText(f)}`).join('\n');
              const active = picked?.unit === u.code && picked.month === m;
              return (
                <td key={m} className={`center st-${s.state}${active ? ' st-picked' : ''}`} title={title} data-testid={`status-cell-${u.code}-${m}`}
                  onClick={() => onPick(u.code, m)}>
                  {t(`status.${s.state}`)}
                  {s.resubmitted && <span className="resub" title={t('status.resubmitted')}> {t('status.resubmittedShort', { n: formatNumber(s.files.length) })}</span>}
                  {s.held.length > 0 && s.state !== 'held' && <span className="held-mark" title={t('status.heldWaiting')}> ⏸</span>}
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
