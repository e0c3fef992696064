/** What the store takes in: rows as the ingest step hands them over (recognised figures fit them). */
import type { LabelSuggestion, Measure } from '../../../shared/types';

export type FigureRole = 'value' | 'subunit' | 'total';

/** One figure to store, with its cell and the text as typed. */
export interface NewFigure {
  subunit: string | null;
  period: string;
  indicator: string;
  measure: Measure;
  role: FigureRole;
  value: number;
  raw: string;
  typedUnit: string | null;
  approx: boolean;
  label: string;
  sheet: string;
  cell: string;
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
