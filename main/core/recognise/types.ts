import type { Message } from '../../../shared/messages';
import type { CellReading, LabelSuggestion } from '../../../shared/types';

export type { FigureRole } from '../../../shared/types';

/** Where a figure's period comes from: the return's own period, or a month/total column. */
export type PeriodRef = { kind: 'return' } | { kind: 'month'; month: number; year: number | null } | { kind: 'total' };

/** A figure as read from one cell, before the unit and period of the whole return are known. */
export interface CellFigure extends CellReading { periodRef: PeriodRef }

export interface SheetFigure extends CellFigure { indicator: string; label: string }

export interface SheetUnmapped {
  label: string;
  sheet: string;
  cell: string;
  typedUnit: string | null;
  suggestions: LabelSuggestion[];
  reason: 'no-match' | 'duplicate';
  cells: CellFigure[];
}

export interface SheetReading {
  sheet: string;
  layout: 'list' | 'wide' | 'detail';
  figures: SheetFigure[];
  unmapped: SheetUnmapped[];
  /** Notes on what was left out or chosen, as message codes (shared/messages.ts). */
  warnings: Message[];
  /** Text above the heading: the title lines, where unit and period are named. */
  titleLines: string[];
}
