/** Layout D: a half-year on one sheet, a column per month and a SUM column for the flows. */
import type { CatalogIndicator } from '../../shared/catalog';
import { partPrefix } from './labels';
import { type ReturnDoc, groupTitle, partInfo, roman, signatureBlock, titleBlock } from './layout-common';
import { round } from './model';
import { type Figure, SheetBuilder, type SheetPlan, colName } from './sheet-plan';
import { spanText } from './style';

interface Cols { stt: number; label: number; unit: number; month0: number; total: number }

function monthLabel(m: number, style: number): string {
  return [`Tháng ${m}`, `T${m}`, `Tháng ${m < 10 ? `0${m}` : m}`][style]!;
}

function headings(b: SheetBuilder, doc: ReturnDoc, k: Cols, h: number): number {
  const s = doc.style;
  const two = s.wide.twoRow;
  const fixed: [number, string][] = [[k.stt, s.heads.stt], [k.label, s.heads.label], [k.unit, s.heads.unit], [k.total, `${s.wide.total} ${doc.months.length} tháng`]];
  for (const [c, text] of fixed) {
    b.set(h, c, text, 'head');
    if (two) { b.set(h + 1, c, null, 'head'); b.merge(h, c, h + 1, c); }
  }
  const row = two ? h + 1 : h;
  doc.months.forEach((m, i) => b.set(row, k.month0 + i, monthLabel(m, s.wide.month), 'head'));
  if (two) {
    b.set(h, k.month0, s.heads.result, 'head');
    for (let c = k.month0 + 1; c < k.total; c++) b.set(h, c, null, 'head');
    if (doc.months.length > 1) b.merge(h, k.month0, h, k.total - 1);
  }
  return row + 1;
}

/** Rates are left out: a half-year sheet sums its columns, and a rate does not add up. */
const written = (doc: ReturnDoc, ind: CatalogIndicator): boolean =>
  ind.kind !== 'rate' && doc.months.every((m) => doc.figures[m]?.[ind.code]);

function indicatorRow(b: SheetBuilder, doc: ReturnDoc, k: Cols, r: number, ind: CatalogIndicator, stt: string | number): void {
  const { part, first } = partInfo(doc.cat, ind);
  b.set(r, k.stt, stt, 'text');
  b.set(r, k.label, part ? partPrefix(doc.style.labels[ind.code]!, first, doc.style.partStyle) : doc.style.labels[ind.code]!, 'label');
  b.set(r, k.unit, doc.style.measures[ind.code]!, 'text');
  const values = doc.months.map((m) => doc.figures[m]![ind.code]!.period);
  values.forEach((value, i) => b.figure(r, k.month0 + i, { month: doc.months[i]!, indicator: ind.code, column: 'period', value, commune: null }, null));
  if (ind.kind !== 'flow') { b.set(r, k.total, null, 'num'); return; }
  const range = `${colName(k.month0)}${r}:${colName(k.total - 1)}${r}`;
  b.formula(r, k.total, `SUM(${range})`, round(values.reduce((a, v) => a + v, 0), 4));
}

function body(b: SheetBuilder, doc: ReturnDoc, k: Cols, start: number): number {
  let r = start;
  let n = 0;
  doc.cat.groups.forEach((g, gi) => {
    const inds = doc.cat.indicators.filter((i) => i.group === g.code && written(doc, i));
    if (inds.length === 0) return;
    if (doc.style.groups !== 'none') {
      b.set(r, k.stt, roman(gi), 'group');
      b.set(r, k.label, groupTitle(g.name, doc.style), 'group');
      for (let c = k.unit; c <= k.total; c++) b.set(r, c, null, 'group');
      r++;
    }
    for (const ind of inds) {
      const part = partInfo(doc.cat, ind).part && doc.style.numbering === 'dash';
      indicatorRow(b, doc, k, r++, ind, part ? '-' : ++n);
    }
  });
  return r;
}

export function wideSheet(doc: ReturnDoc, name: string, figures: Figure[]): SheetPlan {
  const b = new SheetBuilder(name, figures, doc.style.nfd);
  const stt = 1 + doc.style.colOffset;
  const k: Cols = { stt, label: stt + 1, unit: stt + 2, month0: stt + 3, total: stt + 3 + doc.months.length };
  const span = spanText(doc.year, doc.months);
  titleBlock(b, doc, k.stt, k.total, doc.style.subtitle % 2 === 0 ? `Kết quả thực hiện ${span}` : `Tổng hợp kết quả công tác phối hợp ${span}`);
  const end = body(b, doc, k, headings(b, doc, k, doc.style.reportNo ? 9 : 8));
  signatureBlock(b, doc, end + 2, k.stt, k.total);
  if (stt > 1) b.width(1, 3);
  b.width(k.stt, 5);
  b.width(k.label, 48);
  b.width(k.unit, 12);
  for (let c = k.month0; c <= k.total; c++) b.width(c, c === k.total ? 12 : 10);
  b.plan.landscape = true;
  return b.plan;
}
