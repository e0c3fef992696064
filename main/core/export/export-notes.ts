/**
 * The notes under the table: what an empty cell means, how a period's figures were made, which
 * returns are missing, and where a unit merger changes what a column or a comparison covers.
 */
import type { Database } from '../store/db';
import type { CatalogFile } from '../../../shared/catalog';
import { approvalNote } from './approval-note';
import type { FigureIndex } from './load-figures';
import type { PeriodSpec } from './period-spec';
import { monthsWords } from './period-spec';
import type { ExportColumn } from './unit-columns';
import { displayUnitName, mergersBetween } from './unit-columns';

export interface NotesInput {
  idx: FigureIndex;
  spec: PeriodSpec;
  lastYear: PeriodSpec;
  columns: ExportColumn[];
  catalog: CatalogFile;
  underUnitsAt?: string;
}

export function exportNotes(db: Database, n: NotesInput): string[] {
  const notes = [
    'Ô để trống: không có số liệu (đơn vị chưa báo cáo, hoặc báo cáo không có chỉ tiêu này); số 0 là số đơn vị báo cáo bằng 0.',
    n.spec.kind === 'month'
      ? 'Tỷ lệ tính lại từ tử số và mẫu số, không cộng tỷ lệ; lũy kế năm lấy số lũy kế đơn vị ghi trong báo cáo, nếu không có thì cộng các tháng từ đầu năm.'
      : 'Số của kỳ: chỉ tiêu phát sinh là tổng các tháng; chỉ tiêu tồn là số cuối kỳ; kế hoạch là số kế hoạch năm mới nhất; tỷ lệ tính lại từ tử số và mẫu số, không cộng tỷ lệ.',
  ];
  const missing = missingReturns(n);
  if (missing) notes.push(`Chưa có số liệu: ${missing}.`);
  const pending = approvalNote(db, n);
  if (pending) notes.push(pending);
  notes.push(...splitColumns(n), ...mergedColumns(n), ...crossings(db, n));
  return notes;
}

/** Units with no figure at all for a month of the period: "TX Thái Hòa (tháng 5/2023)". */
function missingReturns(n: NotesInput): string {
  const out: string[] = [];
  for (const col of n.columns) {
    for (const u of col.members) {
      const months = n.spec.months.filter((m) => !n.catalog.indicators.some((i) =>
        n.idx.get(u.code, m, i.code, 'period') ?? n.idx.get(u.code, m, i.code, 'ytd') ?? n.idx.get(u.code, n.spec.key, i.code, 'period')));
      if (months.length) out.push(`${displayUnitName(u.name)} (${monthsWords(months)})`);
    }
  }
  return out.join('; ');
}

/** A unit divided between several: its figures are not given to any one of them, and the note says so. */
function splitColumns(n: NotesInput): string[] {
  return n.columns.filter((c) => c.splitInto).map((c) => {
    const into = c.splitInto!.map((u) => `${displayUnitName(u.name)} (mã ${u.code})`).join(', ');
    return `Cột “${c.shortName}”: ${displayUnitName(c.unit.name)} (mã ${c.unit.code}) được chia cho ${into} từ ngày ${dmy(n.underUnitsAt!)}; số liệu của đơn vị này để riêng, không cộng vào đơn vị nào trong số đó.`;
  });
}

function mergedColumns(n: NotesInput): string[] {
  if (!n.underUnitsAt) return [];
  return n.columns.filter((c) => !c.splitInto).flatMap((c) => {
    const others = [...new Map([...c.members, ...c.lastYearMembers].filter((m) => m.code !== c.unit.code).map((m) => [m.code, m])).values()];
    if (others.length === 0) return [];
    const names = others.map((m) => `${displayUnitName(m.name)} (mã ${m.code})`).join(', ');
    return [`Cột “${c.shortName}” gồm cả số liệu của ${names}, tính theo đơn vị hành chính ngày ${dmy(n.underUnitsAt!)}.`];
  });
}

/** A merger dated between last year's period and this one (or the date the units are taken at). */
function crossings(db: Database, n: NotesInput): string[] {
  const until = n.underUnitsAt && n.underUnitsAt > n.spec.end ? n.underUnitsAt : n.spec.end;
  const codes = new Set(n.columns.flatMap((c) => [c.unit.code, ...c.members.map((m) => m.code), ...c.lastYearMembers.map((m) => m.code)]));
  return mergersBetween(db, n.lastYear.start, until)
    .filter((c) => codes.has(c.from.code) || codes.has(c.to.code))
    .map((c) => {
      const what = `${displayUnitName(c.from.name)} (${c.from.code}) sáp nhập vào ${displayUnitName(c.to.name)} (${c.to.code}) từ ngày ${dmy(c.date)}`;
      return n.underUnitsAt
        ? `${what}: so sánh với cùng kỳ năm trước tính trên cùng địa bàn, số liệu của ${displayUnitName(c.from.name)} ở cả hai kỳ được cộng vào ${displayUnitName(c.to.name)}.`
        : `${what}: số liệu cùng kỳ năm trước và kỳ này không cùng địa bàn, cần lưu ý khi so sánh.`;
    });
}

export function dmy(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
