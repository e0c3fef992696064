/**
 * The source sheet around a figure's cell, read again from the imported file, with the cell
 * highlighted. Where the file cannot be read any more, the cell's place on an empty grid.
 */
import { columnLetters, parseA1 } from '../../../shared/cell-address';
import { useTranslation } from 'react-i18next';
import type { CellPreview, FlagFigure } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';

const RADIUS = 3;

export function SourcePreview({ figure }: { figure: FlagFigure }) {
  const { t } = useTranslation();
  const preview = useLoad(
    () => api.previewCell({ file: figure.file, sheet: figure.sheet, cell: figure.cell, radius: RADIUS }),
    [figure.file, figure.sheet, figure.cell],
  );
  return (
    <div className="source-preview" data-testid="source-preview">
      <div className="source-title">{t('source.title')}: <span className="source-ref">{t('source.ref', { file: figure.file, sheet: figure.sheet, cell: figure.cell })}</span></div>
      {preview.loading && <Spinner label={t('common.loading')} />}
      {preview.data && !preview.loading && <div className="sheet-scroll"><PreviewTable preview={preview.data} /></div>}
      {preview.error && !preview.loading && (
        <>
          <AddressOnly cell={figure.cell} />
          <Notice kind="warning">{preview.error}</Notice>
        </>
      )}
    </div>
  );
}

function PreviewTable({ preview }: { preview: CellPreview }) {
  const { t } = useTranslation();
  const start = splitCell(preview.origin);
  const head = preview.header ? splitCell(preview.header.origin) : null;
  return (
    <table className="sheet" aria-label={t('source.sheetLabel', { sheet: preview.sheet })}>
      <thead>
        <tr><th />{preview.rows[0]?.map((_, c) => <th key={c}>{columnName(start.col + c)}</th>)}</tr>
        {/* The table's header rows, frozen with the letters: what each column of figures is. */}
        {head && preview.header!.rows.map((row, r) => (
          <tr key={`h${r}`} className="sheet-header-row" data-testid="source-header-row">
            <th>{head.row + r}</th>
            {row.map((text, c) => <td key={c} title={text} className={c === preview.target.col ? 'target-column' : undefined}>{text}</td>)}
          </tr>
        ))}
        {head && head.row + preview.header!.rows.length < start.row && (
          <tr className="sheet-gap"><th>⋮</th><td colSpan={preview.rows[0]?.length ?? 1} /></tr>
        )}
      </thead>
      <tbody>
        {preview.rows.map((row, r) => (
          <tr key={r}>
            <th>{start.row + r}</th>
            {row.map((text, c) => (
              <td key={c} title={text} className={r === preview.target.row && c === preview.target.col ? 'target' : undefined}>{sheetText(text)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The preview gives a number cell as its plain JavaScript text ("1831", "52.6"); shown the
 * Vietnamese way like every number in the app. Text cells keep what was typed: "1.387" with
 * three digits after the dot is left alone, since a clerk typed it as 1387.
 */
export function sheetText(text: string): string {
  if (/^-?\d+$/.test(text) || /^-?\d+\.(\d{1,2}|\d{4,})$/.test(text)) return formatNumber(Number(text));
  return text;
}

/** The cell's place on an empty sheet grid: column letters and row numbers around it. */
function AddressOnly({ cell }: { cell: string }) {
  const { t } = useTranslation();
  const at = splitCell(cell);
  const cols = Array.from({ length: 2 * RADIUS + 1 }, (_, i) => at.col - RADIUS + i).filter((c) => c >= 1);
  const rows = Array.from({ length: 2 * RADIUS + 1 }, (_, i) => at.row - RADIUS + i).filter((r) => r >= 1);
  return (
    <table className="sheet empty" aria-label={t('source.addressOnly')}>
      <thead><tr><th />{cols.map((c) => <th key={c}>{columnName(c)}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th>{r}</th>
            {cols.map((c) => <td key={c} className={r === at.row && c === at.col ? 'target' : undefined}>{r === at.row && c === at.col ? cell : ''}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "D15" -> column 4, row 15 (1-based). */
export function splitCell(a1: string): { col: number; row: number } {
  const at = parseA1(a1);
  return at ? { col: at.col + 1, row: at.row + 1 } : { col: 1, row: 1 };
}

export function columnName(col: number): string {
  return columnLetters(col - 1);
}
