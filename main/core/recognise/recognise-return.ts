/**
 * A whole workbook -> one return: who sent it, for which period, and every figure with its cell.
 * Unit and period come from the title first, then the file name, then the sheet name; where they
 * disagree the title wins and the disagreement is said.
 */
import type { LabelIndex } from '../catalog/match-label';
import { ImportFailure } from '../file/import-failure';
import type { WorkbookGrid } from '../read/grid';
import { addressOf } from '../read/grid';
import type { DirectoryUnit, UnitHit } from './find-unit';
import { preferReportingLevel, unitsInFileName, unitsInTitle, unitsByName, validAt } from './find-unit';
import type { PeriodHit, Span } from './find-period';
import { findPeriod, monthsOf, parsePeriodKey, periodKey } from './find-period';
import { recogniseTables } from './recognise-sheet';
import type { CellError, SheetFigure, SheetReading, SheetUnmapped } from './types';

/** A figure of the return, its period now known. */
export type ReturnFigure = Omit<SheetFigure, 'periodRef'> & { period: string };

export interface ReturnUnmapped extends Omit<SheetUnmapped, 'cells'> {
  cells: Omit<ReturnFigure, 'indicator' | 'label'>[];
}

export interface RecognisedReturn {
  unit: DirectoryUnit;
  unitEvidence: UnitHit['evidence'] | 'person';
  /** The unit's name as the title wrote it ("XÃ THÔNG THỤ"), to remember a person's choice by. */
  titleName: string | null;
  periods: string[];
  layout: string;
  figures: ReturnFigure[];
  unmapped: ReturnUnmapped[];
  warnings: string[];
  /** Cells that gave no figure though the rest was read: formulas saved without their result. */
  cellErrors: CellError[];
  /** What the return states for earlier periods (previous, same period last year), to check against the store. */
  references: ReturnReference[];
}

export interface ReturnReference { indicator: string; period: string; kind: 'previous' | 'last-year'; value: number; sheet: string; cell: string }

export interface RecogniseInput {
  fileName: string; grid: WorkbookGrid; labels: LabelIndex; units: DirectoryUnit[];
  /** The unit a person chose for this file, where its name fitted several units or none. */
  unitCode?: string;
  /** The period a person named for this file ("2024-03"), where none could be told from it. */
  periodKey?: string;
}

export function recogniseReturn({ fileName, grid, labels, units, unitCode, periodKey: named }: RecogniseInput): RecognisedReturn {
  const warnings: string[] = [];
  const cellErrors = uncalculatedFormulas(grid);
  const visible = grid.sheets.filter((s) => {
    if (s.hidden && s.rows.some((r) => r?.some(Boolean))) warnings.push(`trang “${s.name}” bị ẩn; không đọc`);
    return !s.hidden;
  });
  if (!visible.some((s) => s.rows.some((r) => r?.some((c) => c && c.v !== null && c.v !== '')))) {
    throw new ImportFailure('empty-workbook', 'tệp không có dữ liệu (bảng tính trống)');
  }
  const readings = visible.flatMap((s) => recogniseTables(s, labels)).filter((r): r is SheetReading => r !== null && (r.figures.length > 0 || r.unmapped.length > 0));
  if (readings.length === 0) {
    throw new ImportFailure('no-table', `không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột “Nội dung”/“Chỉ tiêu” (hoặc “Đơn vị”) và cột số liệu (“Trong tháng”, “Lũy kế”, “Tháng 1”...); đã thấy ${whatWasFound(visible, cellErrors)}`, visible[0]?.name ?? null);
  }
  for (const r of readings) warnings.push(...r.warnings);

  const period = named ? chosenPeriod(named) : returnPeriod(fileName, readings, warnings);
  const date = `${period.year}-${String(monthsOf(period.span, period.month)[0]).padStart(2, '0')}-01`;
  const unit = unitCode ? chosenUnit(unitCode, units, date) : returnUnit(fileName, readings, units, date, warnings);
  const resolve = resolver(period, readings);
  const figures: ReturnFigure[] = [];
  for (const reading of readings) {
    const sheetPeriod = sheetOwnPeriod(reading, period);
    for (const f of reading.figures) figures.push(toReturnFigure(f, resolve(f, sheetPeriod)));
  }
  promoteDetailTotals(figures);
  const unmapped = readings.flatMap((r) => r.unmapped.map((u) => ({
    ...u, cells: u.cells.map(({ periodRef: _p, ...c }) => ({ ...c, period: resolve({ ...c, periodRef: _p }, sheetOwnPeriod(r, period)) })),
  })));
  const periods = [...new Set(figures.filter((f) => f.role !== 'total').map((f) => f.period))].sort();
  return { unit: unit.unit, unitEvidence: unit.evidence, titleName: titleName(readings), periods, layout: [...new Set(readings.map((r) => r.layout))].join('+'), figures, unmapped, warnings, cellErrors,
    references: readings.flatMap((r) => r.references.flatMap((x) => {
      const p = earlierPeriod(sheetOwnPeriod(r, period), x.kind);
      return p ? [{ ...x, period: p }] : [];
    })),
  };
}

