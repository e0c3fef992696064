/**
 * A total that repeats figures given elsewhere in the same file and disagrees with them: a detail
 * sheet's total row against the summary sheet, or a wide sheet's total column against its months.
 */
import { message, type DetailHit } from '../../../../shared/messages';
import { atRef } from '../format';
import { draft, EPS, groupBy, monthsIn, sum } from '../figures';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from '../types';

interface Hit { total: RuleFigure; others: RuleFigure[]; expected: number; text: DetailHit }

const differs = (a: number, b: number) => Math.abs(a - b) > EPS * Math.max(1, Math.abs(a));
const head = (ctx: RuleContext, f: RuleFigure) => ({ sheet: f.sheet, name: ctx.indicatorName(f.indicator), ytd: f.measure === 'ytd', value: f.value, cell: f.cell });

function againstSummary(ctx: RuleContext, total: RuleFigure, summary: RuleFigure): Hit | null {
  if (!differs(summary.value, total.value)) return null;
  const text: DetailHit = { kind: 'sheet', ...head(ctx, total), other: summary.value, otherSheet: summary.sheet, otherCell: summary.cell };
  return { total, others: [summary], expected: summary.value, text };
}

/** A total column of a wide sheet: only for flows, whose months add up to the span. */
function againstMonths(ctx: RuleContext, total: RuleFigure, months: RuleFigure[]): Hit | null {
  if (ctx.indicators.get(total.indicator)?.kind !== 'flow' || months.length < 2) return null;
  const s = sum(months.map((m) => m.value));
  if (!differs(s, total.value)) return null;
  const text: DetailHit = { kind: 'months', ...head(ctx, total), other: s, months: months.length };
  return { total, others: months, expected: s, text };
}

const sameCell = (f: RuleFigure) => `${f.fileId}|${f.indicator}|${f.measure}`;
const sheetCell = (f: RuleFigure) => `${f.fileId}|${f.sheet}|${f.period}|${f.indicator}|${f.measure}`;

/**
 * `values`: the unit figures of the total's file, indicator and measure; `communes`: the sum of the
 * total's own commune rows, if it has any (then commune_total_mismatch says it: one fault, one flag).
 */
function hitFor(ctx: RuleContext, total: RuleFigure, values: RuleFigure[], communes: number | undefined): Hit | null {
  // A total row over commune rows is commune_total_mismatch's to judge, against the row and the summary.
  if (communes !== undefined) return null;
  const summary = values.find((f) => f.period === total.period && f.sheet !== total.sheet);
  if (summary) return againstSummary(ctx, total, summary);
  const span = new Set(monthsIn(total.period));
  if (span.size < 2) return null;
  return againstMonths(ctx, total, values.filter((f) => f.sheet === total.sheet && span.has(f.period)));
}

export const detailSummaryMismatch: Rule = (figures, ctx) => {
  const live = figures.filter((f) => !f.superseded && f.subunit === null);
  const totals = live.filter((f) => f.role === 'total');
  if (totals.length === 0) return [];
  // Only the cells a total repeats are grouped.
  const wanted = new Set(totals.map(sameCell));
  const values = groupBy(live.filter((f) => f.role === 'value' && wanted.has(sameCell(f))), sameCell);
  const communes = new Map<string, number>();
  for (const f of figures) if (!f.superseded && f.role === 'subunit') communes.set(sheetCell(f), (communes.get(sheetCell(f)) ?? 0) + f.value);
  const hits = totals
    .map((t) => hitFor(ctx, t, values.get(sameCell(t)) ?? [], communes.get(sheetCell(t))))
    .filter((h): h is Hit => h !== null);
  const groups = groupBy(hits, (h) => `${h.total.fileId}|${h.total.sheet}|${h.total.period}|${h.total.indicator}`);
  return [...groups.values()].map((group): FlagDraft => {
    const key = group[0]!.total;
    const text = message('detail_summary_mismatch', { hits: group.map((h) => h.text), at: atRef(key) });
    return draft('detail_summary_mismatch', 'error', key, [key.indicator], group.flatMap((h) => [h.total, ...h.others]), text);
  });
};
