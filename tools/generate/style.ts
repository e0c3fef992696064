/**
 * The habits of one district's clerk: heading words, numbering, number typing, title and signature
 * lines, file and sheet names. Drawn once per unit (a unit reuses its template month after month),
 * with a little drift per file.
 */
import type { CatalogIndicator } from '../../shared/catalog';
import { spacing, unitLabels, unitOfMeasure } from './labels';
import type { GenUnit, Layout } from './model';
import type { Rng } from './prng';
import { coreName, typeWord } from './units';

export interface UnitStyle {
  labels: Record<string, string>;
  measures: Record<string, string>;
  partStyle: number;
  numbering: 'dash' | 'letter' | 'decimal';
  groups: 'upper' | 'title' | 'none';
  heads: { stt: string; label: string; unit: string; result: string; period: string; ytd: string; note: string | null };
  twoRowHeading: boolean;
  letterRow: boolean;
  colOffset: number;
  title: string;
  subtitle: number;
  fileStyle: number;
  sheetStyle: number;
  nfd: boolean;
  text: { dashZero: boolean } | null;
  unitInLabel: boolean;
  formulas: boolean;
  spaceRate: number;
  padDate: boolean;
  reportNo: boolean;
  signer: { kt: boolean; name: string };
  extraSheets: boolean;
  commune: { full: boolean; title: number; head: string; total: string; unitRow: boolean };
  wide: { month: number; total: string; twoRow: boolean };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Đình', 'Hữu', 'Xuân', 'Công', 'Đức', 'Quang', 'Minh', 'Thanh'];
const GIVEN = ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Thắng', 'Long', 'Nam', 'Sơn', 'Bình', 'Cường', 'Quân', 'Trung', 'Thành', 'Lâm'];
const RANKS = ['Thượng tá', 'Trung tá', 'Đại tá', ''];

function heads(layout: Layout, rng: Rng): UnitStyle['heads'] {
  const b = layout === 'B';
  return {
    stt: rng.pick(b ? ['TT', 'STT'] : ['STT', 'TT', 'Số TT']),
    label: rng.pick(b ? ['Chỉ tiêu', 'Nội dung chỉ tiêu'] : ['Nội dung', 'Chỉ tiêu', 'Nội dung chỉ tiêu']),
    unit: rng.pick(['ĐVT', 'Đơn vị tính']),
    result: rng.pick(b ? ['Số liệu', 'Kết quả'] : ['Kết quả', 'Kết quả thực hiện', 'Số liệu']),
    period: rng.pick(b ? ['Kỳ này', 'Trong kỳ'] : ['Trong tháng', 'Kỳ này', 'Thực hiện trong tháng']),
    ytd: rng.pick(b ? ['Cộng dồn', 'Lũy kế'] : ['Lũy kế', 'Lũy kế từ đầu năm', 'Luỹ kế từ đầu năm', 'Cộng dồn']),
    note: rng.chance(0.7) ? 'Ghi chú' : null,
  };
}

function measures(indicators: CatalogIndicator[], rng: Rng): Record<string, string> {
  return Object.fromEntries(indicators.map((i) => [i.code, unitOfMeasure(i.unit, rng)]));
}

export function unitStyle(layout: Layout, indicators: CatalogIndicator[], rng: Rng): UnitStyle {
  const b = layout === 'B';
  return {
    labels: unitLabels(indicators, rng.fork('labels')),
    measures: measures(indicators, rng.fork('measures')),
    partStyle: rng.int(0, 3),
    numbering: rng.pick(['dash', 'dash', 'letter', 'decimal'] as const),
    groups: rng.pick(['upper', 'upper', 'title', 'none'] as const),
    heads: heads(layout, rng.fork('heads')),
    twoRowHeading: b || rng.chance(0.7),
    letterRow: !b && rng.chance(0.3),
    colOffset: rng.chance(0.2) ? 1 : 0,
    title: rng.pick(['BÁO CÁO', 'BÁO CÁO', 'BÁO CÁO THỐNG KÊ', 'BIỂU TỔNG HỢP SỐ LIỆU']),
    subtitle: rng.int(0, 3),
    fileStyle: rng.int(0, 4),
    sheetStyle: rng.int(0, 4),
    nfd: b ? rng.chance(0.6) : rng.chance(0.1),
    text: b ? { dashZero: rng.chance(0.8) } : null,
    unitInLabel: b && rng.chance(0.35),
    formulas: !b && rng.chance(0.4),
    spaceRate: rng.pick([0, 0.05, 0.15, 0.3]),
    padDate: rng.chance(0.5),
    reportNo: rng.chance(0.5),
    signer: { kt: rng.chance(0.35), name: `${rng.pick(RANKS)} ${rng.pick(SURNAMES)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`.trim() },
    extraSheets: rng.chance(0.2),
    commune: { full: rng.chance(0.7), title: rng.int(0, 2), head: rng.pick(['Đơn vị', 'Tên xã, thị trấn', 'Xã, phường, thị trấn']), total: rng.pick(['Tổng cộng', 'Cộng', 'Toàn huyện', 'Tổng']), unitRow: rng.chance(0.4) },
    wide: { month: rng.int(0, 2), total: rng.pick(['Cộng', 'Tổng', 'Tổng cộng']), twoRow: rng.chance(0.5) },
  };
}

/** The file's own drift from its unit's template: another file name style, a reworded label, NFD text. */
export function fileStyle(base: UnitStyle, indicators: CatalogIndicator[], rng: Rng): UnitStyle {
  const s = { ...base, labels: { ...base.labels } };
  if (rng.chance(0.3)) s.fileStyle = rng.int(0, 4);
  if (rng.chance(0.15)) s.nfd = !s.nfd;
  if (rng.chance(0.2)) {
    const ind = rng.pick(indicators);
    s.labels[ind.code] = unitLabels([ind], rng.fork('drift'))[ind.code]!;
  }
  for (const code of Object.keys(s.labels)) s.labels[code] = spacing(s.labels[code]!, rng, s.spaceRate);
  return s;
}

const pad = (n: number, on: boolean): string => (on && n < 10 ? `0${n}` : String(n));
const upper = (s: string): string => s.toLocaleUpperCase('vi');
const SHORT: Record<string, string> = { huyen: 'H.', thi_xa: 'TX', thanh_pho: 'TP', quan: 'Q.', xa: 'X.', phuong: 'P.', thi_tran: 'TT.', dac_khu: 'ĐK' };

export function agencyLines(unit: GenUnit): [string, string] {
  const parent = unit.provinceType === 'thanh_pho' ? 'THÀNH PHỐ' : 'TỈNH';
  return [`CÔNG AN ${parent} ${upper(unit.province ?? 'Nghệ An')}`, `CÔNG AN ${upper(typeWord(unit.type))} ${upper(coreName(unit.name))}`];
}

/** "Diễn Châu, ngày 28 tháng 5 năm 2023" — late in the month or early in the next. */
export function dateLine(unit: GenUnit, year: number, month: number, s: UnitStyle, rng: Rng): string {
  const next = rng.chance(0.3);
  const m = next ? (month % 12) + 1 : month;
  const y = next && month === 12 ? year + 1 : year;
  const d = next ? rng.int(1, 5) : rng.int(25, 28);
  return `${coreName(unit.name)}, ngày ${pad(d, s.padDate)} tháng ${pad(m, s.padDate && m <= 2)} năm ${y}`;
}

export function subtitle(year: number, month: number, s: UnitStyle): string {
  const mm = pad(month, true);
  return [
    `Kết quả thực hiện các chương trình phối hợp tháng ${month} năm ${year}`,
    `Tổng hợp số liệu phong trào - Tháng ${mm}/${year}`,
    `Kết quả công tác phối hợp tháng ${month}/${year}`,
    `Số liệu kết quả thực hiện các chương trình phối hợp Tháng ${mm}/${year}`,
  ][s.subtitle]!;
}

/** "6 tháng đầu năm 2023", or "từ tháng 1 đến tháng 3 năm 2023" for a part of a half-year. */
export function spanText(year: number, months: number[]): string {
  const [first, last] = [months[0]!, months[months.length - 1]!];
  if (first === 1 && last === 6 && months.length === 6) return `6 tháng đầu năm ${year}`;
  if (first === 7 && last === 12 && months.length === 6) return `6 tháng cuối năm ${year}`;
  return first === last ? `tháng ${first} năm ${year}` : `từ tháng ${first} đến tháng ${last} năm ${year}`;
}

export function ascii(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function shortName(unit: GenUnit): string {
  return `${SHORT[unit.type] ?? 'H.'} ${coreName(unit.name)}`;
}

export function monthFileName(unit: GenUnit, year: number, m: number, s: UnitStyle): string {
  const mm = pad(m, true);
  const short = shortName(unit);
  return [
    `BC_T${mm}_${year}_${unit.code}`,
    `${short} T${mm}.${year}`,
    `${short} - BC thang ${m}-${year}`,
    `CA ${ascii(coreName(unit.name))} - thang ${mm}.${year}`,
    `${unit.code}_BaoCao_${year}${mm}`,
  ][s.fileStyle]! + '.xlsx';
}

/** "6 thang", "6 thang cuoi nam", "thang 1-3": a half-year file's span as file names write it. */
function fileSpan(months: number[]): string {
  const [first, last] = [months[0]!, months[months.length - 1]!];
  if (months.length === 6) return first === 1 ? '6 thang' : '6 thang cuoi nam';
  return first === last ? `thang ${first}` : `thang ${first}-${last}`;
}

export function wideFileName(unit: GenUnit, year: number, months: number[], s: UnitStyle): string {
  const span = fileSpan(months);
  return s.fileStyle % 2 === 0 ? `${shortName(unit)} - Bao cao ${span} ${year}.xlsx` : `BC_${span.replace(/ /g, '_')}_${year}_${unit.code}.xlsx`;
}

export function sheetName(kind: 'month' | 'summary' | 'communes', month: number, s: UnitStyle): string {
  const names = {
    month: [`T${month}`, `Tháng ${month}`, `BC T${month}`, 'Sheet1', 'Báo cáo'],
    summary: ['Tổng hợp', 'TH', `TH T${pad(month, true)}`, 'Toàn huyện', 'Tong hop'],
    communes: ['Chi tiết theo xã', 'Chi tiet xa', 'Các xã', 'Theo xã', 'Xã'],
  }[kind];
  return names[s.sheetStyle % names.length]!;
}

export function wideSheetName(year: number, months: number[], s: UnitStyle): string {
  const [first, last] = [months[0]!, months[months.length - 1]!];
  const span = months.length === 6 ? (first === 1 ? `6 tháng ${year}` : `6 tháng cuối năm ${year}`) : `T${first}-T${last}.${year}`;
  return [span, 'Sheet1', 'Tổng hợp', span][s.sheetStyle % 4]!;
}

export function signerLines(unit: GenUnit, s: UnitStyle): string[] {
  const office = `${upper(typeWord(unit.type))} ${upper(coreName(unit.name))}`;
  return s.signer.kt ? [`KT. TRƯỞNG CÔNG AN ${office}`, 'PHÓ TRƯỞNG CÔNG AN'] : [`TRƯỞNG CÔNG AN ${office}`];
}

export const RECIPIENTS = ['- Công an tỉnh (PV01);', '- Phòng Tham mưu CAT;', '- Đ/c Trưởng Công an (để b/c);', '- Lưu: VT, TH.'];
