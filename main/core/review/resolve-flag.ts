/**
 * A reviewer's decision on a flag, in one transaction with its audit entry:
 *   accept   the figures stand as they are (reason required); resolved while they don't change;
 *   correct  a new value for one figure of the flag; the value as read stays in history;
 *   choose   which of two submissions stands for the unit and period.
 */
import type { Database } from 'better-sqlite3';
import type { Flag, FlagFigure } from '../../../shared/types';
import { ruleWords } from '../reconcile/rule-names';
import { measureLabel, periodLabel } from '../reconcile/format';
import { appendAudit } from '../store/queries/audit';
import { indicatorName } from '../store/queries/indicators';
import { unitNameAt } from '../store/queries/units';
import { stmt } from '../store/statements';
import { getFlag } from '../store/queries/flags';

export interface Resolution {
  flagId: string;
  action: 'accept' | 'correct' | 'choose';
  reason: string;
  user: string;
  /** correct: the new value; and which figure, by its cell ("D15", or "Sheet!D15"), else the flag's first. */
  value?: number;
  cell?: string;
  /** choose: the file (name) that stands. */
  file?: string;
}

export class ReviewError extends Error {}

/** Records the decision; returns the flag's unit, the one whose figures may have changed. */
export function resolveFlag(db: Database, r: Resolution, at: string): string {
  const flag = getFlag(db, r.flagId);
  if (!flag) throw new ReviewError(`Không có cảnh báo mã “${r.flagId}” (có thể đã hết sau lần kiểm tra gần nhất)`);
  if (!r.reason.trim()) throw new ReviewError('Cần ghi lý do cho quyết định');
  db.transaction(() => {
    if (r.action === 'accept') accept(db, flag, r, at);
    else if (r.action === 'correct') correct(db, flag, r, at);
    else choose(db, flag, r, at);
  })();
  return flag.unit;
}

function accept(db: Database, flag: Flag & { signature: string }, r: Resolution, at: string): void {
  stmt(db, 'INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES (?, ?, ?, ?, ?, ?)').run(flag.id, flag.signature, 'accept', r.user, at, r.reason);
  appendAudit(db, { at, user: r.user, action: 'accept-flag', target: acceptedTarget(db, flag), oldValue: null, newValue: null, reason: r.reason });
}

/**
 * What an acceptance is about, in words a reader of the log needs no code book for:
 * "Chấp nhận cảnh báo “Vượt kế hoạch năm” — Huyện Quế Phong, tháng 4/2023: <message>".
 * Entries written before this wording ("rule unit period: message") stay as they were.
 */
export function acceptedTarget(db: Database, flag: Flag): string {
  const unit = unitNameAt(db, flag.unit, periodStart(flag.period)) ?? `đơn vị ${flag.unit}`;
  // Quotes within the quoted rule name become single ones, so the reader sees where the name ends.
  const rule = ruleWords(flag.rule).replace(/“([^”]*)”/g, '‘$1’');
  return `Chấp nhận cảnh báo “${rule}” — ${unit}, ${periodLabel(flag.period)}: ${flag.message}`;
}

/** "2023-04" -> "2023-04-01", "2023-Q2" -> "2023-04-01", "2023" -> "2023-01-01": the day the unit must have existed. */
function periodStart(period: string): string {
  const [year, part = '01'] = period.split('-') as [string, string?];
  const month = /^\d{2}$/.test(part) ? Number(part) : part.startsWith('Q') ? 3 * Number(part[1]) - 2 : part === 'H2' ? 7 : 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function correct(db: Database, flag: Flag, r: Resolution, at: string): void {
  if (r.value === undefined || !Number.isFinite(r.value)) throw new ReviewError('Sửa số liệu cần giá trị mới');
  const target = pickFigure(flag.figures, r.cell);
  if (!target) throw new ReviewError(`Cảnh báo không có số liệu ở ô “${r.cell}”`);
  // The file by its name (index files_name), then its figures (index figures_file): never a scan of every figure.
  const row = stmt(db, `SELECT fg.id FROM files f CROSS JOIN figures fg ON fg.file_id = f.id
    WHERE f.name = ? AND fg.sheet = ? AND fg.cell = ? AND f.outcome = 'imported' AND f.held = 0 ORDER BY f.id DESC LIMIT 1`).get(target.file, target.sheet, target.cell) as { id: number } | undefined;
  if (!row) throw new ReviewError('Không tìm thấy số liệu gốc của cảnh báo');
  stmt(db, 'INSERT INTO corrections (figure_id, value, old_value, user, at, reason, flag_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(row.id, r.value, target.value, r.user, at, r.reason, flag.id);
  appendAudit(db, { at, user: r.user, action: 'correct-figure', target: correctedTarget(db, flag.unit, target), oldValue: String(target.value), newValue: String(r.value), reason: r.reason });
}

/**
 * Which figure was corrected, in words: "Sửa số liệu “Số người lầm lỗi…” (trong kỳ) — Huyện Thanh
 * Chương, tháng 2/2023 (tệp …, trang “T2”, ô D27)". Entries written before this wording
 * ("428 2023-02 LL_GIUPDO period (tệp …)") stay as they were; the audit screen rewords them.
 */
function correctedTarget(db: Database, unitCode: string, f: FlagFigure): string {
  const unit = unitNameAt(db, unitCode, periodStart(f.period)) ?? `đơn vị ${unitCode}`;
  const who = f.subunit ? `${f.subunit}, ${unit}` : unit;
  return `Sửa số liệu “${indicatorName(db, f.indicator)}” (${measureLabel(f.measure)}) — ${who}, ${periodLabel(f.period)} (tệp ${f.file}, trang “${f.sheet}”, ô ${f.cell})`;
}

function pickFigure(figures: FlagFigure[], cell?: string): FlagFigure | undefined {
  if (!cell) return figures.find((f) => f.indicator !== '');
  return figures.find((f) => f.cell === cell || `${f.sheet}!${f.cell}` === cell);
}

function choose(db: Database, flag: Flag & { signature: string }, r: Resolution, at: string): void {
  const files = [...new Set(flag.figures.map((f) => f.file))];
  if (!r.file || !files.includes(r.file)) throw new ReviewError(`Chọn bản báo cáo cần tên một trong các tệp: ${files.join(', ')}`);
  const ids = new Map(files.map((name) => [name, (stmt(db, "SELECT id, superseded_by FROM files WHERE name = ? AND outcome = 'imported' AND held = 0 ORDER BY id DESC LIMIT 1").get(name) as { id: number; superseded_by: number | null })]));
  const chosen = ids.get(r.file)!;
  const before = files.find((n) => ids.get(n)!.superseded_by === null) ?? '';
  for (const [name, f] of ids) stmt(db, 'UPDATE files SET superseded_by = ? WHERE id = ?').run(name === r.file ? null : chosen.id, f.id);
  stmt(db, 'INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES (?, ?, ?, ?, ?, ?)').run(flag.id, flag.signature, 'choose', r.user, at, r.reason);
  appendAudit(db, { at, user: r.user, action: 'choose-submission', target: `${flag.unit} ${flag.period}`, oldValue: before, newValue: r.file, reason: r.reason });
}
