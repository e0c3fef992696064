/**
 * A whole workbook -> one return: who sent it, for which period, and every figure with its cell.
 * Unit and period come from the title first, then the file name, then the sheet name; where they
 * disagree the title wins and the disagreement is said.
 */
import type { LabelIndex } from '../catalog/match-label';
import { message, type Message, type PeriodSeen } from '../../../shared/messages';
import { ImportFailure } from '../file/import-failure';
import type { WorkbookGrid } from '../read/grid';
import { addressOf } from '../read/grid';
import type { DirectoryUnit, UnitDirectory, UnitHit } from './find-unit';
import { preferReportingLevel, provincesInTitle, unitsInFileName, unitsInTitle, unitsByName, validAt } from './find-unit';
import type { ProvinceSet } from './find-unit';
import type { PeriodHit, Span } from './find-period';
import { findPeriod, monthsOf, parsePeriodKey, periodKey } from './find-period';
import { recogniseTables } from './recognise-sheet';
import { subunitCoder } from './subunit-codes';
import type { CellError, SheetFigure, SheetReading, SheetUnmapped } from './types';

/** A figure of the return, its period now known. */
export type ReturnFigure = Omit<SheetFigure, 'periodRef'> & { period: string; subunitCode?: string | null };

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
  warnings: Message[];
  /** Cells that gave no figure though the rest was read: formulas saved without their result. */
  cellErrors: CellError[];
  /** What the return states for earlier periods (previous, same period last year), to check against the store. */
  references: ReturnReference[];
}

export interface ReturnReference { indicator: string; period: string; kind: 'previous' | 'last-year'; value: number; sheet: string; cell: string }

/** A province of the office at the return's date. */
export interface OfficeProvince { code: string; name: string }

export interface RecogniseInput {
  fileName: string; grid: WorkbookGrid; labels: LabelIndex; units: UnitDirectory;
  /** The unit a person chose for this file, where its name fitted several units or none. */
  unitCode?: string;
  /** The office's province(s) valid at a date (two or more before a 2025 merger); empty without a set-up. */
  officeProvinces?: (date: string) => OfficeProvince[];
  /** The period a person named for this file ("2024-03"), where none could be told from it. */
  periodKey?: string;
}

