/** Vietnamese wording for flag messages: numbers in vi-VN, periods as people write them, cells. */
import type { RuleContext, RuleFigure } from './types';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const ROMAN = ['I', 'II', 'III', 'IV'];

/** 3912 -> "3.912", 23.7 -> "23,7". */
export function fmt(value: number): string {
  return NUMBER.format(value);
}

/** "2023-02" -> "tháng 2/2023", "2023-H1" -> "6 tháng đầu năm 2023", "2023-Q2" -> "quý II/2023". */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|9M))?$/.exec(period);
  if (!m) return `kỳ ${period}`;
  const [, year, part] = m;
  if (part === undefined) return `năm ${year}`;
  if (/^\d{2}$/.test(part)) return `tháng ${Number(part)}/${year}`;
  if (part.startsWith('Q')) return `quý ${ROMAN[Number(part[1]) - 1]}/${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'H2') return `6 tháng cuối năm ${year}`;
  return `9 tháng đầu năm ${year}`;
}

export function measureLabel(measure: 'period' | 'ytd'): string {
  return measure === 'ytd' ? 'lũy kế' : 'trong kỳ';
}

/** "Xã Châu Quang, Huyện Quỳ Hợp, tháng 6/2023" (the commune only where the figure is a commune's). */
export function place(f: Pick<RuleFigure, 'unitName' | 'subunit' | 'period'>, withSubunit = true): string {
  const who = withSubunit && f.subunit ? `${f.subunit}, ${f.unitName}` : f.unitName;
  return `${who}, ${periodLabel(f.period)}`;
}

/** "tệp BC_T02.xlsx, trang T2, ô D15": where the reviewer finds the figure. */
export function where(f: Pick<RuleFigure, 'file' | 'sheet' | 'cell'>): string {
  return `tệp ${f.file}, trang ${f.sheet}, ô ${f.cell}`;
}

/** "Số hồ sơ ... (3.870)", or "Số hồ sơ ... lũy kế (10.200)" for a year-to-date figure. */
export function named(ctx: RuleContext, f: RuleFigure): string {
  const note = f.measure === 'ytd' ? ' lũy kế' : '';
  const pct = ctx.indicators.get(f.indicator)?.kind === 'rate' ? '%' : '';
  return `${ctx.indicatorName(f.indicator)}${note} (${fmt(f.value)}${pct})`;
}

/** "Xã A, lũy kế: 12 (tệp ..., ô ...)": one more figure with the same fault, in a list. */
export function alsoAt(f: RuleFigure): string {
  const who = [f.subunit, f.measure === 'ytd' ? 'lũy kế' : null].filter(Boolean).join(', ');
  return `${who ? `${who}: ` : ''}${fmt(f.value)} (${where(f)})`;
}

/** The end of most messages: " — unit, period, file and cell of the key figure". */
export function tail(f: RuleFigure): string {
  return ` — ${place(f)}, ${where(f)}`;
}
