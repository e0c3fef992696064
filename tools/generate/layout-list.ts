/**
 * Layouts A, B and the summary sheet of C: a vertical list of indicators with a within-the-month and
 * a year-to-date column. A: numbers, "Kết quả: Trong tháng | Lũy kế". B: numbers typed as
 * Vietnamese text, the year-to-date column first, other heading words, sometimes the unit of
 * measure in the label instead of its own column.
 */
import type { CatalogIndicator } from '../../shared/catalog';
import { partPrefix } from './labels';
import { type MonthFigures, rateOf } from './model';
import { type ReturnDoc, groupTitle, partInfo, roman, signatureBlock, titleBlock } from './layout-common';
import { type Figure, SheetBuilder, type SheetPlan, colName } from './sheet-plan';
import { subtitle } from './style';

interface Cols { stt: number; label: number; unit: number | null; period: number; ytd: number; note: number | null; last: number }

type Row = { r: number; group: number } | { r: number; ind: CatalogIndicator; stt: string | number };

function columns(doc: ReturnDoc): Cols {
  const s = doc.style;
  const stt = 1 + s.colOffset;
  const unit = s.unitInLabel ? null : stt + 2;
  const v = (unit ?? stt + 1) + 1;
  const [period, ytd] = doc.layout === 'B' ? [v + 1, v] : [v, v + 1];
  const note = s.heads.note ? v + 2 : null;
  return { stt, label: stt + 1, unit, period, ytd, note, last: note ?? v + 1 };
}

/** Heading rows from row h; returns the first row of the table body. */
function headings(b: SheetBuilder, doc: ReturnDoc, k: Cols, h: number): number {
  const { heads, twoRowHeading, letterRow } = doc.style;
  const fixed: [number | null, string][] = [[k.stt, heads.stt], [k.label, heads.label], [k.unit, heads.unit], [k.note, heads.note ?? '']];
  const [lo, hi] = [Math.min(k.period, k.ytd), Math.max(k.period, k.ytd)];
  for (const [c, text] of fixed) {
    if (c === null) continue;
    b.set(h, c, text, 'head');
    if (twoRowHeading) { b.set(h + 1, c, null, 'head'); b.merge(h, c, h + 1, c); }
  }
  const row = twoRowHeading ? h + 1 : h;
  if (twoRowHeading) { b.set(h, lo, heads.result, 'head'); b.set(h, hi, null, 'head'); b.merge(h, lo, h, hi); }
  b.set(row, k.period, heads.period, 'head');
  b.set(row, k.ytd, heads.ytd, 'head');
  if (!letterRow) return row + 1;
  const letters: [number | null, string][] = [[k.stt, 'A'], [k.label, 'B'], [k.unit, 'C'], [k.period, '1'], [k.ytd, '2'], [k.note, '3']];
  for (const [c, t] of letters) if (c !== null) b.set(row + 1, c, t, 'head');
  return row + 2;
}

/** Where each group and indicator row goes, with its number: 1, 2, ... for indicators, "-", "a" or "3.1" for parts. */
function rows(doc: ReturnDoc, f: MonthFigures, start: number): Row[] {
  const out: Row[] = [];
  let r = start;
  let n = 0;
  let k = 0;
  doc.cat.groups.forEach((g, gi) => {
    const inds = doc.cat.indicators.filter((i) => i.group === g.code && f[i.code]);
    if (inds.length === 0) return;
    if (doc.style.groups !== 'none') out.push({ r: r++, group: gi });
    for (const ind of inds) {
      const part = partInfo(doc.cat, ind).part;
      k = part ? k + 1 : 0;
      if (!part) n++;
      const stt = !part ? n : doc.style.numbering === 'dash' ? '-' : doc.style.numbering === 'letter' ? String.fromCharCode(96 + k) : `${n}.${k}`;
      out.push({ r: r++, ind, stt });
    }
  });
  return out;
}

function labelOf(doc: ReturnDoc, ind: CatalogIndicator): string {
  const { part, first } = partInfo(doc.cat, ind);
  const label = part ? partPrefix(doc.style.labels[ind.code]!, first, doc.style.partStyle) : doc.style.labels[ind.code]!;
  return doc.style.unitInLabel ? `${label.trimEnd()} (${doc.style.measures[ind.code]})` : label;
}

