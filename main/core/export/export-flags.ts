/**
 * The unresolved flags that concern an export — its units, its months — and the strict mode that
 * refuses to export while any is open, saying in Vietnamese how many and where.
 */
import { CodedError } from '../../../shared/errors';
import type { Database } from '../store/db';
import type { Flag } from '../../../shared/types';
import { periodLabel } from '../reconcile/format';
import { listFlags } from '../store/queries/flags';
import type { ExportData } from './export-data';

export class ExportRefused extends CodedError {
  readonly count: number;
  readonly flags: Flag[];
  constructor(message: string, flags: Flag[]) {
    super('refused-export', message);
    this.name = 'ExportRefused';
    this.count = flags.length;
    this.flags = flags;
  }
}

/** Open flags on a unit of the export for a month of the period (or the period itself). */
export function openFlagsFor(db: Database, data: ExportData): Flag[] {
  const periods = new Set([...data.spec.months, data.spec.key]);
  return listFlags(db, { status: 'open' })
    .filter((f) => data.units.has(f.unit) && [f.period, ...f.periods].some((p) => periods.has(p)));
}

/** "Còn 5 cảnh báo chưa xử lý: Huyện Anh Sơn tháng 6/2023 (2), Huyện Đô Lương tháng 6/2023 (3)". */
export function refusalMessage(flags: Flag[], units: Map<string, string>): string {
  const where = new Map<string, number>();
  for (const f of flags) {
    const key = `${units.get(f.unit) ?? `Đơn vị ${f.unit}`} ${periodLabel(f.period)}`;
    where.set(key, (where.get(key) ?? 0) + 1);
  }
  const list = [...where].map(([k, n]) => `${k} (${n})`).join(', ');
  return `Còn ${flags.length} cảnh báo chưa xử lý: ${list}. Cần xử lý (sửa số liệu hoặc chấp nhận có lý do) trước khi xuất biểu tổng hợp.`;
}

export function refuseIfOpen(flags: Flag[], units: Map<string, string>): void {
  if (flags.length > 0) throw new ExportRefused(refusalMessage(flags, units), flags);
}

export function severityWords(s: Flag['severity']): string {
  return s === 'error' ? 'Lỗi' : s === 'warning' ? 'Cảnh báo' : 'Lưu ý';
}
