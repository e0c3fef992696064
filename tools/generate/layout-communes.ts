/** Layout C's detail sheet: a row per commune, a column per indicator, a "Tổng cộng" row of SUM formulas. */
import type { CommuneTable } from './communes';
import type { ReturnDoc } from './layout-common';
import { type Figure, SheetBuilder, type SheetPlan, colName } from './sheet-plan';
import { typeWord } from './units';

const communeShort = (name: string): string => name.replace(/^(xã|phường|thị trấn)\s+/iu, '');

function title(doc: ReturnDoc): string {
  const m = doc.months[0]!;
  const mm = m < 10 ? `0${m}` : String(m);
  return [
    `CHI TIẾT KẾT QUẢ THEO ĐƠN VỊ CẤP XÃ - THÁNG ${m}/${doc.year}`,
    `SỐ LIỆU CHI TIẾT CÁC XÃ, THỊ TRẤN THÁNG ${mm}/${doc.year}`,
    `Kết quả theo từng xã tháng ${m} năm ${doc.year}`,
  ][doc.style.commune.title]!;
}

/** Headings from row 3: the indicator's label, its unit in brackets or on a row of its own. */
function headings(b: SheetBuilder, doc: ReturnDoc, t: CommuneTable): number {
  const s = doc.style;
  b.set(3, 1, 'STT', 'head');
  b.set(3, 2, s.commune.head, 'head');
  t.indicators.forEach((code, j) => {
    const label = s.labels[code]!.trim();
    b.set(3, 3 + j, s.commune.unitRow ? label : `${label} (${s.measures[code]})`, 'head');
    if (s.commune.unitRow) b.set(4, 3 + j, s.measures[code]!, 'head');
  });
  if (!s.commune.unitRow) return 4;
  b.set(4, 1, null, 'head');
  b.set(4, 2, null, 'head');
  b.merge(3, 1, 4, 1);
  b.merge(3, 2, 4, 2);
  return 5;
}

export function communeSheet(doc: ReturnDoc, name: string, figures: Figure[]): SheetPlan {
  const t = doc.communes!;
  const b = new SheetBuilder(name, figures, doc.style.nfd);
  const last = 2 + t.indicators.length;
  b.line(1, 1, last, title(doc), 'title');
  const first = headings(b, doc, t);
  t.names.forEach((commune, i) => {
    const r = first + i;
    b.set(r, 1, i + 1, 'text');
    b.set(r, 2, doc.style.commune.full ? commune : communeShort(commune), 'label');
    t.indicators.forEach((code, j) => {
      b.figure(r, 3 + j, { month: doc.months[0]!, indicator: code, column: 'period', value: t.values[i]![j]!, commune }, null);
    });
  });
  const total = first + t.names.length;
  b.set(total, 1, null, 'group');
  const word = doc.style.commune.total;
  b.set(total, 2, word === 'Toàn huyện' ? `Toàn ${typeWord(doc.unit.type).toLocaleLowerCase('vi')}` : word, 'group');
  t.indicators.forEach((_, j) => {
    const col = colName(3 + j);
    const sum = Math.round(t.values.reduce((a, row) => a + row[j]!, 0) * 1e4) / 1e4;
    b.formula(total, 3 + j, `SUM(${col}${first}:${col}${total - 1})`, sum);
  });
  b.width(1, 6);
  b.width(2, 24);
  for (let c = 3; c <= last; c++) b.width(c, 16);
  b.plan.landscape = true;
  return b.plan;
}