export function recogniseReturn({ fileName, grid, labels, units, unitCode, officeProvinces, periodKey: named }: RecogniseInput): RecognisedReturn {
  const warnings: Message[] = [];
  const cellErrors = uncalculatedFormulas(grid);
  const visible = grid.sheets.filter((s) => {
    if (s.hidden && s.rows.some((r) => r?.some(Boolean))) warnings.push(message('note.hidden-sheet', { sheet: s.name }));
    return !s.hidden;
  });
  if (!visible.some((s) => s.rows.some((r) => r?.some((c) => c && c.v !== null && c.v !== '')))) {
    throw new ImportFailure('empty-workbook', message('refused.empty-workbook', {}));
  }
  const readings = visible.flatMap((s) => recogniseTables(s, labels)).filter((r): r is SheetReading => r !== null && (r.figures.length > 0 || r.unmapped.length > 0));
  if (readings.length === 0) {
    throw new ImportFailure('no-table', `không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột “Nội dung”/“Chỉ tiêu” (hoặc “Đơn vị”) và cột số liệu (“Trong tháng”, “Lũy kế”, “Tháng 1”...); đã thấy ${whatWasFound(visible, cellErrors)}`, visible[0]?.name ?? null);
  }
  for (const r of readings) warnings.push(...r.warnings);

  const period = named ? chosenPeriod(named) : returnPeriod(fileName, readings, warnings);
  const date = `${period.year}-${String(monthsOf(period.span, period.month)[0]).padStart(2, '0')}-01`;
  // A unit a person chose stands, a held file's too: the person has seen which province the title names.
  const unit = unitCode ? chosenUnit(unitCode, units, date)
    : returnUnit(fileName, readings, units, date, warnings, returnProvinces(readings, units, date, officeProvinces?.(date) ?? []));
  const resolve = resolver(period, readings);
  const figures: ReturnFigure[] = [];
  for (const reading of readings) {
    const sheetPeriod = sheetOwnPeriod(reading, period);
    for (const f of reading.figures) figures.push(toReturnFigure(f, resolve(f, sheetPeriod)));
  }
  promoteDetailTotals(figures);
  const code = subunitCoder(unit.unit, units, date);
  for (const f of figures) if (f.subunit !== null) f.subunitCode = code(f.subunit);
  const unmapped = readings.flatMap((r) => r.unmapped.map((u) => ({
    ...u, cells: u.cells.map(({ periodRef: _p, ...c }) => ({ ...c, period: resolve({ ...c, periodRef: _p }, sheetOwnPeriod(r, period)) })),
  })));
  const periods = [...new Set(figures.filter((f) => f.role !== 'total').map((f) => f.period))].sort();
  return { unit: unit.unit, unitEvidence: unit.evidence, titleName: titleName(readings, units, date), periods, layout: [...new Set(readings.map((r) => r.layout))].join('+'), figures, unmapped, warnings, cellErrors,
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

function returnPeriod(fileName: string, readings: SheetReading[], warnings: Message[]): ReturnPeriod {
  const fromTitle = readings.map((r) => firstPeriod(r.titleLines)).find((p) => p !== null) ?? null;
  const fromFile = findPeriod(fileName.replace(/\.[a-z0-9]{2,5}$/i, ''));
  const fromSheet = readings.map((r) => findPeriod(r.sheet)).find((p) => p !== null) ?? null;
  const chosen = [fromTitle, fromFile, fromSheet].find((p) => p && p.year !== null) ?? fromTitle ?? fromFile ?? fromSheet;
  const year = chosen?.year ?? [fromTitle, fromFile, fromSheet].find((p) => p?.year)?.year ?? null;
  if (!chosen || year === null) {
    throw new ImportFailure('period-unknown', message('refused.period-unknown', {}), readings[0]?.sheet ?? null);
  }
  if (fromTitle && fromFile && (fromTitle.span !== fromFile.span || fromTitle.month !== fromFile.month)) {
    warnings.push(message('note.period-conflict', { title: seen(fromTitle), file: seen(fromFile) }));
  }
  return { year, month: chosen.month, span: chosen.span };
}

function firstPeriod(lines: string[]): PeriodHit | null {
  for (const l of lines) { const p = findPeriod(l); if (p && (p.year !== null || p.span === 'month')) return p; }
  return null;
}

function seen(p: PeriodHit): PeriodSeen {
  return { span: p.span, month: p.month, year: p.year };
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
  const values = new Set<string>();
  // Detail sheets: those with a row per commune.
  const detail = new Set<string>();
  for (const f of figures) {
    if (f.role === 'value') values.add(key(f));
    else if (f.role === 'subunit') detail.add(f.sheet);
  }
  for (const f of figures) if (f.role === 'total' && f.subunit === null && detail.has(f.sheet) && !values.has(key(f))) f.role = 'value';
}

/**
 * The provinces the return's unit is looked for in: the one its title names ("CÔNG AN TỈNH HÀ
 * TĨNH"), within the office's; the office's where the title names none; the whole country where
 * there is no set-up and no province line. A title naming another province holds the file.
 */
function returnProvinces(readings: SheetReading[], units: UnitDirectory, date: string, office: OfficeProvince[]): ProvinceSet {
  const named = uniq(readings.flatMap((r) => r.titleLines.flatMap((l) => provincesInTitle(l, units, date))));
  const officeCodes = new Set(office.map((p) => p.code));
  const inOffice = office.length === 0 ? named : named.filter((p) => officeCodes.has(p.code));
  if (named.length > 0 && inOffice.length === 0) {
    throw new ImportFailure('other-province',
      `tiêu đề ghi báo cáo của ${named.map((p) => p.name).join(', ')}, không thuộc ${office.map((p) => p.name).join(', ')} của đơn vị; tệp được giữ lại, chưa nhập số liệu nào (nếu đúng là báo cáo của đơn vị, hãy kiểm tra thiết lập tỉnh)`,
      readings[0]?.sheet ?? null);
  }
  if (inOffice.length > 0) return new Set(inOffice.map((p) => p.code));
  return office.length > 0 ? officeCodes : null;
}

function returnUnit(fileName: string, readings: SheetReading[], units: UnitDirectory, date: string, warnings: Message[], provinces: ProvinceSet): { unit: DirectoryUnit; evidence: UnitHit['evidence'] } {
  const byTitle = uniq(readings.flatMap((r) => r.titleLines.flatMap((l) => unitsInTitle(l, units, date, provinces))));
  const byFile = unitsInFileName(fileName, units, date, provinces);
  const bySheet = uniq(readings.flatMap((r) => unitsByName(r.sheet, units, date, provinces)));
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
          warnings.push(message('note.unit-conflict', { evidence, unit: { name: unit.name, code: unit.code }, other, otherUnit: { name: o[0]!.name, code: o[0]!.code } }));
        }
      }
      return { unit, evidence };
    }
    if (narrowed.length > 1) {
      // Two units of one name (in two provinces, say): the code or name in the file name may tell them apart.
      const others = options.filter(([e]) => e !== evidence).map(([, l]) => new Set(l));
      const agreed = narrowed.filter((u) => others.some((o) => o.has(u)));
      if (agreed.length === 1) return { unit: agreed[0]!, evidence };
      throw new ImportFailure('unit-ambiguous', message('refused.unit-ambiguous', { evidence, units: narrowed.map((u) => ({ name: u.name, code: u.code })) }));
    }
  }
  const titled = titleName(readings, units, date);
  const where = provinces ? ` trong ${[...provinces].map((c) => provinceName(units, c, date)).join(', ')}` : '';
  throw new ImportFailure('unit-unknown', titled
    ? `không xác định được đơn vị gửi báo cáo: tiêu đề ghi “CÔNG AN ${titled}” nhưng không có đơn vị nào tên như vậy${where} vào kỳ báo cáo (${date.slice(0, 7)}); tên tệp và tên trang cũng không cho biết; hãy chọn đơn vị cho tệp này`
    : `không xác định được đơn vị gửi báo cáo: tiêu đề không có dòng “CÔNG AN HUYỆN/XÃ ...”, tên tệp và tên trang không chứa tên hay mã đơn vị${where}`);
}

function provinceName(units: UnitDirectory, code: string, date: string): string {
  return units.withCode(code).find((u) => u.level === 'province' && validAt(u, date))?.name ?? `tỉnh mã ${code}`;
}

function chosenUnit(code: string, units: UnitDirectory, date: string): { unit: DirectoryUnit; evidence: 'person' } {
  const unit = units.withCode(code).find((u) => validAt(u, date));
  if (!unit) throw new ImportFailure('unit-not-valid', message('refused.unit-not-valid', { code, month: date.slice(0, 7) }));
  return { unit, evidence: 'person' };
}

/** The name after "CÔNG AN" in the title, not the province's. */
function titleName(readings: SheetReading[], units: UnitDirectory, date: string): string | null {
  for (const line of readings.flatMap((r) => r.titleLines)) {
    const m = /^\s*(?:công an|ca)\s+(.+)$/iu.exec(line);
    if (m && !/^tỉnh\b/iu.test(m[1]!) && provincesInTitle(line, units, date).length === 0) return m[1]!.trim();
  }
  return null;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