/** The period before (a month, quarter, half or year before) or the same period a year before; none for nine months. */
function earlierPeriod(p: ReturnPeriod, kind: 'previous' | 'last-year'): string | null {
  if (kind === 'last-year') return periodKey(p.year - 1, p.span, p.month);
  const before: Partial<Record<Span, [number, Span]>> = { Q1: [-1, 'Q4'], Q2: [0, 'Q1'], Q3: [0, 'Q2'], Q4: [0, 'Q3'], H1: [-1, 'H2'], H2: [0, 'H1'], Y: [-1, 'Y'] };
  if (p.span === 'month') { const m = p.month ?? 1; return m === 1 ? periodKey(p.year - 1, 'month', 12) : periodKey(p.year, 'month', m - 1); }
  const b = before[p.span];
  return b ? periodKey(p.year + b[0], b[1], null) : null;
}

function toReturnFigure(f: SheetFigure, period: string): ReturnFigure {
  const { periodRef: _p, ...rest } = f;
  return { ...rest, period };
}

/**
 * A formula with no cached result is an error on that cell, never a zero; the rest of the file is
 * read, and the cell is shown as a flag naming it and its formula.
 */
function uncalculatedFormulas(grid: WorkbookGrid): CellError[] {
  const out: CellError[] = [];
  for (const s of grid.sheets) {
    if (s.hidden) continue;
    s.rows.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell?.error !== 'no-cached-value') return;
      // The row's label, for the person reading the flag: the longest text left of the cell.
      const label = row.slice(0, c).map((x) => (typeof x?.v === 'string' ? x.v.trim() : '')).reduce((a, b) => (b.length > a.length ? b : a), '');
      out.push({ sheet: s.name, cell: addressOf(r, c), kind: 'formula-no-cache', formula: cell.formula ?? '', label: label || null });
    }));
  }
  return out;
}

/** For a refusal: what each sheet holds, so the person sees what the reader saw. */
function whatWasFound(sheets: WorkbookGrid['sheets'], errors: CellError[]): string {
  return sheets.map((sh) => {
    let numbers = 0, texts = 0;
    for (const row of sh.rows) for (const c of row ?? []) { if (typeof c?.v === 'number') numbers++; else if (typeof c?.v === 'string' && c.v.trim()) texts++; }
    const errs = errors.filter((e) => e.sheet === sh.name).map((e) => `ô ${e.cell} có công thức “=${e.formula}” chưa tính`);
    return `trang “${sh.name}”: ${numbers} ô số, ${texts} ô chữ${errs.length ? `, ${errs.join(', ')}` : ''}`;
  }).join('; ');
}

interface ReturnPeriod { year: number; month: number | null; span: Span }

