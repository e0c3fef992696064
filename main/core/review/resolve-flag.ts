/**
 * A reviewer's decision on a flag, in one transaction with its audit entry:
 *   accept   the figures stand as they are (reason required); resolved while they don't change;
 *   correct  a new value for one figure of the flag; the value as read stays in history;
 *   choose   which of two submissions stands for the unit and period.
 */
import { CodedError, type ErrorCode } from '../../../shared/errors';
import type { Database } from '../store/db';
import type { Flag, FlagFigure } from '../../../shared/types';
import { ruleWords } from '../reconcile/rule-names';
import { measureLabel, periodLabel } from '../reconcile/format';
import { appendAudit } from '../store/queries/audit';
import { indicatorName } from '../store/queries/indicators';
import { unitNameAt } from '../store/queries/units';
import { figureAt, importedFile, insertChoice, insertCorrection, insertReopening, insertResolution } from '../store/queries/decisions';
import { getFlag, standingResolution } from '../store/queries/flags';

export interface Resolution {
  flagId: string;
  action: 'accept' | 'correct' | 'choose';
  reason: string;
  user: string;
  /** correct: the new value; and which figure, by its cell ("D15", or "Sheet!D15"), else the flag's first. */
  value?: number;
  cell?: string;
  /** choose: the file (name) that stands, and its id where two files share a name. */
  file?: string;
  fileId?: number;
}

export class ReviewError extends CodedError {
  constructor(message: string, code: ErrorCode = 'invalid-state') { super(code, message); }
}

/** Records the decision; returns the flag's unit, the one whose figures may have changed. */
/**
 * Records the decision; returns the flag's unit, the one whose figures may have changed. The flag's
 * state is read inside the (immediate) transaction that writes: a second submission of the same
 * decision, from this window or another process, finds the flag resolved and is refused.
 */
export function resolveFlag(db: Database, r: Resolution, at: string): string {
  if (!r.reason.trim()) throw new ReviewError('Cần ghi lý do cho quyết định');
  return db.transaction(() => {
    const flag = getFlag(db, r.flagId);
    if (!flag) throw new ReviewError(`Không có cảnh báo mã “${r.flagId}” (có thể đã hết sau lần kiểm tra gần nhất)`, 'not-found');
    if (flag.decision) throw new ReviewError(alreadyDecided(flag.decision));
    if (r.action === 'accept') accept(db, flag, r, at);
    else if (r.action === 'correct') correct(db, flag, r, at);
    else choose(db, flag, r, at);
    return flag.unit;
  }).immediate();
}

const ACTION_WORDS = { accept: 'chấp nhận', correct: 'sửa số liệu', choose: 'chọn bản báo cáo' } as const;

function alreadyDecided(d: NonNullable<Flag['decision']>): string {
  return `Cảnh báo này đã được xử lý (${ACTION_WORDS[d.action]}, ${d.user}, ${d.at.slice(0, 16).replace('T', ' ')}). Quyết định không ghi lần thứ hai; muốn quyết định lại, hãy mở lại cảnh báo kèm lý do.`;
}

/** A resolved flag opened again, with why; the resolution stays on record. Returns the flag's unit. */
export function reopenFlag(db: Database, o: { flagId: string; reason: string; user: string }, at: string): string {
  if (!o.reason.trim()) throw new ReviewError('Cần ghi lý do mở lại cảnh báo');
  return db.transaction(() => {
    const flag = getFlag(db, o.flagId);
    if (!flag) throw new ReviewError(`Không có cảnh báo mã “${o.flagId}” (có thể đã hết sau lần kiểm tra gần nhất)`);
    const standing = standingResolution(db, flag.id, flag.signature);
    if (!standing) throw new ReviewError('Cảnh báo này đang mở, không có quyết định nào để mở lại');
    const id = insertReopening(db, { resolutionId: standing.id, flagId: flag.id, user: o.user, at, reason: o.reason });
    appendAudit(db, {
      at, user: o.user, action: 'reopen-flag', target: `Mở lại cảnh báo — ${acceptedTarget(db, flag).replace(/^Chấp nhận cảnh báo /, '')}`, oldValue: null, newValue: null, reason: o.reason,
      unit: flag.unit, period: flag.period, flagId: flag.id, detail: { rule: flag.rule, message: flag.message, reopened: standing.action }, decision: { table: 'flag_reopenings', id },
    });
    return flag.unit;
  }).immediate();
}

