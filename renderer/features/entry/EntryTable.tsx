/** The catalog's rows with ĐVT, "Trong kỳ" and "Lũy kế" inputs, and what the unit already has for the month. */
import { useTranslation } from 'react-i18next';
import type { EntryForm, Indicator } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import type { Inputs } from './entry-rows';
import { EMPTY, offeredText } from './entry-rows';

export interface EntryTableProps {
  rows: Indicator[];
  form: EntryForm;
  inputs: Inputs;
  onChange: (code: string, next: Inputs[string]) => void;
  bad: Set<string>;
}

export function EntryTable({ rows, form, inputs, onChange, bad }: EntryTableProps) {
  const { t } = useTranslation();
  let group = '';
  return (
    <table className="table entry-table" data-testid="entry-table">
      <thead>
        <tr>
          <th>{t('entry.colIndicator')}</th>
          <th>{t('entry.colUnit')}</th>
          <th className="num">{t('entry.colPeriod')}</th>
          <th className="num">{t('entry.colYtd')}</th>
          <th className="num">{t('entry.colCurrent')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((ind) => {
          const input = inputs[ind.code] ?? EMPTY;
          const offered = offeredText(form, ind, input.period);
          const ytdValue = input.ytdEdited ? input.ytd : (offered ?? '');
          const have = [form.current[`${ind.code}:period`], form.current[`${ind.code}:ytd`]];
          const out = [];
          if (ind.group !== group) {
            group = ind.group;
            out.push(<tr key={`g-${group}`} className="group-header"><td colSpan={5}>{ind.group}. {ind.groupName}</td></tr>);
          }
          out.push(
            <tr key={ind.code} data-testid={`entry-row-${ind.code}`} className={bad.has(ind.code) ? 'entry-bad' : undefined}>
              <td className={ind.parent ? 'subunit-cell' : undefined}>{ind.name}</td>
              <td>{ind.unit}</td>
              <td className="num">
                <input className="num-input" inputMode="decimal" aria-label={`${ind.name} — ${t('entry.colPeriod')}`} data-testid={`entry-period-${ind.code}`}
                  value={input.period} onChange={(e) => onChange(ind.code, { ...input, period: e.target.value })} />
              </td>
              <td className="num">
                <input className={input.ytdEdited || offered === null ? 'num-input' : 'num-input offered'} inputMode="decimal" aria-label={`${ind.name} — ${t('entry.colYtd')}`}
                  data-testid={`entry-ytd-${ind.code}`} value={ytdValue} title={offered !== null && !input.ytdEdited ? t('entry.offered') : undefined}
                  onChange={(e) => onChange(ind.code, { ...input, ytd: e.target.value, ytdEdited: true })} />
              </td>
              <td className="num muted">{have.map((v) => (v === undefined ? '—' : formatNumber(v))).join(' / ')}</td>
            </tr>,
          );
          return out;
        })}
      </tbody>
    </table>
  );
}
