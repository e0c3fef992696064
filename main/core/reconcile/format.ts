/**
 * The parts of a flag message taken from figures: a figure as named, its place and cell. The
 * sentences themselves are worded in shared/messages.ts, in Vietnamese and English.
 */
import { numberVi, periodWordsVi, type AlsoRef, type At, type FigureRef, type PlaceRef } from '../../../shared/messages';
import type { RuleContext, RuleFigure } from './types';

/** 3912 -> "3.912", 23.7 -> "23,7". */
export function fmt(value: number): string {
  return numberVi(value);
}

/** "2023-02" -> "tháng 2/2023", "2023-H1" -> "6 tháng đầu năm 2023", "2023-Q2" -> "quý II/2023". */
export function periodLabel(period: string): string {
  return periodWordsVi(period);
}

export function measureLabel(measure: 'period' | 'ytd'): string {
  return measure === 'ytd' ? 'lũy kế' : 'trong kỳ';
}

/** A figure as messages name it: its indicator, value, year-to-date or not, a rate or not. */
export function figureRef(ctx: RuleContext, f: RuleFigure): FigureRef {
  const ref: FigureRef = { name: ctx.indicatorName(f.indicator), value: f.value };
  if (f.measure === 'ytd') ref.ytd = true;
  if (ctx.indicators.get(f.indicator)?.kind === 'rate') ref.pct = true;
  return ref;
}

/** Whose figure and which period. */
export function placeRef(f: RuleFigure): PlaceRef {
  return { unitName: f.unitName, subunit: f.subunit, period: f.period };
}

/** The key figure's place and cell: the end of most messages. */
export function atRef(f: RuleFigure): At {
  return { ...placeRef(f), file: f.file, sheet: f.sheet, cell: f.cell };
}

/** One more figure with the same fault, in a list. */
export function alsoRef(f: RuleFigure): AlsoRef {
  return { value: f.value, subunit: f.subunit, ytd: f.measure === 'ytd', file: f.file, sheet: f.sheet, cell: f.cell };
}