/** A live formula where the clerk would use one and the figures agree with it: a total of its parts, a rate. */
function formulaFor(doc: ReturnDoc, ind: CatalogIndicator, col: 'period' | 'ytd', rowOf: Map<string, number>, c: number, f: MonthFigures): string | undefined {
  if (!doc.style.formulas) return undefined;
  const val = (code: string) => f[code]?.[col] ?? null;
  const ref = (code: string) => `${colName(c)}${rowOf.get(code)}`;
  const sum = doc.cat.relations.find((r) => r.rule === 'sum_mismatch' && r.total === ind.code);
  if (sum && 'parts' in sum && sum.parts.every((p) => rowOf.has(p) && val(p) !== null)) {
    const total = sum.parts.reduce((a, p) => a + val(p)!, 0);
    if (Math.abs(total - val(ind.code)!) > 1e-9) return undefined;
    const rs = sum.parts.map((p) => rowOf.get(p)!);
    const contiguous = rs.every((x, i) => i === 0 || x === rs[i - 1]! + 1);
    return contiguous ? `SUM(${ref(sum.parts[0]!)}:${ref(sum.parts[sum.parts.length - 1]!)})` : sum.parts.map(ref).join('+');
  }
  const rate = ind.rate;
  if (!rate || !rowOf.has(rate.numerator) || !rowOf.has(rate.denominator)) return undefined;
  const [n, d] = [val(rate.numerator), val(rate.denominator)];
  if (n === null || d === null || d === 0 || rateOf(n, d) !== val(ind.code)) return undefined;
  return `ROUND(${ref(rate.numerator)}/${ref(rate.denominator)}*100,1)`;
}

function writeRows(b: SheetBuilder, doc: ReturnDoc, k: Cols, list: Row[], f: MonthFigures): void {
  const month = doc.months[0]!;
  const rowOf = new Map(list.flatMap((x) => ('ind' in x ? [[x.ind.code, x.r] as const] : [])));
  const blank = (r: number, cols: (number | null)[], style: 'group' | 'num') => cols.forEach((c) => c !== null && b.set(r, c, null, style));
  for (const x of list) {
    if (!('ind' in x)) {
      b.set(x.r, k.stt, roman(x.group), 'group');
      b.set(x.r, k.label, groupTitle(doc.cat.groups[x.group]!.name, doc.style), 'group');
      blank(x.r, [k.unit, k.period, k.ytd, k.note], 'group');
      continue;
    }
    const cell = f[x.ind.code]!;
    blank(x.r, [k.note, cell.ytd === null ? k.ytd : null], 'num');
    b.set(x.r, k.stt, x.stt, 'text');
    b.set(x.r, k.label, labelOf(doc, x.ind), 'label');
    if (k.unit !== null) b.set(x.r, k.unit, doc.style.measures[x.ind.code]!, 'text');
    const base = { month, indicator: x.ind.code, commune: null };
    b.figure(x.r, k.period, { ...base, column: 'period', value: cell.period }, doc.style.text, formulaFor(doc, x.ind, 'period', rowOf, k.period, f));
    if (cell.ytd !== null) b.figure(x.r, k.ytd, { ...base, column: 'ytd', value: cell.ytd }, doc.style.text, formulaFor(doc, x.ind, 'ytd', rowOf, k.ytd, f));
  }
}

/** The month's list sheet (A, B, or C's summary). */
export function listSheet(doc: ReturnDoc, name: string, figures: Figure[]): SheetPlan {
  const b = new SheetBuilder(name, figures, doc.style.nfd);
  const k = columns(doc);
  const month = doc.months[0]!;
  const f = doc.figures[month]!;
  titleBlock(b, doc, k.stt, k.last, subtitle(doc.year, month, doc.style));
  const list = rows(doc, f, headings(b, doc, k, doc.style.reportNo ? 9 : 8));
  writeRows(b, doc, k, list, f);
  signatureBlock(b, doc, (list[list.length - 1]?.r ?? 10) + 2, k.stt, k.last);
  if (k.stt > 1) b.width(1, 3);
  b.width(k.stt, 6);
  b.width(k.label, doc.style.unitInLabel ? 60 : 52);
  if (k.unit !== null) b.width(k.unit, 13);
  b.width(k.period, 14);
  b.width(k.ytd, 14);
  if (k.note !== null) b.width(k.note, 12);
  return b.plan;
}
