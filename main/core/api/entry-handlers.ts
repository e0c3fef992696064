/** Typed returns, sign-off and lock, held returns taken in, the day a return arrived, deadlines. */
import type { Api } from '../../../shared/api';
import { DEFAULT_DEADLINES, PERIOD_TYPES } from '../../../shared/deadlines';
import type { PeriodType } from '../../../shared/types';
import { approvePeriod, changeReceivedAt, isLocked, takeIn, unlockPeriod } from '../review/approve-period';
import { enterFigures } from '../review/enter-figures';
import { listApprovals } from '../store/queries/approvals';
import { appendAudit } from '../store/queries/audit';
import { saveDeadline, savedDeadlines } from '../store/queries/deadlines';
import { listFigures } from '../store/queries/figures';
import { standingYtd } from '../store/queries/typed-returns';
import type { CoreContext } from './context';

type EntryHandlers = Pick<Api, 'getEntryForm' | 'enterFigures' | 'approvePeriod' | 'unlockPeriod' | 'listApprovals' | 'takeIn' | 'setReceivedAt' | 'getDeadlines' | 'saveDeadlines'>;

/** "2023-06" -> "2023-05"; January has no month before it in the year (year-to-date starts again). */
function previousMonth(period: string): string | null {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m > 1 ? `${y}-${String(m - 1).padStart(2, '0')}` : null;
}

export function entryHandlers(ctx: CoreContext): EntryHandlers {
  const { db, checker, now, catalog } = ctx;
  const known = new Set(catalog.indicators.map((i) => i.code));
  const deadlines = () => ({ ...DEFAULT_DEADLINES, ...savedDeadlines(db) });
  return {
    async getEntryForm({ unit, period }) {
      const current: Record<string, number> = {};
      for (const f of listFigures(db, { unit, period, effective: true })) if (f.subunit === null) current[`${f.indicator}:${f.measure}`] = f.value;
      const before = previousMonth(period);
      return { unit, period, current, previousYtd: before ? standingYtd(db, unit, before) : {}, locked: isLocked(db, unit, period) };
    },
    async enterFigures(args) {
      const out = enterFigures(db, args, now(), (code) => known.has(code));
      // A held return changes nothing: no check to run until a reviewer takes it in.
      if (!out.held && out.entered + out.corrected > 0) await checker.units([out.unit], true);
      return out;
    },
    async approvePeriod(args) {
      return approvePeriod(db, args, now());
    },
    async unlockPeriod(args) {
      unlockPeriod(db, args, now());
      return { unlocked: true };
    },
    async listApprovals({ period }) {
      return listApprovals(db, period);
    },
    async takeIn({ fileId, user, reason }) {
      const unit = takeIn(db, fileId, user, reason, now());
      if (unit) await checker.units([unit], true);
      return { file: fileId, unit };
    },
    async setReceivedAt({ fileId, receivedAt, user, reason }) {
      changeReceivedAt(db, fileId, receivedAt, user, reason, now());
      return { file: fileId, receivedAt };
    },
    async getDeadlines() {
      return deadlines();
    },
    async saveDeadlines({ deadlines: changes, user }) {
      const at = now();
      const before = deadlines();
      db.transaction(() => {
        for (const type of PERIOD_TYPES) {
          const d = changes[type as PeriodType];
          if (!d || (d.day === before[type].day && d.monthsAfter === before[type].monthsAfter)) continue;
          saveDeadline(db, type, d, user, at);
          appendAudit(db, { at, user, action: 'set-deadline', target: `Hạn nộp báo cáo kỳ ${TYPE_WORDS[type]}`, oldValue: wordsOf(before[type]), newValue: wordsOf(d), reason: null });
        }
      })();
      return deadlines();
    },
  };
}

const TYPE_WORDS: Record<PeriodType, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', 'nine-months': '9 tháng', year: 'năm' };
const wordsOf = (d: { day: number; monthsAfter: number }) => `ngày ${d.day}${d.monthsAfter ? ` của tháng thứ ${d.monthsAfter} sau tháng cuối kỳ` : ' của tháng cuối kỳ'}`;