function chosenPeriod(key: string): ReturnPeriod {
  const p = parsePeriodKey(key);
  if (!p || p.year === null) throw new ImportFailure('period-not-valid', `“${key}” không phải một kỳ báo cáo; hãy ghi dạng 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng), 2024-9M hoặc 2024 (năm)`);
  return { year: p.year, month: p.month, span: p.span };
}

function returnPeriod(fileName: string, readings: SheetReading[], warnings: string[]): ReturnPeriod {
  const fromTitle = readings.map((r) => firstPeriod(r.titleLines)).find((p) => p !== null) ?? null;
  const fromFile = findPeriod(fileName.replace(/\.[a-z0-9]{2,5}$/i, ''));
  const fromSheet = readings.map((r) => findPeriod(r.sheet)).find((p) => p !== null) ?? null;
  const chosen = [fromTitle, fromFile, fromSheet].find((p) => p && p.year !== null) ?? fromTitle ?? fromFile ?? fromSheet;
  const year = chosen?.year ?? [fromTitle, fromFile, fromSheet].find((p) => p?.year)?.year ?? null;
  if (!chosen || year === null) {
    throw new ImportFailure('period-unknown', 'không xác định được kỳ báo cáo (tháng/quý/năm) từ tiêu đề, tên tệp hay tên trang; hãy ghi rõ, ví dụ “tháng 5 năm 2023”', readings[0]?.sheet ?? null);
  }
  if (fromTitle && fromFile && (fromTitle.span !== fromFile.span || fromTitle.month !== fromFile.month)) {
    warnings.push(`kỳ ghi trong tiêu đề (${describe(fromTitle)}) khác kỳ trong tên tệp (${describe(fromFile)}); dùng kỳ trong tiêu đề`);
  }
  return { year, month: chosen.month, span: chosen.span };
}

function firstPeriod(lines: string[]): PeriodHit | null {
  for (const l of lines) { const p = findPeriod(l); if (p && (p.year !== null || p.span === 'month')) return p; }
  return null;
}

function describe(p: PeriodHit): string {
  return p.span === 'month' ? `tháng ${p.month}${p.year ? `/${p.year}` : ''}` : `${p.span}${p.year ? `/${p.year}` : ''}`;
}

/** A detail sheet titled "... THÁNG 1/2023" speaks for itself; otherwise the return's period holds. */
function sheetOwnPeriod(reading: SheetReading, period: ReturnPeriod): ReturnPeriod {
  const own = firstPeriod(reading.titleLines);
  if (!own || own.span !== period.span || (own.year !== null && own.year !== period.year)) return period;
  return { year: own.year ?? period.year, month: own.month, span: own.span };
}

function resolver(period: ReturnPeriod, readings: SheetReading[]) {
  const monthsSeen = new Set(readings.flatMap((r) => r.figures.map((f) => (f.periodRef.kind === 'month' ? f.periodRef.month : 0))).filter(Boolean));
  const totalKey = spanKey(period.year, [...monthsSeen].sort((a, b) => a - b)) ?? periodKey(period.year, period.span, period.month);
  return (f: Pick<SheetFigure, 'periodRef'>, own: ReturnPeriod): string => {
    const ref = f.periodRef;
    if (ref.kind === 'month') return periodKey(ref.year ?? own.year, 'month', ref.month);
    if (ref.kind === 'total') return totalKey;
    return periodKey(own.year, own.span, own.month);
  };
}

/** The period a set of month columns adds up to: 1–6 is the half-year, 1–3 the first quarter... */
function spanKey(year: number, months: number[]): string | null {
  if (months.length === 0) return null;
  const spans: Span[] = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', '9M', 'Y'];
  const s = spans.find((sp) => monthsOf(sp, null).join() === months.join());
  return s ? periodKey(year, s, null) : null;
}

