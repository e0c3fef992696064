/** The audit screen's filters and CSV: days both included, quotes and line breaks kept whole, a BOM for Excel. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/types';
import { distinct, filterAudit, toCsv } from '../../../renderer/features/audit/audit-filter';

const entry = (id: number, at: string, user: string, action: string, unit: string | null): AuditEntry =>
  ({ id, at, user, action, target: '', oldValue: null, newValue: null, reason: null, unit });

describe('audit filters', () => {
  // Local times, as the reviewer's date inputs speak: built from the local clock, not UTC.
  const local = (d: number, h: number) => new Date(2023, 5, d, h, 30).toISOString();
  const log = [entry(1, local(4, 23), 'A', 'import', '425'), entry(2, local(5, 0), 'B', 'accept-flag', '425'), entry(3, local(6, 12), 'A', 'accept-flag', '414')];

  it('keeps entries by who, what, unit and local day, both ends included', () => {
    expect(filterAudit(log, { user: 'A' }).map((e) => e.id)).toEqual([1, 3]);
    expect(filterAudit(log, { action: 'accept-flag', unit: '425' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(log, { from: '2023-06-05', to: '2023-06-05' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(log, { from: '2023-06-05' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterAudit(log, { to: '2023-06-04' }).map((e) => e.id)).toEqual([1]);
    expect(distinct(log, 'unit')).toEqual(['414', '425']);
  });

  it('writes CSV with a BOM, CRLF and quoted fields where needed', () => {
    const csv = toCsv(['Thời gian', 'Lý do'], [['05/06/2023', 'Đã gọi điện, "xác nhận"\nsố đúng'], ['06/06/2023', 'bình thường']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Thời gian,Lý do\r\n05/06/2023,"Đã gọi điện, ""xác nhận""\nsố đúng"\r\n06/06/2023,bình thường\r\n');
  });
});
