/**
 * The figures a flag points at, each with its source cell. Where they all come from one file the
 * file is named once above the table, so each row's source is just the sheet and cell.
 */
import { useTranslation } from 'react-i18next';
import type { FlagFigure } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import { periodLabel } from '../../format/periods';

export interface FlagFiguresProps {
  figures: FlagFigure[];
  indicatorName: (code: string) => string;
  selected: number;
  onSelect: (index: number) => void;
}

export function FlagFigures({ figures, indicatorName, selected, onSelect }: FlagFiguresProps) {
  const { t } = useTranslation();
  const files = [...new Set(figures.map((f) => f.file))];
  const oneFile = files.length === 1 ? files[0]! : null;
  return (
    <div className="flag-figures">
      {oneFile && <div className="muted">{t('flags.sourceFile', { file: oneFile })}</div>}
      <table className="table compact" data-testid="flag-figures">
        <thead>
          <tr>
            <th>{t('flags.figIndicator')}</th>
            <th className="num">{t('flags.figValue')}</th>
            <th>{t('flags.figSource')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f, i) => (
            <tr key={`${f.file}|${f.sheet}|${f.cell}|${i}`} className={i === selected ? 'selected' : undefined} onClick={() => onSelect(i)}>
              <td>
                {f.indicator ? indicatorName(f.indicator) : t('flags.noIndicator')}
                <div className="muted">{periodLabel(t, f.period)} · {t(`measure.${f.measure}`)}{f.subunit ? ` · ${f.subunit}` : ''}</div>
              </td>
              <td className="num">{formatNumber(f.value)}</td>
              <td className="source-ref nowrap" data-testid="flag-source" title={t('source.ref', { file: f.file, sheet: f.sheet, cell: f.cell })}>
                {oneFile ? t('source.cellRef', { sheet: f.sheet, cell: f.cell }) : <>{f.file}<div>{t('source.cellRef', { sheet: f.sheet, cell: f.cell })}</div></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