/** A detail sheet's total row is the unit's figure where no summary sheet gives it. */
function promoteDetailTotals(figures: ReturnFigure[]): void {
  const key = (f: ReturnFigure) => `${f.indicator}|${f.period}|${f.measure}`;
  const values = new Set(figures.filter((f) => f.role === 'value').map(key));
  for (const f of figures) if (f.role === 'total' && f.subunit === null && !values.has(key(f)) && isDetailTotal(f, figures)) f.role = 'value';
}

function isDetailTotal(total: ReturnFigure, figures: ReturnFigure[]): boolean {
  return figures.some((f) => f.role === 'subunit' && f.sheet === total.sheet);
}

function returnUnit(fileName: string, readings: SheetReading[], units: DirectoryUnit[], date: string, warnings: string[]): { unit: DirectoryUnit; evidence: UnitHit['evidence'] } {
  const byTitle = uniq(readings.flatMap((r) => r.titleLines.flatMap((l) => unitsInTitle(l, units, date))));
  const byFile = unitsInFileName(fileName, units, date);
  const bySheet = uniq(readings.flatMap((r) => unitsByName(r.sheet, units, date, true)));
  const options: [UnitHit['evidence'], DirectoryUnit[]][] = [
    ['title', byTitle],
    ['file-code', uniq(byFile.filter((h) => h.evidence === 'file-code').map((h) => h.unit))],
    ['file-name', uniq(byFile.filter((h) => h.evidence === 'file-name').map((h) => h.unit))],
    ['sheet-name', bySheet],
  ];
  for (const [evidence, list] of options) {
    const narrowed = preferReportingLevel(list, date);
    if (narrowed.length === 1) {
      const unit = narrowed[0]!;
      for (const [other, l] of options) {
        const o = preferReportingLevel(l, date);
        if (other !== evidence && o.length === 1 && o[0]!.code !== unit.code) {
          warnings.push(`đơn vị theo ${label(evidence)} là ${unit.name} (${unit.code}) nhưng theo ${label(other)} là ${o[0]!.name} (${o[0]!.code}); dùng ${label(evidence)}`);
        }
      }
      return { unit, evidence };
    }
    if (narrowed.length > 1) {
      // Two units of one name (in two provinces, say): the code or name in the file name may tell them apart.
      const others = options.filter(([e]) => e !== evidence).map(([, l]) => new Set(l));
      const agreed = narrowed.filter((u) => others.some((o) => o.has(u)));
      if (agreed.length === 1) return { unit: agreed[0]!, evidence };
      throw new ImportFailure('unit-ambiguous', `tên đơn vị theo ${label(evidence)} khớp nhiều đơn vị (${narrowed.map((u) => `${u.name} ${u.code}`).join(', ')}); hãy chọn đơn vị cho tệp này`);
    }
  }
  throw new ImportFailure('unit-unknown', 'không xác định được đơn vị gửi báo cáo: tiêu đề không có dòng “CÔNG AN HUYỆN/XÃ ...”, tên tệp và tên trang không chứa tên hay mã đơn vị');
}

function chosenUnit(code: string, units: DirectoryUnit[], date: string): { unit: DirectoryUnit; evidence: 'person' } {
  const unit = units.find((u) => u.code === code && validAt(u, date));
  if (!unit) throw new ImportFailure('unit-not-valid', `đơn vị mã ${code} không tồn tại vào kỳ báo cáo (${date.slice(0, 7)})`);
  return { unit, evidence: 'person' };
}

/** The name after "CÔNG AN" in the title, not the province's. */
function titleName(readings: SheetReading[]): string | null {
  for (const line of readings.flatMap((r) => r.titleLines)) {
    const m = /^\s*(?:công an|ca)\s+(.+)$/iu.exec(line);
    if (m && !/^tỉnh\b/iu.test(m[1]!)) return m[1]!.trim();
  }
  return null;
}

function label(e: UnitHit['evidence']): string {
  return { title: 'tiêu đề', 'file-code': 'mã trong tên tệp', 'file-name': 'tên tệp', 'sheet-name': 'tên trang' }[e];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
