/** What the store takes in: rows as the ingest step hands them over (recognised figures fit them). */
import type { CellReading, LabelSuggestion } from '../../../shared/types';

/** One figure to store, with its cell and the text as typed. */
export interface NewFigure extends CellReading {
  period: string;
  indicator: string;
  label: string;
  /** The commune's registry code where its name fits one commune of the unit. */
  subunitCode?: string | null;
}

/** A row whose label matched no indicator: its cells wait until a person maps the label. */
export interface NewUnmappedRow {
  label: string;
  sheet: string;
  cell: string;
  typedUnit: string | null;
  suggestions: LabelSuggestion[];
  cells: Omit<NewFigure, 'indicator' | 'label'>[];
}

/** A cell that gave no figure though the file was read: a formula saved without its result. */
export interface NewCellError {
  sheet: string;
  cell: string;
  kind: 'formula-no-cache';
  formula: string;
  /** The row's label, where the cell is in a recognised row. */
  label: string | null;
}
