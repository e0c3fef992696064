/**
 * Commune rows of a detail sheet that do not add up to the unit's total: the sheet's own total row,
 * or the unit's figure on the summary sheet of the same file (a total row that sums the communes
 * by formula agrees with them, and the disagreement is with the summary).
 */
import { message, type MessageParams } from '../../../../shared/messages';
import { placeRef } from '../format';
import { draft, EPS, groupBy, sum } from '../figures';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from '../types';

const cellKey = (f: RuleFigure) => `${f.period}|${f.indicator}|${f.measure}`;

/** The figures commune rows should add up to: the sheet's total row and the file's unit figure. */
function totalsOf(figures: RuleFigure[]): (rows: RuleFigure[]) => RuleFigure[] {
  const live = figures.filter((f) => !f.superseded && f.subunit === null);
  const rows = new Map(live.filter((f) => f.role === 'total').map((f) => [`${f.fileId}|${f.sheet}|${cellKey(f)}`, f]));
  const values = new Map(live.filter((f) => f.role === 'value').map((f) => [`${f.fileId}|${cellKey(f)}`, f]));
  return (communes) => {
    const c = communes[0]!;
    return [rows.get(`${c.fileId}|${c.sheet}|${cellKey(c)}`), values.get(`${c.fileId}|${cellKey(c)}`)].filter((f): f is RuleFigure => f !== undefined);
  };
}

type Hit = MessageParams['commune_total_mismatch']['hits'][number];

function text(ctx: RuleContext, total: RuleFigure, communes: RuleFigure[], s: number): Hit {
  return {
    communes: communes.length, name: ctx.indicatorName(total.indicator), ytd: total.measure === 'ytd', sum: s,
    totalRow: total.role === 'total', total: total.value, where: { file: total.file, sheet: total.sheet, cell: total.cell },
  };
}

export const communeTotalMismatch: Rule = (figures, ctx) => {
  // Rates are never added up across communes.
  const communes = figures.filter((f) => !f.superseded && f.role === 'subunit' && ctx.indicators.get(f.indicator)?.kind !== 'rate');
  if (communes.length === 0) return [];
  const totalOf = totalsOf(figures);
  const hits = new Map<string, { total: RuleFigure; texts: Hit[]; figures: RuleFigure[] }>();
  for (const rows of groupBy(communes, (f) => `${f.fileId}|${f.sheet}|${cellKey(f)}`).values()) {
    const s = sum(rows.map((r) => r.value));
    const off = totalOf(rows).filter((t) => Math.abs(s - t.value) > EPS * Math.max(1, Math.abs(t.value)));
    if (off.length === 0) continue;
    const total = off[0]!;
    const k = `${total.fileId}|${rows[0]!.sheet}|${total.period}|${total.indicator}`;
    const hit = hits.get(k) ?? { total, texts: [], figures: [] };
    for (const t of off) hit.texts.push(text(ctx, t, rows, s));
    hit.figures.push(...off, ...rows);
    hits.set(k, hit);
  }
  return [...hits.values()].map((h): FlagDraft =>
    draft('commune_total_mismatch', 'error', h.total, [h.total.indicator], h.figures, message('commune_total_mismatch', { hits: h.texts, place: placeRef(h.total) })));
};
