/** Ask, don't refuse: a file whose period could not be told goes in with the period a person names (issue 14). */
import type { Api } from '../../../shared/api';
import { finishFile, startRefusedFile } from '../ingest/import-file';
import { parsePeriodKey } from '../recognise/find-period';
import { appendAudit } from '../store/queries/audit';
import { latestRejectedFile } from '../store/queries/files';
import type { CoreContext } from './context';

export function periodHandlers(ctx: CoreContext): Pick<Api, 'assignPeriod'> {
  const { db, checker, now } = ctx;
  return {
    async assignPeriod({ file, period, unit, user }) {
      if (!parsePeriodKey(period)) throw new Error(`“${period}” không phải một kỳ báo cáo; hãy ghi dạng 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng), 2024-9M hoặc 2024 (năm)`);
      const rec = latestRejectedFile(db, file);
      if (!rec) throw new Error(`Không có tệp bị từ chối nào tên “${file}”`);
      const ic = ctx.importContext(user);
      const { titleName: _t, unitId: _u, ...result } = await finishFile(ic, startRefusedFile(ic, rec), unit, period);
      if (result.status !== 'imported') return result;
      appendAudit(db, { at: now(), user, action: 'assign-period', target: file, oldValue: rec.code, newValue: unit ? `${period} ${unit}` : period, reason: null });
      await checker.units([result.unit!]);
      return result;
    },
  };
}
