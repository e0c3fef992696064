/**
 * Flags, notes and refusals as data: a code with typed parameters, worded when shown, in the
 * reader's language. The core stores the code and parameters; the UI words them through i18n's
 * active language, the CLI in Vietnamese (or English with --lang en). Names (units, indicators,
 * files, sheets) are data and stay as written; only the sentence around them is translated.
 */
import { parsePeriod } from './period';

export type Lang = 'vi' | 'en';

/** A figure as a message names it: "Số vụ lũy kế (10.200)". */
export interface FigureRef {
  /** The indicator's name as the catalog gives it. */
  name: string;
  value: number;
  ytd?: boolean;
  /** A rate, shown with "%". */
  pct?: boolean;
}

/** Where a reviewer finds a cell. */
export interface CellRef { file: string; sheet: string; cell: string }

/** Whose figure and which period: the unit, and the commune where the figure is a commune's. */
export interface PlaceRef { unitName: string; subunit: string | null; period: string }

/** The key figure's place and cell, at the end of most flag messages. */
export type At = PlaceRef & CellRef;

/** One more figure with the same fault, in a list. */
export interface AlsoRef extends CellRef { value: number; subunit: string | null; ytd: boolean }

export interface Term { name: string; value: number }

/** The parameters of each message code. */
export interface MessageParams {
  negative_value: { figure: FigureRef; at: At; also: AlsoRef[] };
  non_integer_count: { figure: FigureRef; fraction: number; countUnit: string; at: At; also: AlsoRef[] };
  child_exceeds_parent: { hits: { child: FigureRef; parent: FigureRef; diff: number }[]; at: At };
  participants_lt_sessions: { hits: { participants: FigureRef; sessions: FigureRef; short: number }[]; at: At };
  sum_mismatch: { hits: { total: FigureRef; parts: Term[]; sum: number; diff: number }[]; at: At };
  parts_exceed_total: { hits: { total: FigureRef; parts: Term[]; sum: number; over: number }[]; at: At };
  plan_exceeded: { hits: { actual: FigureRef; plan: FigureRef; over: number; percent: number | null }[]; at: At };
  rate_mismatch: { hits: { rate: FigureRef; numerator: FigureRef; denominator: FigureRef; computed: number; off: number }[]; at: At };
  rate_out_of_range: { hits: { rate: FigureRef; below: number | null; above: number | null; computed: { numerator: number; denominator: number; rate: number } | null }[]; at: At };
  ytd_decrease: { figure: FigureRef; previousPeriod: string; previous: number; drop: number; month: number | null; at: At };
  ytd_mismatch: { figure: FigureRef; previous: number | null; month: number; expected: number; diff: number; at: At };
  outlier: { name: string; value: number; median: number; low: number; high: number; diff: number; peersMedian: number; at: At };
  missing_return: { period: string; unitName: string };
  conflicting_resubmission: { file: string; against: { file: string; changes: { name: string; subunit: string | null; ytd: boolean; before: number; after: number; cell: string }[] }[]; place: PlaceRef; /** The file in use was chosen by a reviewer (it may be the earlier one). */ chosen?: boolean };
  commune_total_mismatch: { hits: { communes: number; name: string; ytd: boolean; sum: number; totalRow: boolean; total: number; where: CellRef }[]; place: PlaceRef };
  detail_summary_mismatch: { hits: DetailHit[]; at: At };
  /** One flag per label: `places` names every row it occurs in, in every file. */
  formula_no_cache: { cell: string; label: string | null; formula: string; unitName: string; period: string; file: string; sheet: string };
  unmapped_label: { label: string; suggestions: { name: string; indicator: string }[]; files: number; places: { unitName: string; period: string; file: string; sheet: string; cell: string }[] };

  // A file refused: the place, then the reason (one of the codes below).
  'import.refused': { file: string; sheet: string | null; cell: string | null; reason: Message };
  /** A file sent along with the returns that is no spreadsheet (a cover letter, a scan): passed over. */
  'import.skipped': { file: string; kind: string };
  'refused.damaged': Record<string, never>;
  'refused.encrypted': Record<string, never>;
  'refused.numbers': Record<string, never>;
  'refused.text': Record<string, never>;
  'refused.html': Record<string, never>;
  'refused.pdf': Record<string, never>;
  'refused.word': Record<string, never>;
  'refused.image': Record<string, never>;
  'refused.zip': Record<string, never>;
  'refused.empty': Record<string, never>;
  'refused.unknown': Record<string, never>;
  /** The zip guard's finding ("zip-ratio"...) and its technical detail. */
  'refused.zip-guard': { problem: string; detail: string };
  'refused.xml-doctype': { part: string };
  'refused.too-large': { megabytes: number; limit: number };
  'refused.zip-entry-too-large': { limit: number };
  'refused.too-many-sheets': { count: number; limit: number };
  'refused.too-many-merges': { count: number; limit: number };
  'refused.too-many-cells': { limit: number };
  'refused.too-slow': { seconds: number };
  'refused.too-slow-sheet': { seconds: number };
  'refused.unreadable': { detail: string };
  'refused.unreadable-content': { detail: string };
  'refused.internal': { detail: string };
  /** A reason not yet given a code of its own: its Vietnamese words, shown as they are in every language. */
  'refused.other': { vi: string };
  'refused.empty-workbook': Record<string, never>;
  'refused.no-table': Record<string, never>;
  'refused.formula-no-cache': { cell: string; formula: string };
  'refused.period-unknown': Record<string, never>;
  'refused.unit-ambiguous': { evidence: UnitEvidence; units: { name: string; code: string }[] };
  'refused.unit-unknown': Record<string, never>;
  'refused.unit-not-valid': { code: string; month: string };