function accept(db: Database, flag: Flag & { signature: string }, r: Resolution, at: string): void {
  const id = insertResolution(db, { flagId: flag.id, signature: flag.signature, action: 'accept', user: r.user, at, reason: r.reason });
  appendAudit(db, {
    at, user: r.user, action: 'accept-flag', target: acceptedTarget(db, flag), oldValue: null, newValue: null, reason: r.reason,
    unit: flag.unit, period: flag.period, flagId: flag.id, detail: { rule: flag.rule, message: flag.message }, decision: { table: 'resolutions', id },
  });
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

function correct(db: Database, flag: Flag & { signature: string }, r: Resolution, at: string): void {
  if (r.value === undefined || !Number.isFinite(r.value)) throw new ReviewError('Sửa số liệu cần giá trị mới');
  const target = pickFigure(flag.figures, r.cell);
  if (!target) throw new ReviewError(`Cảnh báo không có số liệu ở ô “${r.cell}”`);
  if (r.value === target.value) throw new ReviewError(`Ô ${target.cell} đã có giá trị ${target.value}: không có gì để sửa`);
  const row = figureAt(db, { ...(target.fileId !== undefined ? { id: target.fileId } : {}), name: target.file }, target.sheet, target.cell);
  if (!row) throw new ReviewError('Không tìm thấy số liệu gốc của cảnh báo');
  const id = insertCorrection(db, { figureId: row.id, value: r.value, oldValue: target.value, user: r.user, at, reason: r.reason, flagId: flag.id });
  // The flag as decided is kept with a resolution: where the correction makes it go away, it stays listed, resolved.
  const resolution = insertResolution(db, { flagId: flag.id, signature: flag.signature, action: 'correct', user: r.user, at, reason: r.reason });
  appendAudit(db, {
    at, user: r.user, action: 'correct-figure', target: correctedTarget(db, flag.unit, target), oldValue: String(target.value), newValue: String(r.value), reason: r.reason,
    unit: flag.unit, period: target.period, flagId: flag.id, indicator: target.indicator, fileId: target.fileId ?? null,
    detail: { measure: target.measure, subunit: target.subunit, file: target.file, sheet: target.sheet, cell: target.cell }, decision: { table: 'corrections', id }, also: [{ table: 'resolutions', id: resolution }],
  });
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
  const names = [...new Set(flag.figures.map((f) => f.file))];
  const byId = r.fileId !== undefined ? flag.figures.find((f) => f.fileId === r.fileId) : undefined;
  if ((!r.file || !names.includes(r.file)) && !byId) throw new ReviewError(`Chọn bản báo cáo cần tên một trong các tệp: ${names.join(', ')}`);
  // Each of the flag's files once, by id where the flag knows it (two submissions may share a name).
  const files = [...new Map(flag.figures.map((f) => [f.fileId ?? f.file, f])).values()]
    .map((f) => ({ figure: f, row: importedFile(db, { ...(f.fileId !== undefined ? { id: f.fileId } : {}), name: f.file }) }))
    .filter((x): x is { figure: FlagFigure; row: NonNullable<typeof x.row> } => x.row !== undefined);
  const chosen = byId ? files.find((x) => x.row.id === r.fileId) : files.find((x) => x.row.name === r.file && x.figure.inUse === false) ?? files.find((x) => x.row.name === r.file);
  if (!chosen) throw new ReviewError('Không tìm thấy tệp được chọn trong kho');
  const before = files.find((x) => x.figure.inUse)?.row.name ?? '';
  const id = insertChoice(db, { unitId: chosen.row.unitId, period: flag.period, fileId: chosen.row.id, files: files.map((x) => x.row.id), flagId: flag.id, user: r.user, at, reason: r.reason });
  const resolution = insertResolution(db, { flagId: flag.id, signature: flag.signature, action: 'choose', user: r.user, at, reason: r.reason });
  appendAudit(db, {
    at, user: r.user, action: 'choose-submission', target: `Chọn bản báo cáo ${chosen.row.name} — đơn vị ${flag.unit}, ${periodLabel(flag.period)}`, oldValue: before, newValue: chosen.row.name, reason: r.reason,
    unit: flag.unit, period: flag.period, flagId: flag.id, fileId: chosen.row.id,
    // The files set aside by name too: the log's reader sees both sides of the choice.
    detail: { file: chosen.row.name, setAside: files.filter((x) => x.row.id !== chosen.row.id).map((x) => x.row.name).join(', ') || null },
    decision: { table: 'submission_choices', id }, also: [{ table: 'resolutions', id: resolution }],
  });
}
