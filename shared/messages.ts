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
  conflicting_resubmission: { file: string; against: { file: string; changes: { name: string; subunit: string | null; ytd: boolean; before: number; after: number; cell: string }[] }[]; place: PlaceRef };
  commune_total_mismatch: { hits: { communes: number; name: string; ytd: boolean; sum: number; totalRow: boolean; total: number; where: CellRef }[]; place: PlaceRef };
  detail_summary_mismatch: { hits: DetailHit[]; at: At };
  unmapped_label: { label: string; suggestions: { name: string; indicator: string }[]; unitName: string; period: string; file: string; sheet: string; cell: string };
}

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
      return `Báo cáo gửi lại (tệp ${p.file}) có số liệu khác báo cáo trước, ${parts.join('; ')}. Số liệu đang dùng là của tệp gửi sau — ${place(p.place, false)}`;
    },
    commune_total_mismatch: (p) => `${p.hits.map((h) => `Tổng ${h.communes} đơn vị cấp xã của ${h.name}${h.ytd ? ' lũy kế' : ''} (${n(h.sum)}) khác ${h.totalRow ? 'dòng tổng cộng' : 'số của đơn vị'} (${n(h.total)}, ${where(h.where)}), chênh ${n(Math.abs(h.sum - h.total))}`).join('; ')} — ${place(p.place)}`,
    detail_summary_mismatch: (p) => p.hits.map((h) => {
      const head = `${h.kind === 'sheet' ? 'Dòng tổng cộng' : 'Cột tổng'} trang ${h.sheet}: ${h.name}${h.ytd ? ' lũy kế' : ''} (${n(h.value)}, ô ${h.cell})`;
      const against = h.kind === 'sheet' ? `trang ${h.otherSheet} (${n(h.other)}, ô ${h.otherCell})` : `tổng ${h.months} tháng (${n(h.other)})`;
      return `${head} khác ${against}, chênh ${n(Math.abs(h.value - h.other))}`;
    }).join('; ') + tail(p.at),
    unmapped_label: (p) => `Nhãn “${p.label}” chưa khớp chỉ tiêu nào${p.suggestions.length ? ` (gần nhất: ${p.suggestions.map((s) => `${s.name} (${s.indicator})`).join('; ')})` : ''}; số liệu của dòng này chưa được nhập — ${p.unitName}, ${periodWordsVi(p.period)}, tệp ${p.file}, trang “${p.sheet}”, ô ${p.cell}`,
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
      return `A resubmitted return (file ${p.file}) has figures that differ from the earlier one, ${parts.join('; ')}. The figures in use are the later file's — ${place(p.place, false)}`;
    },
    commune_total_mismatch: (p) => `${p.hits.map((h) => `The sum of ${h.communes} communes for ${h.name}${h.ytd ? ' (year to date)' : ''} (${n(h.sum)}) differs from ${h.totalRow ? 'the total row' : "the unit's own figure"} (${n(h.total)}, ${where(h.where)}), by ${n(Math.abs(h.sum - h.total))}`).join('; ')} — ${place(p.place)}`,
    detail_summary_mismatch: (p) => p.hits.map((h) => {
      const head = `${h.kind === 'sheet' ? 'Total row' : 'Total column'} of sheet ${h.sheet}: ${h.name}${h.ytd ? ' (year to date)' : ''} (${n(h.value)}, cell ${h.cell})`;
      const against = h.kind === 'sheet' ? `sheet ${h.otherSheet} (${n(h.other)}, cell ${h.otherCell})` : `the sum of ${h.months} months (${n(h.other)})`;
      return `${head} differs from ${against}, by ${n(Math.abs(h.value - h.other))}`;
    }).join('; ') + tail(p.at),
    unmapped_label: (p) => `The label “${p.label}” matches no indicator${p.suggestions.length ? ` (closest: ${p.suggestions.map((s) => `${s.name} (${s.indicator})`).join('; ')})` : ''}; the figures of this row are not imported yet — ${p.unitName}, ${periodWordsEn(p.period)}, file ${p.file}, sheet “${p.sheet}”, cell ${p.cell}`,
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

/** The message in words, in a language. */
export function wordMessage(m: Message, lang: Lang = 'vi'): string {
  const word = WORDINGS[lang][m.code] as (p: Message['params']) => string;
  return word(m.params);
}