  // Notes on a file imported (or skipped as a duplicate): nothing was refused, something was left out or chosen.
  'note.duplicate': { of: string };
  'note.hidden-sheet': { sheet: string };
  'note.period-conflict': { title: PeriodSeen; file: PeriodSeen };
  'note.unit-conflict': { evidence: UnitEvidence; unit: { name: string; code: string }; other: UnitEvidence; otherUnit: { name: string; code: string } };
  'note.ignored-column': { sheet: string; column: string; header: string };
  /** `why` is the reader's own note on the cell (Vietnamese). */
  'note.cell-skipped': { sheet: string; cell: string; why: string };
  'note.held': { periods: string[] };
  /** A note not yet given a code of its own: its Vietnamese words, shown as they are in every language. */
  'note.other': { vi: string };
  'note.hidden-row': { sheet: string; row: number; label: string };
}

/** Where a unit was read from. */
export type UnitEvidence = 'title' | 'file-code' | 'file-name' | 'sheet-name' | 'person';

/** A period as found in a title or a file name: a month, or a span ("Q2", "H1", "9M", "Y"), with its year where given. */
export interface PeriodSeen { span: string; month: number | null; year: number | null }

export interface DetailHit {
  kind: 'sheet' | 'months';
  sheet: string;
  name: string;
  ytd: boolean;
  value: number;
  cell: string;
  /** The summary sheet's figure, or the sum of the months. */
  other: number;
  /** kind 'sheet': the summary sheet and its cell; kind 'months': how many months were summed. */
  otherSheet?: string;
  otherCell?: string;
  months?: number;
}

export type MessageCode = keyof MessageParams;
export type Message = { [K in MessageCode]: { code: K; params: MessageParams[K] } }[MessageCode];

export function message<K extends MessageCode>(code: K, params: MessageParams[K]): Message {
  return { code, params } as Message;
}

type Wordings = { [K in MessageCode]: (p: MessageParams[K]) => string };

// ---------- Vietnamese ----------

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const EN_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const ROMAN = ['I', 'II', 'III', 'IV'];

/** 3912 -> "3.912", 23.7 -> "23,7". */
export function numberVi(v: number): string { return VI_NUMBER.format(v); }
export function numberEn(v: number): string { return EN_NUMBER.format(v); }

