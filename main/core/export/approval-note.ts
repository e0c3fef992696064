/** The note under the table naming the units whose figures for the period no reviewer has approved yet. */
import type { Database } from '../store/db';
import { lockChecker } from '../store/queries/approvals';
import type { NotesInput } from './export-notes';
import { monthsWords } from './period-spec';
import { displayUnitName } from './unit-columns';

/** "Chưa được duyệt: Huyện Quế Phong (tháng 5, 6/2023); ..." or null when every unit with returns is approved. */
export function approvalNote(db: Database, n: Pick<NotesInput, 'columns' | 'spec'>): string | null {
  const isLocked = lockChecker(db);
  const out: string[] = [];
  let units = 0;
  for (const col of n.columns) {
    for (const u of col.members) {
      units++;
      if (isLocked(u.code, n.spec.key)) continue;
      const months = n.spec.months.filter((m) => !isLocked(u.code, m));
      if (months.length) out.push(`${displayUnitName(u.name)} (${monthsWords(months)})`);
    }
  }
  if (out.length === 0) return null;
  // Before any sign-off, one short line rather than every unit by name.
  const none = out.length === units && n.spec.months.every((m) => !n.columns.some((c) => c.members.some((u) => isLocked(u.code, m))));
  return none ? 'Số liệu chưa được duyệt: chưa đơn vị nào được duyệt.' : `Số liệu chưa được duyệt: ${out.join('; ')}.`;
}
