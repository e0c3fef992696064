/**
 * Sign-off (as DHIS2's data approval): a reviewer approves a unit's period, or the province's, once
 * its flags are resolved, or with a reason while some stay open. An approved period is locked: a
 * return arriving for it is held until a reviewer takes it in. Unlocking is its own decision with a
 * reason. Each is a row of the append-only approvals table and an entry on the audit log.
 */
import type { Database } from '../store/db';
import { periodLabel } from '../reconcile/format';
import { insertApproval, isLocked, latestApproval } from '../store/queries/approvals';
import { appendAudit } from '../store/queries/audit';
import { countFlagTotals } from '../store/queries/flags';
import { fileById, releaseFile, setReceivedAt, supersedeEarlier } from '../store/queries/files';
import { unitAt } from '../store/queries/typed-returns';
import { ReviewError } from './resolve-flag';

export interface PeriodDecision { unit?: string | undefined; period: string; user: string; reason?: string | undefined }

/** "Huyện Quế Phong, tháng 6/2023", or "Toàn tỉnh, tháng 6/2023". */
function whose(db: Database, unit: string | undefined, period: string): string {
  if (!unit) return `Toàn tỉnh, ${periodLabel(period)}`;
  const u = unitAt(db, unit, `${/^\d{4}-\d{2}$/.test(period) ? period : `${period.slice(0, 4)}-01`}-01`);
  if (!u) throw new ReviewError(`Không có đơn vị mã “${unit}” trong danh mục`);
  return `${u.name}, ${periodLabel(period)}`;
}

const latest = (db: Database, unit: string | undefined, period: string) => latestApproval(db, unit ?? null, period);

export function approvePeriod(db: Database, d: PeriodDecision, at: string): { openFlags: number } {
  const target = whose(db, d.unit, d.period);
  if (latest(db, d.unit, d.period) === 'approve') throw new ReviewError(`${target} đã được duyệt`);
  const open = countFlagTotals(db, { status: 'open', period: d.period, ...(d.unit ? { unit: d.unit } : {}) }).open;
  const reason = d.reason?.trim() || null;
  if (open > 0 && !reason) throw new ReviewError(`${target} còn ${open} cảnh báo chưa xử lý: cần ghi lý do để duyệt`);
  db.transaction(() => {
    insertApproval(db, { unit: d.unit ?? null, period: d.period, action: 'approve', user: d.user, at, reason, openFlags: open });
    appendAudit(db, { at, user: d.user, action: 'approve-period', target: `Duyệt và khóa số liệu — ${target}`, oldValue: null, newValue: open > 0 ? `còn ${open} cảnh báo mở` : null, reason });
  })();
  return { openFlags: open };
}

export function unlockPeriod(db: Database, d: PeriodDecision, at: string): void {
  const target = whose(db, d.unit, d.period);
  if (latest(db, d.unit, d.period) !== 'approve') throw new ReviewError(`${target} chưa được duyệt nên không có gì để mở khóa`);
  const reason = d.reason?.trim();
  if (!reason) throw new ReviewError('Mở khóa cần ghi lý do');
  db.transaction(() => {
    insertApproval(db, { unit: d.unit ?? null, period: d.period, action: 'unlock', user: d.user, at, reason, openFlags: 0 });
    appendAudit(db, { at, user: d.user, action: 'unlock-period', target: `Mở khóa số liệu — ${target}`, oldValue: null, newValue: null, reason });
  })();
}

/** A held return taken in: its figures count from now on, superseding the unit's earlier returns for the same periods. */
export function takeIn(db: Database, fileId: number, user: string, reason: string, at: string): string {
  const f = fileById(db, fileId);
  if (!f || f.outcome !== 'imported') throw new ReviewError(`Không có báo cáo số ${fileId}`);
  if (!f.held) throw new ReviewError(`Báo cáo “${f.name}” không ở trạng thái giữ lại`);
  if (!reason.trim()) throw new ReviewError('Tiếp nhận báo cáo bị giữ cần ghi lý do');
  db.transaction(() => {
    releaseFile(db, fileId);
    // A typed return adds to what the unit sent; a file replaces the unit's earlier file for its periods.
    if (f.unitId !== null && f.sourceKind === 'file') supersedeEarlier(db, fileId, f.unitId);
    appendAudit(db, { at, user, action: 'take-in', target: `Tiếp nhận báo cáo bị giữ “${f.name}”${f.unit ? ` (đơn vị ${f.unit})` : ''}`, oldValue: 'giữ lại', newValue: 'đã tiếp nhận', reason });
  })();
  return f.unit ?? '';
}

/** The day a file arrived, set after its import; the audit log keeps the day it replaced. */
export function changeReceivedAt(db: Database, fileId: number, day: string, user: string, reason: string | undefined, at: string): string | null {
  const f = fileById(db, fileId);
  if (!f) throw new ReviewError(`Không có báo cáo số ${fileId}`);
  db.transaction(() => {
    setReceivedAt(db, fileId, day);
    appendAudit(db, { at, user, action: 'set-received-at', target: `Ngày nhận báo cáo “${f.name}”`, oldValue: f.receivedAt, newValue: day, reason: reason?.trim() || null });
  })();
  return f.unit;
}

export { isLocked };