/** "2023-02" -> "tháng 2/2023", "2023-H1" -> "6 tháng đầu năm 2023", "2023-Q2" -> "quý II/2023". */
export function periodWordsVi(key: string): string {
  const p = parsePeriod(key);
  if (!p) return `kỳ ${key}`;
  switch (p.kind) {
    case 'year': return `năm ${p.year}`;
    case 'month': return `tháng ${p.first}/${p.year}`;
    case 'quarter': return `quý ${ROMAN[(p.part ?? 1) - 1]}/${p.year}`;
    case 'half': return p.part === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case 'nine-months': return `9 tháng đầu năm ${p.year}`;
  }
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-02" -> "February 2023", "2023-Q2" -> "Q2 2023", "2023-H1" -> "first half of 2023". */
export function periodWordsEn(key: string): string {
  const p = parsePeriod(key);
  if (!p) return `period ${key}`;
  switch (p.kind) {
    case 'year': return `year ${p.year}`;
    case 'month': return `${MONTHS_EN[p.first - 1]} ${p.year}`;
    case 'quarter': return `Q${p.part} ${p.year}`;
    case 'half': return p.part === 1 ? `first half of ${p.year}` : `second half of ${p.year}`;
    case 'nine-months': return `first nine months of ${p.year}`;
  }
}

const ASK_VI = 'hãy đề nghị đơn vị gửi tệp Excel (.xlsx hoặc .xls)';
const ASK_EN = 'ask the unit to send an Excel file (.xlsx or .xls)';
/** The kinds of file passed over on import (main/core/ingest/import-file.ts), by name. */
const SKIPPED_VI: Record<string, string> = { word: 'văn bản Word', pdf: 'tệp PDF', text: 'văn bản thuần', image: 'tệp ảnh' };
const SKIPPED_EN: Record<string, string> = { word: 'a Word document', pdf: 'a PDF', text: 'plain text', image: 'an image' };
const ZIP_VI: Record<string, string> = {
  'zip-truncated': 'tệp bị hỏng hoặc chưa tải về hết (tệp nén bị cắt cụt)',
  'zip-too-many-entries': 'tệp chứa quá nhiều thành phần bên trong',
  'zip-too-large': 'nội dung giải nén của tệp quá lớn (có thể là “bom nén”)',
  'zip-ratio': 'tỷ lệ nén bất thường (có thể là “bom nén”)',
  'zip-encrypted-entry': 'tệp có thành phần bị mã hóa',
};
const ZIP_EN: Record<string, string> = {
  'zip-truncated': 'the file is damaged or was not fully downloaded (the zip is cut short)',
  'zip-too-many-entries': 'the file holds too many parts',
  'zip-too-large': 'the file unpacks to too much (possibly a “zip bomb”)',
  'zip-ratio': 'an unusual compression ratio (possibly a “zip bomb”)',
  'zip-encrypted-entry': 'the file has an encrypted part',
};
const EVIDENCE_VI: Record<UnitEvidence, string> = { title: 'tiêu đề', 'file-code': 'mã trong tên tệp', 'file-name': 'tên tệp', 'sheet-name': 'tên trang', person: 'người nhập' };
const EVIDENCE_EN: Record<UnitEvidence, string> = { title: 'title', 'file-code': 'code in the file name', 'file-name': 'file name', 'sheet-name': 'sheet name', person: 'person importing' };
const seenVi = (p: PeriodSeen) => (p.span === 'month' ? `tháng ${p.month}` : p.span) + (p.year ? `/${p.year}` : '');
const seenEn = (p: PeriodSeen) => (p.span === 'month' ? `month ${p.month}` : p.span) + (p.year ? `/${p.year}` : '');

const vi = (() => {
  const n = numberVi;
  const named = (f: FigureRef) => `${f.name}${f.ytd ? ' lũy kế' : ''} (${n(f.value)}${f.pct ? '%' : ''})`;
  const place = (p: PlaceRef, withSubunit = true) => `${withSubunit && p.subunit ? `${p.subunit}, ${p.unitName}` : p.unitName}, ${periodWordsVi(p.period)}`;
  const where = (c: CellRef) => `tệp ${c.file}, trang ${c.sheet}, ô ${c.cell}`;
  const tail = (a: At) => ` — ${place(a)}, ${where(a)}`;
  const also = (xs: AlsoRef[]) => (xs.length ? `; cùng lỗi ở: ${xs.map((x) => {
    const who = [x.subunit, x.ytd ? 'lũy kế' : null].filter(Boolean).join(', ');
    return `${who ? `${who}: ` : ''}${n(x.value)} (${where(x)})`;
  }).join('; ')}` : '');
  const terms = (ts: Term[], s: number) => `${ts.map((t) => `${t.name} ${n(t.value)}`).join(' + ')} = ${n(s)}`;
  const w: Wordings = {
    negative_value: (p) => `${named(p.figure)} là số âm, dưới 0 là ${n(-p.figure.value)}${tail(p.at)}${also(p.also)}`,
    non_integer_count: (p) => `${named(p.figure)} có phần lẻ ${n(p.fraction)}, trong khi chỉ tiêu đếm theo ${p.countUnit} phải là số nguyên${tail(p.at)}${also(p.also)}`,
    child_exceeds_parent: (p) => p.hits.map((h) => `${named(h.child)} lớn hơn ${named(h.parent)}, chênh ${n(h.diff)}`).join('; ') + tail(p.at),
    participants_lt_sessions: (p) => `${p.hits.map((h) => `${named(h.participants)} ít hơn ${named(h.sessions)}, thiếu ${n(h.short)}`).join('; ')} (mỗi đợt phải có ít nhất một người tham dự)${tail(p.at)}`,
    sum_mismatch: (p) => p.hits.map((h) => `${named(h.total)} khác tổng các thành phần (${terms(h.parts, h.sum)}), chênh ${n(h.diff)}`).join('; ') + tail(p.at),
    parts_exceed_total: (p) => p.hits.map((h) => `Tổng các thành phần (${terms(h.parts, h.sum)}) lớn hơn ${named(h.total)}, vượt ${n(h.over)}`).join('; ') + tail(p.at),
    plan_exceeded: (p) => p.hits.map((h) => `${named(h.actual)} vượt ${named(h.plan)}, vượt ${n(h.over)}${h.percent === null ? '' : ` (${n(h.percent)}% kế hoạch)`}`).join('; ') + tail(p.at),
    rate_mismatch: (p) => p.hits.map((h) => `${named(h.rate)} khác tỷ lệ tính được ${named(h.numerator)} / ${named(h.denominator)} × 100 = ${n(h.computed)}%, chênh ${n(h.off)} điểm phần trăm`).join('; ') + tail(p.at),
    rate_out_of_range: (p) => p.hits.map((h) => {
      const by = h.below !== null ? `dưới 0 là ${n(h.below)}` : `vượt 100 là ${n(h.above ?? 0)}`;
      const c = h.computed ? ` (tính từ ${n(h.computed.numerator)} / ${n(h.computed.denominator)} là ${n(h.computed.rate)}%)` : '';
      return `${named(h.rate)} nằm ngoài khoảng 0–100%, ${by} điểm phần trăm${c}`;
    }).join('; ') + tail(p.at),
    ytd_decrease: (p) => `${named(p.figure)} nhỏ hơn lũy kế ${periodWordsVi(p.previousPeriod)} (${n(p.previous)}), giảm ${n(p.drop)}${p.month === null ? '' : `; đúng ra phải là ${n(p.previous)} + ${n(p.month)} trong tháng = ${n(p.previous + p.month)}`}${tail(p.at)}`,
    ytd_mismatch: (p) => `${named(p.figure)} ${p.previous !== null ? `khác lũy kế tháng trước ${n(p.previous)} + trong tháng ${n(p.month)} = ${n(p.expected)}` : `khác số trong tháng 1 (${n(p.month)})`}, chênh ${n(p.diff)}${tail(p.at)}`,
    outlier: (p) => {
      const times = p.value > p.median ? `gấp ${n(p.value / p.median)} lần` : `bằng ${n((100 * p.value) / p.median)}%`;
      const ratio = p.median > 0 ? `, ${times} trung vị` : '';
      return `${p.name} (${n(p.value)}) bất thường: khác xa các tháng khác của đơn vị (trung vị ${n(p.median)}, khoảng dự kiến ${n(p.low)}–${n(p.high)}${ratio}, chênh ${n(p.diff)}) và các đơn vị khác cùng tháng (trung vị ${n(p.peersMedian)})${tail(p.at)}`;
    },
    missing_return: (p) => `Chưa có báo cáo ${periodWordsVi(p.period)} của ${p.unitName}: không tệp nào đã nhập có số liệu của đơn vị cho tháng này`,
    conflicting_resubmission: (p) => {
      const parts = p.against.map((a) => `so với tệp ${a.file}: ${a.changes.map((c) => {
        const who = [c.subunit, c.ytd ? 'lũy kế' : null].filter(Boolean).join(', ');
        return `${c.name}${who ? ` (${who})` : ''}: ${n(c.before)} → ${n(c.after)} (chênh ${n(Math.abs(c.after - c.before))}, ô ${c.cell})`;
      }).join('; ')}`);
      return p.chosen
        ? `Hai bản báo cáo có số liệu khác nhau, tệp ${p.file} ${parts.join('; ')}. Số liệu đang dùng là của tệp ${p.file} (đã được chọn) — ${place(p.place, false)}`
        : `Báo cáo gửi lại (tệp ${p.file}) có số liệu khác báo cáo trước, ${parts.join('; ')}. Số liệu đang dùng là của tệp gửi sau — ${place(p.place, false)}`;
    },
    commune_total_mismatch: (p) => `${p.hits.map((h) => `Tổng ${h.communes} đơn vị cấp xã của ${h.name}${h.ytd ? ' lũy kế' : ''} (${n(h.sum)}) khác ${h.totalRow ? 'dòng tổng cộng' : 'số của đơn vị'} (${n(h.total)}, ${where(h.where)}), chênh ${n(Math.abs(h.sum - h.total))}`).join('; ')} — ${place(p.place)}`,
    detail_summary_mismatch: (p) => p.hits.map((h) => {
      const head = `${h.kind === 'sheet' ? 'Dòng tổng cộng' : 'Cột tổng'} trang ${h.sheet}: ${h.name}${h.ytd ? ' lũy kế' : ''} (${n(h.value)}, ô ${h.cell})`;
      const against = h.kind === 'sheet' ? `trang ${h.otherSheet} (${n(h.other)}, ô ${h.otherCell})` : `tổng ${h.months} tháng (${n(h.other)})`;
      return `${head} khác ${against}, chênh ${n(Math.abs(h.value - h.other))}`;
    }).join('; ') + tail(p.at),
    formula_no_cache: (p) => `Ô ${p.cell}${p.label ? ` (dòng “${p.label}”)` : ''} có công thức “=${p.formula}” nhưng tệp không lưu kết quả đã tính; số này chưa được nhập, các số khác của tệp đã nhập — ${p.unitName}, ${periodWordsVi(p.period)}, tệp ${p.file}, trang “${p.sheet}”. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại`,
    unmapped_label: (p) => `Nhãn “${p.label}” chưa khớp chỉ tiêu nào${p.suggestions.length ? ` (gần nhất: ${p.suggestions.map((s) => `${s.name} (${s.indicator})`).join('; ')})` : ''}; số liệu của ${p.places.length === 1 ? 'dòng này' : `${p.places.length} dòng trong ${p.files} tệp`} chưa được nhập — ${p.places.map((w) => `${w.unitName}, ${periodWordsVi(w.period)}, tệp ${w.file}, trang “${w.sheet}”, ô ${w.cell}`).join('; ')}`,
    'import.refused': (p) => `${[`tệp “${p.file}”`, p.sheet ? `trang “${p.sheet}”` : '', p.cell ? `ô ${p.cell}` : ''].filter(Boolean).join(', ')}: ${wordMessage(p.reason, 'vi')}`,
    'import.skipped': (p) => `tệp “${p.file}”: bỏ qua, không phải bảng tính (${SKIPPED_VI[p.kind] ?? p.kind}); không phải báo cáo nên không nhập`,
    'refused.damaged': () => `tệp bị hỏng hoặc chưa tải về hết (tệp nén bị cắt cụt); ${ASK_VI} lại`,
    'refused.encrypted': () => 'tệp được đặt mật khẩu nên không đọc được; hãy đề nghị đơn vị bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại',
    'refused.numbers': () => `tệp Apple Numbers; ${ASK_VI}, xuất từ Numbers bằng Tệp > Xuất sang > Excel`,
    'refused.text': () => `tệp văn bản thuần, không phải bảng tính; ${ASK_VI}`,
    'refused.html': () => 'trang web (HTML) được đặt đuôi bảng tính; hãy mở bằng Excel và lưu lại thành .xlsx',
    'refused.pdf': () => `tệp PDF, không đọc được số liệu; ${ASK_VI}`,
    'refused.word': () => `văn bản Word, không phải bảng tính; ${ASK_VI}`,
    'refused.image': () => `tệp ảnh, không đọc được số liệu; ${ASK_VI}`,
    'refused.zip': () => 'tệp nén (.zip) không phải bảng tính; hãy giải nén rồi nhập từng tệp Excel',
    'refused.empty': () => 'tệp rỗng (0 byte); hãy đề nghị đơn vị gửi lại',
    'refused.unknown': () => `không nhận ra định dạng tệp (không phải bảng tính Excel); ${ASK_VI}`,
    'refused.zip-guard': (p) => `${ZIP_VI[p.problem] ?? p.problem}; không đọc tệp này (${p.detail})`,
    'refused.xml-doctype': (p) => `phần “${p.part}” của tệp chứa khai báo DOCTYPE/ENTITY (kiểu “bom XML”); không đọc tệp này`,
    'refused.too-large': (p) => `tệp nặng ${p.megabytes.toFixed(1)} MB, vượt giới hạn ${p.limit} MB của một báo cáo`,
    'refused.zip-entry-too-large': (p) => `một phần của tệp giải nén ra hơn ${p.limit} MB (có thể là “bom nén”); không đọc tệp này`,
    'refused.too-many-sheets': (p) => `tệp có ${p.count} trang tính, vượt giới hạn ${p.limit}`,
    'refused.too-many-merges': (p) => `trang có ${p.count} vùng gộp ô, vượt giới hạn ${p.limit}`,
    'refused.too-many-cells': (p) => `tệp có quá nhiều ô dữ liệu (giới hạn ${p.limit})`,
    'refused.too-slow': (p) => `đọc tệp quá ${p.seconds} giây nên đã dừng; tệp có thể quá lớn hoặc hỏng`,
    'refused.too-slow-sheet': (p) => `đọc tệp quá ${p.seconds} giây, dừng lại`,
    'refused.unreadable': (p) => `không đọc được tệp (${p.detail})`,
    'refused.unreadable-content': (p) => `không đọc được nội dung bảng tính (${p.detail})`,
    'refused.internal': (p) => `lỗi khi đọc tệp: ${p.detail}`,
    'refused.other': (p) => p.vi,
    'refused.empty-workbook': () => 'tệp không có dữ liệu (bảng tính trống)',
    'refused.no-table': () => 'không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột “Nội dung”/“Chỉ tiêu” (hoặc “Đơn vị”) và cột số liệu (“Trong tháng”, “Lũy kế”, “Tháng 1”...)',
    'refused.formula-no-cache': (p) => `ô ${p.cell} có công thức “=${p.formula}” nhưng tệp không lưu kết quả đã tính; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại`,
    'refused.period-unknown': () => 'không xác định được kỳ báo cáo (tháng/quý/năm) từ tiêu đề, tên tệp hay tên trang; hãy ghi rõ, ví dụ “tháng 5 năm 2023”',
    'refused.unit-ambiguous': (p) => `tên đơn vị theo ${EVIDENCE_VI[p.evidence]} khớp nhiều đơn vị (${p.units.map((u) => `${u.name} ${u.code}`).join(', ')}); hãy chọn đơn vị cho tệp này`,
    'refused.unit-unknown': () => 'không xác định được đơn vị gửi báo cáo: tiêu đề không có dòng “CÔNG AN HUYỆN/XÃ ...”, tên tệp và tên trang không chứa tên hay mã đơn vị',
    'refused.unit-not-valid': (p) => `đơn vị mã ${p.code} không tồn tại vào kỳ báo cáo (${p.month})`,
    'note.duplicate': (p) => `nội dung giống hệt tệp “${p.of}” đã nhập; không nhập lại`,
    'note.hidden-sheet': (p) => `trang “${p.sheet}” bị ẩn; không đọc`,
    'note.period-conflict': (p) => `kỳ ghi trong tiêu đề (${seenVi(p.title)}) khác kỳ trong tên tệp (${seenVi(p.file)}); dùng kỳ trong tiêu đề`,
    'note.unit-conflict': (p) => `đơn vị theo ${EVIDENCE_VI[p.evidence]} là ${p.unit.name} (${p.unit.code}) nhưng theo ${EVIDENCE_VI[p.other]} là ${p.otherUnit.name} (${p.otherUnit.code}); dùng ${EVIDENCE_VI[p.evidence]}`,
    'note.ignored-column': (p) => `trang “${p.sheet}”: bỏ qua cột ${p.column} (“${p.header}”), không phải số liệu của kỳ báo cáo`,
    'note.cell-skipped': (p) => `trang “${p.sheet}”, ô ${p.cell}: ${p.why}; chưa nhập số này`,
    'note.held': (p) => `kỳ ${p.periods.join(', ')} đã được duyệt và khóa: báo cáo được lưu và giữ lại, chưa thay đổi số liệu nào cho đến khi người kiểm tra tiếp nhận`,
    'note.other': (p) => p.vi,
    'note.hidden-row': (p) => `trang “${p.sheet}”: dòng ${p.row} (“${p.label}”) bị ẩn; chưa nhập các số của dòng này`,
  };
  return w;
})();

// ---------- English ----------

const en = (() => {
  const n = numberEn;
  const named = (f: FigureRef) => `${f.name}${f.ytd ? ' (year to date)' : ''} (${n(f.value)}${f.pct ? '%' : ''})`;
  const place = (p: PlaceRef, withSubunit = true) => `${withSubunit && p.subunit ? `${p.subunit}, ${p.unitName}` : p.unitName}, ${periodWordsEn(p.period)}`;
  const where = (c: CellRef) => `file ${c.file}, sheet ${c.sheet}, cell ${c.cell}`;
  const tail = (a: At) => ` — ${place(a)}, ${where(a)}`;
  const also = (xs: AlsoRef[]) => (xs.length ? `; the same fault at: ${xs.map((x) => {
    const who = [x.subunit, x.ytd ? 'year to date' : null].filter(Boolean).join(', ');
    return `${who ? `${who}: ` : ''}${n(x.value)} (${where(x)})`;
  }).join('; ')}` : '');
  const terms = (ts: Term[], s: number) => `${ts.map((t) => `${t.name} ${n(t.value)}`).join(' + ')} = ${n(s)}`;
  const w: Wordings = {
    negative_value: (p) => `${named(p.figure)} is negative, ${n(-p.figure.value)} below zero${tail(p.at)}${also(p.also)}`,
    non_integer_count: (p) => `${named(p.figure)} has a fraction of ${n(p.fraction)}, but an indicator counted in ${p.countUnit} must be a whole number${tail(p.at)}${also(p.also)}`,
    child_exceeds_parent: (p) => p.hits.map((h) => `${named(h.child)} is larger than ${named(h.parent)}, by ${n(h.diff)}`).join('; ') + tail(p.at),
    participants_lt_sessions: (p) => `${p.hits.map((h) => `${named(h.participants)} is less than ${named(h.sessions)}, short by ${n(h.short)}`).join('; ')} (each session must have at least one participant)${tail(p.at)}`,
    sum_mismatch: (p) => p.hits.map((h) => `${named(h.total)} differs from the sum of its parts (${terms(h.parts, h.sum)}), by ${n(h.diff)}`).join('; ') + tail(p.at),
    parts_exceed_total: (p) => p.hits.map((h) => `The sum of the parts (${terms(h.parts, h.sum)}) is larger than ${named(h.total)}, by ${n(h.over)}`).join('; ') + tail(p.at),
    plan_exceeded: (p) => p.hits.map((h) => `${named(h.actual)} exceeds ${named(h.plan)}, by ${n(h.over)}${h.percent === null ? '' : ` (${n(h.percent)}% of plan)`}`).join('; ') + tail(p.at),
    rate_mismatch: (p) => p.hits.map((h) => `${named(h.rate)} differs from the rate worked out as ${named(h.numerator)} / ${named(h.denominator)} × 100 = ${n(h.computed)}%, by ${n(h.off)} percentage points`).join('; ') + tail(p.at),
    rate_out_of_range: (p) => p.hits.map((h) => {
      const by = h.below !== null ? `${n(h.below)} below 0` : `${n(h.above ?? 0)} above 100`;
      const c = h.computed ? ` (worked out from ${n(h.computed.numerator)} / ${n(h.computed.denominator)}: ${n(h.computed.rate)}%)` : '';
      return `${named(h.rate)} is outside 0–100%, ${by} percentage points${c}`;
    }).join('; ') + tail(p.at),
    ytd_decrease: (p) => `${named(p.figure)} is less than the year to date of ${periodWordsEn(p.previousPeriod)} (${n(p.previous)}), down ${n(p.drop)}${p.month === null ? '' : `; it should be ${n(p.previous)} + ${n(p.month)} this month = ${n(p.previous + p.month)}`}${tail(p.at)}`,
    ytd_mismatch: (p) => `${named(p.figure)} ${p.previous !== null ? `differs from last month's year to date ${n(p.previous)} + this month ${n(p.month)} = ${n(p.expected)}` : `differs from the January figure (${n(p.month)})`}, by ${n(p.diff)}${tail(p.at)}`,
    outlier: (p) => {
      const times = p.value > p.median ? `${n(p.value / p.median)} times` : `${n((100 * p.value) / p.median)}% of`;
      const ratio = p.median > 0 ? `, ${times} the median` : '';
      return `${p.name} (${n(p.value)}) is unusual: far from the unit's other months (median ${n(p.median)}, expected range ${n(p.low)}–${n(p.high)}${ratio}, off by ${n(p.diff)}) and from other units in the same month (median ${n(p.peersMedian)})${tail(p.at)}`;
    },
    missing_return: (p) => `No return for ${periodWordsEn(p.period)} from ${p.unitName}: no imported file has figures of this unit for the month`,
    conflicting_resubmission: (p) => {
      const parts = p.against.map((a) => `against file ${a.file}: ${a.changes.map((c) => {
        const who = [c.subunit, c.ytd ? 'year to date' : null].filter(Boolean).join(', ');
        return `${c.name}${who ? ` (${who})` : ''}: ${n(c.before)} → ${n(c.after)} (off by ${n(Math.abs(c.after - c.before))}, cell ${c.cell})`;
      }).join('; ')}`);
      return p.chosen
        ? `Two returns have different figures, file ${p.file} ${parts.join('; ')}. The figures in use are those of file ${p.file} (chosen) — ${place(p.place, false)}`
        : `A resubmitted return (file ${p.file}) has figures that differ from the earlier one, ${parts.join('; ')}. The figures in use are the later file's — ${place(p.place, false)}`;
    },
    commune_total_mismatch: (p) => `${p.hits.map((h) => `The sum of ${h.communes} communes for ${h.name}${h.ytd ? ' (year to date)' : ''} (${n(h.sum)}) differs from ${h.totalRow ? 'the total row' : "the unit's own figure"} (${n(h.total)}, ${where(h.where)}), by ${n(Math.abs(h.sum - h.total))}`).join('; ')} — ${place(p.place)}`,
    detail_summary_mismatch: (p) => p.hits.map((h) => {
      const head = `${h.kind === 'sheet' ? 'Total row' : 'Total column'} of sheet ${h.sheet}: ${h.name}${h.ytd ? ' (year to date)' : ''} (${n(h.value)}, cell ${h.cell})`;
      const against = h.kind === 'sheet' ? `sheet ${h.otherSheet} (${n(h.other)}, cell ${h.otherCell})` : `the sum of ${h.months} months (${n(h.other)})`;
      return `${head} differs from ${against}, by ${n(Math.abs(h.value - h.other))}`;
    }).join('; ') + tail(p.at),
    formula_no_cache: (p) => `Cell ${p.cell}${p.label ? ` (row “${p.label}”)` : ''} holds the formula “=${p.formula}” but the file kept no calculated result; this figure is not imported, the file's other figures are — ${p.unitName}, ${periodWordsEn(p.period)}, file ${p.file}, sheet “${p.sheet}”. Open the file in Excel or LibreOffice, save it and import it again`,
    unmapped_label: (p) => `The label “${p.label}” matches no indicator${p.suggestions.length ? ` (closest: ${p.suggestions.map((s) => `${s.name} (${s.indicator})`).join('; ')})` : ''}; the figures of ${p.places.length === 1 ? 'this row' : `${p.places.length} rows in ${p.files} files`} are not imported yet — ${p.places.map((w) => `${w.unitName}, ${periodWordsEn(w.period)}, file ${w.file}, sheet “${w.sheet}”, cell ${w.cell}`).join('; ')}`,
    'import.refused': (p) => `${[`file “${p.file}”`, p.sheet ? `sheet “${p.sheet}”` : '', p.cell ? `cell ${p.cell}` : ''].filter(Boolean).join(', ')}: ${wordMessage(p.reason, 'en')}`,
    'import.skipped': (p) => `file “${p.file}”: skipped, not a spreadsheet (${SKIPPED_EN[p.kind] ?? p.kind}); not a return, so not imported`,
    'refused.damaged': () => `the file is damaged or was not fully downloaded (the zip is cut short); ${ASK_EN} again`,
    'refused.encrypted': () => 'the file has a password and cannot be read; ask the unit to remove the password (File > Info > Protect Workbook) and send it again',
    'refused.numbers': () => `an Apple Numbers file; ${ASK_EN}, exported from Numbers with File > Export To > Excel`,
    'refused.text': () => `a plain text file, not a spreadsheet; ${ASK_EN}`,
    'refused.html': () => 'a web page (HTML) with a spreadsheet extension; open it in Excel and save it as .xlsx',
    'refused.pdf': () => `a PDF file, its figures cannot be read; ${ASK_EN}`,
    'refused.word': () => `a Word document, not a spreadsheet; ${ASK_EN}`,
    'refused.image': () => `an image, its figures cannot be read; ${ASK_EN}`,
    'refused.zip': () => 'a zip archive (.zip), not a spreadsheet; unzip it and import each Excel file',
    'refused.empty': () => 'an empty file (0 bytes); ask the unit to send it again',
    'refused.unknown': () => `the file format is not recognised (not an Excel spreadsheet); ${ASK_EN}`,
    'refused.zip-guard': (p) => `${ZIP_EN[p.problem] ?? p.problem}; the file is not read (${p.detail})`,
    'refused.xml-doctype': (p) => `part “${p.part}” of the file declares a DOCTYPE/ENTITY (an “XML bomb”); the file is not read`,
    'refused.too-large': (p) => `the file is ${p.megabytes.toFixed(1)} MB, over the ${p.limit} MB limit for a return`,
    'refused.zip-entry-too-large': (p) => `a part of the file unpacks to more than ${p.limit} MB (possibly a “zip bomb”); the file is not read`,
    'refused.too-many-sheets': (p) => `the file has ${p.count} sheets, over the limit of ${p.limit}`,
    'refused.too-many-merges': (p) => `the sheet has ${p.count} merged ranges, over the limit of ${p.limit}`,
    'refused.too-many-cells': (p) => `the file has too many cells with data (limit ${p.limit})`,
    'refused.too-slow': (p) => `reading the file took over ${p.seconds} seconds and was stopped; the file may be too large or damaged`,
    'refused.too-slow-sheet': (p) => `reading the file took over ${p.seconds} seconds, stopped`,
    'refused.unreadable': (p) => `the file cannot be read (${p.detail})`,
    'refused.unreadable-content': (p) => `the spreadsheet's content cannot be read (${p.detail})`,
    'refused.internal': (p) => `error while reading the file: ${p.detail}`,
    'refused.other': (p) => `refused (in Vietnamese: ${p.vi})`,
    'refused.empty-workbook': () => 'the file has no data (the workbook is empty)',
    'refused.no-table': () => 'no table of figures found: a header row needs a “Nội dung”/“Chỉ tiêu” (or “Đơn vị”) column and figure columns (“Trong tháng”, “Lũy kế”, “Tháng 1”...)',
    'refused.formula-no-cache': (p) => `cell ${p.cell} has the formula “=${p.formula}” but the file keeps no calculated result; open the file in Excel or LibreOffice, save it and send it again`,
    'refused.period-unknown': () => 'the reporting period (month/quarter/year) cannot be told from the title, file name or sheet name; write it out, e.g. “tháng 5 năm 2023”',
    'refused.unit-ambiguous': (p) => `the unit name in the ${EVIDENCE_EN[p.evidence]} matches several units (${p.units.map((u) => `${u.name} ${u.code}`).join(', ')}); choose the unit for this file`,
    'refused.unit-unknown': () => 'the reporting unit cannot be told: the title has no “CÔNG AN HUYỆN/XÃ ...” line, and the file and sheet names hold no unit name or code',
    'refused.unit-not-valid': (p) => `unit code ${p.code} did not exist in the reporting period (${p.month})`,
    'note.duplicate': (p) => `the same content as file “${p.of}”, already imported; not imported again`,
    'note.hidden-sheet': (p) => `sheet “${p.sheet}” is hidden; not read`,
    'note.period-conflict': (p) => `the period in the title (${seenEn(p.title)}) differs from the one in the file name (${seenEn(p.file)}); the title's is used`,
    'note.unit-conflict': (p) => `the unit by the ${EVIDENCE_EN[p.evidence]} is ${p.unit.name} (${p.unit.code}) but by the ${EVIDENCE_EN[p.other]} it is ${p.otherUnit.name} (${p.otherUnit.code}); the ${EVIDENCE_EN[p.evidence]} is used`,
    'note.ignored-column': (p) => `sheet “${p.sheet}”: column ${p.column} (“${p.header}”) skipped, not a figure of the reporting period`,
    'note.cell-skipped': (p) => `sheet “${p.sheet}”, cell ${p.cell}: ${p.why}; this figure is not imported`,
    'note.held': (p) => `period ${p.periods.join(', ')} is approved and locked: the return is stored and held, and changes no figure until a reviewer takes it in`,
    'note.other': (p) => `note (in Vietnamese): ${p.vi}`,
    'note.hidden-row': (p) => `sheet “${p.sheet}”: row ${p.row} (“${p.label}”) is hidden; its figures are not imported`,
  };
  return w;
})();

const WORDINGS: Record<Lang, Wordings> = { vi, en };

/** Every code there is, for tests and for checking stored codes. */
export const MESSAGE_CODES = Object.keys(vi) as MessageCode[];

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(vi, code);
}

/** A stored code and its JSON parameters as a message; null where there is no code or it is unknown. */
export function messageOf(code: string | null, params: string | null): Message | null {
  if (!code || !isMessageCode(code) || params === null) return null;
  return { code, params: JSON.parse(params) as unknown } as Message;
}

/** A whole message stored as JSON; null where there is none or its code is unknown. */
export function messageFromJson(json: string | null): Message | null {
  if (!json) return null;
  const m = JSON.parse(json) as { code?: unknown; params?: unknown };
  return typeof m.code === 'string' && isMessageCode(m.code) && typeof m.params === 'object' && m.params !== null ? (m as Message) : null;
}

/** The message in words, in a language. */
export function wordMessage(m: Message, lang: Lang = 'vi'): string {
  const word = WORDINGS[lang][m.code] as (p: Message['params']) => string;
  return word(m.params);
}
