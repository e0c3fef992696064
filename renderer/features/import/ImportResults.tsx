/** Each file's outcome, with the core's message where it was refused or had notes, in the UI's language. */
import { useTranslation } from 'react-i18next';
import type { ImportFileResult, UnitInfo } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';
import { AssignPeriod, needsPeriod } from './AssignPeriod';
import { AssignUnit, needsUnit } from './AssignUnit';
import { baseName } from './file-name';
import { wordIn } from '../../i18n/word';

/** Refused files first: they are what the clerk has to act on; skipped ones (no return at all) last. */
const RANK: Record<ImportFileResult['status'], number> = { rejected: 0, held: 1, duplicate: 2, imported: 3, skipped: 4 };

export interface ImportResultsProps {
  results: ImportFileResult[];
  unitName: (code: string) => string;
  units: UnitInfo[];
  onReplace: (index: number, r: ImportFileResult) => void;
}

export function ImportResults({ results, unitName, units, onReplace }: ImportResultsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <table className="table" data-testid="import-results">
      <thead>
        <tr>
          <th>{t('import.colFile')}</th>
          <th>{t('import.colStatus')}</th>
          <th>{t('import.colUnit')}</th>
          <th>{t('import.colPeriods')}</th>
          <th className="num">{t('import.colFigures')}</th>
          <th>{t('import.colMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, i) => ({ r, i })).sort((a, b) => RANK[a.r.status] - RANK[b.r.status] || a.i - b.i).map(({ r, i }) => (
          <tr key={r.file} className={`status-${r.status}`}>
            <td className="file-name" title={r.file}>{baseName(r.file)}</td>
            <td><span className={`badge badge-${r.status}`}>{t(`import.status.${r.status}`)}</span></td>
            <td className="nowrap">{r.unit ? `${r.unit} · ${unitName(r.unit)}` : ''}</td>
            <td>{(r.periods ?? []).map((p) => periodLabel(t, p)).join(', ')}</td>
            <td className="num">{formatNumber(r.figures)}</td>
            <td className="message">
              {r.error ? wordIn(r.error.text, r.error.message, lang) : null}
              {needsUnit(r) && <AssignUnit file={baseName(r.file)} units={units} onDone={(res) => onReplace(i, res)} />}
              {needsPeriod(r) && <AssignPeriod file={baseName(r.file)} onDone={(res) => onReplace(i, res)} />}
              {r.unmapped > 0 && <div>{t('import.unmappedNote', { n: formatNumber(r.unmapped) })}</div>}
              {(r.warnings ?? []).map((w, k) => <div key={`${k}-${w}`} className="muted">{wordIn(r.notes?.[k], w, lang)}</div>)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
