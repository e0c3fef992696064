import type { Message } from '../../../shared/messages';
import type { CellReading, LabelSuggestion, MatchEvidence } from '../../../shared/types';

export type { FigureRole } from '../../../shared/types';

/** Where a figure's period comes from: the return's own period, or a month/total column. */
export type PeriodRef = { kind: 'return' } | { kind: 'month'; month: number; year: number | null } | { kind: 'total' };

/** A figure as read from one cell, before the unit and period of the whole return are known. */
export interface CellFigure extends CellReading { periodRef: PeriodRef }

export interface SheetFigure extends CellFigure {
  indicator: string;
  label: string;
  /** Why the row's label is this indicator (inspect shows it; the store keeps the label). */
  evidence?: MatchEvidence[];
  /** The row's own text where it is not the label (a commune's name in a detail sheet). */
  rowLabel?: string;
}

/** A column of a recognised table: its heading rows joined with " / " and what it holds. */
export interface SheetColumn { header: string; role: string }

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
  /** By column letter: the heading and role of each column of the table. */
  columns: Record<string, SheetColumn>;
  /** Figures of earlier periods the return states (previous period, same period last year), to check against the store. */
  references: SheetReference[];
}

export interface SheetReference { indicator: string; kind: 'previous' | 'last-year'; value: number; sheet: string; cell: string }

/** A cell that gives no figure though the rest of the file is read: a formula saved without its result. */
export interface CellError {
  sheet: string;
  cell: string;
  kind: 'formula-no-cache';
  formula: string;
  /** The row's label, where the row has one. */
  label: string | null;
}
