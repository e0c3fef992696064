/**
 * A figure with open flags: the value, and a mark in the cell's left corner that opens the flag
 * queue on those flags. The mark's title gives the flags' messages, so the reason is read without
 * leaving the grid. The mark's glyph is drawn by CSS, so the cell's text (a copy, a search, a
 * test reading it) is the number alone.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../shared/types';
import { flagsHref } from '../../app/links';
import { wordIn } from '../../i18n/word';
import type { PivotRow } from './pivot';

export interface FlaggedCellParams { flagsOf: (row: PivotRow) => Flag[] }

/** The flags' messages, one a line, in the UI's language: the mark's title and the cell's tooltip. */
export function flagTitle(flags: Flag[], lang: string): string {
  return flags.map((f) => wordIn(f.text, f.message, lang === 'en' ? 'en' : 'vi')).join('\n');
}

export function FlaggedCell(props: CustomCellRendererProps<PivotRow> & FlaggedCellParams) {
  const { t, i18n } = useTranslation();
  const flags = props.data && !props.data.total ? props.flagsOf(props.data) : [];
  return (
    <>
      {flags.length > 0 && (
        <a className="flag-mark" href={flagsHref(flags.map((f) => f.id))} title={flagTitle(flags, i18n.language)}
          aria-label={t('figures.openFlags', { count: flags.length })} data-testid="flag-mark" tabIndex={-1} />
      )}
      {props.valueFormatted ?? ''}
    </>
  );
}
