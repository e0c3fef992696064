/**
 * The role of a column from its heading text (all heading rows above it joined): STT, label,
 * unit of measure, a code (Mã số), within-period (an estimate marked as one), year-to-date, a
 * month, a total, a note, or one of the standard columns of statistical forms that are read to
 * check, never stored as the period's figures: the yearly plan, the previous period, the same
 * period last year, a comparison in % and a difference. A column we cannot tell is said, never guessed.
 */
import { foldCase, stripDiacritics } from '../text/clean-text';
import { memo } from '../text/memo';

export type ColumnRole =
  | { kind: 'stt' } | { kind: 'label' } | { kind: 'entity' } | { kind: 'unit' } | { kind: 'note' } | { kind: 'code' }
  | { kind: 'period'; estimate?: boolean } | { kind: 'ytd' } | { kind: 'month'; month: number; year: number | null; estimate?: boolean }
  | { kind: 'total' } | CheckRole | { kind: 'day'; day: number } | { kind: 'ignored'; why: string } | { kind: 'unknown' };

/** Columns read to check the figures, never stored as the period's: plan, previous period, same period last year, % and difference. */
export type CheckRole =
  | { kind: 'plan' } | { kind: 'previous' } | { kind: 'last-year' }
  | { kind: 'percent'; of: Comparator | null } | { kind: 'difference'; of: Comparator | null };
export type Comparator = 'plan' | 'previous' | 'last-year';

/** What a "so với ..." heading compares the period with. */
function comparatorOf(s: string): Comparator | null {
  if (/cung ky|nam truoc/.test(s)) return 'last-year';
  if (/ke hoach|\bkh\b/.test(s)) return 'plan';
  if (/(thang|ky|quy) truoc/.test(s)) return 'previous';
  return null;
}

export const asciiFold = memo((s: string) => stripDiacritics(foldCase(s)).replace(/[^a-z0-9%/ ]+/g, ' ').replace(/\s+/g, ' ').trim());

const RULES: [RegExp, (m: RegExpExecArray) => ColumnRole][] = [
  [/^(stt|tt|so tt|so thu tu)$/, () => ({ kind: 'stt' })],
  [/ghi chu/, () => ({ kind: 'note' })],
  [/^(dvt|don vi tinh|dv tinh|don vi do|dvt\/)$/, () => ({ kind: 'unit' })],
  [/^(ma so|ma|ma chi tieu|ma so chi tieu)$/, () => ({ kind: 'code' })],
  [/(noi dung|chi tieu|danh muc|linh vuc|hang muc|ten chi tieu)/, () => ({ kind: 'label' })],
  [/^(ten )?(don vi|xa|phuong|xa phuong( thi tran)?|dia ban|don vi cap xa|cong an xa|ca xa|ten xa)( phuong| thi tran)*$/, () => ({ kind: 'entity' })],
  // Before the year-to-date: "Lũy kế cùng kỳ năm trước" is last year's, read to check only.
  [/(so sanh|ty le %|^%|\(%\)|% so voi|ty le so voi)/, (m) => ({ kind: 'percent', of: comparatorOf(m.input) })],
  [/(\btang\b|\bgiam\b|chenh lech)/, (m) => ({ kind: 'difference', of: comparatorOf(m.input) })],
  [/(cung ky|nam truoc)/, () => ({ kind: 'last-year' })],
  [/(ke hoach|chi tieu giao|muc tieu nam)/, () => ({ kind: 'plan' })],
  [/((?:thang|ky|quy) truoc)/, () => ({ kind: 'previous' })],
  [/(luy ke|cong don|tu dau nam|luy tien)/, () => ({ kind: 'ytd' })],
  [/(so voi)/, (m) => ({ kind: 'ignored', why: m[1]! })],
  [/(?:^|\s)(?:thang|t)\s*(\d{1,2})(?:\s*[/.-]\s*((?:19|20)\d{2}))?$/, (m) => monthRole(m)],
  [/^ngay\s*(\d{1,2})$/, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 31 ? { kind: 'day', day: Number(m[1]) } : { kind: 'unknown' })],
  [/(tong cong|tong so|^tong$|^cong\b|\bcong \d+ thang|ca nam|\d+ thang|^quy\b)/, () => ({ kind: 'total' })],
  [/(trong thang|ky nay|trong ky|thang nay|phat sinh|thuc hien thang|so lieu thang|ket qua thang|ket qua|so lieu|so luong|thuc hien|gia tri)/, () => ({ kind: 'period' })],
];

function monthRole(m: RegExpExecArray): ColumnRole {
  const month = Number(m[1]);
  if (month < 1 || month > 12) return { kind: 'unknown' };
  return { kind: 'month', month, year: m[2] ? Number(m[2]) : null };
}

export const classifyHeading = memo(classify);

function classify(text: string): ColumnRole {
  const s = asciiFold(text);
  if (!s) return { kind: 'unknown' };
  // The last heading row decides first ("Kết quả / Lũy kế" is year-to-date); the whole text second.
  for (const [re, make] of RULES) {
    const m = re.exec(s);
    if (!m) continue;
    const role = make(m);
    // "Ước thực hiện tháng 3": the period's figure, marked as an estimate.
    if ((role.kind === 'period' || role.kind === 'month') && /\buoc\b/.test(s)) return { ...role, estimate: true };
    return role;
  }
  return { kind: 'unknown' };
}

export function isCheckRole(role: ColumnRole): role is CheckRole {
  return ['plan', 'previous', 'last-year', 'percent', 'difference'].includes(role.kind);
}

export function isValueRole(role: ColumnRole): boolean {
  return role.kind === 'period' || role.kind === 'ytd' || role.kind === 'month' || role.kind === 'total';
}

const END_OF_TABLE = /^(noi nhan|nguoi lap|thu truong|truong cong an|pho truong|lanh dao|xac nhan|ky ten|tm\.|kt\.|tl\.)/;
export function isEndOfTable(label: string): boolean {
  return END_OF_TABLE.test(asciiFold(label));
}

const TOTAL_ROW = /^(tong cong|tong so|tong|cong|toan huyen|toan thi xa|toan thanh pho|toan tinh|toan don vi|tong toan huyen)$/;
export function isTotalRow(name: string): boolean {
  return TOTAL_ROW.test(asciiFold(name));
}
