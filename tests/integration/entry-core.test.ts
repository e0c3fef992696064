/**
 * Issue 17 through the contract: a typed figure is a figure like any other (rules, effective value
 * with its source, export), a held file changes nothing, approvals are append-only, the export names
 * the units not yet approved, and deadlines per kind of period are saved and audited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDay, isLate } from '../../shared/deadlines';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { openDb } from '../../main/core/store/open-db';
import { isLocked, lockedPeriods } from '../../main/core/store/queries/approvals';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';
import { openWorkbook, textsOf } from './export/workbook-helpers';

const dir = tempDir();
let dbPath: string;
let core: Core;
let clock = 0;
beforeAll(async () => {
  dbPath = await storeTarget(dir);
  core = createApi({ dbPath, now: () => new Date(Date.UTC(2023, 6, 1, 8, 0, clock++)).toISOString() });
  await core.importFiles({ paths: ['TP Vinh T06.2023.xlsx', 'BC_T06_2023_425.xlsx'].map((f) => path.join(SAMPLES_DIR, f)) });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a typed figure', () => {
  it('is checked by the rules: a negative count typed by phone is flagged, and its trail names the source', async () => {
    const r = await core.enterFigures({ unit: '425', period: '2023-07', source: 'paper', ref: 'BC giấy số 7', user: 'Lê C',
      figures: [{ indicator: 'LL_GIUPDO', measure: 'period', value: -3, raw: '-3' }] });
    expect(r).toMatchObject({ entered: 1, held: false });
    const flags = await core.listFlags({ unit: '425', period: '2023-07', rule: 'negative_value' });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.figures[0]).toMatchObject({ value: -3, file: r.name });
    const eff = await core.getEffective({ unit: '425', period: '2023-07', indicator: 'LL_GIUPDO', measure: 'period' });
    expect(eff.value).toBe(-3);
    expect(eff.trail[0]).toMatchObject({ kind: 'cell', source: { kind: 'paper', ref: 'BC giấy số 7', user: 'Lê C' } });
    // Found by words of its message, and not by words it lacks (LIKE's wildcards are letters here).
    expect((await core.listFlags({ text: 'Diễn Châu', period: '2023-07' })).map((f) => f.id)).toContain(flags[0]!.id);
    expect(await core.listFlags({ text: '100%_' })).toEqual([]);
    expect((await core.countFlags({ text: 'Diễn Châu', period: '2023-07' })).total).toBeGreaterThan(0);
    // Corrected through the same decision as a figure read from a file.
    await core.resolveFlag({ flagId: flags[0]!.id, action: 'correct', value: 3, reason: 'Giấy ghi nhầm dấu', user: 'Trần B' });
    expect((await core.getEffective({ unit: '425', period: '2023-07', indicator: 'LL_GIUPDO', measure: 'period' })).value).toBe(3);
  });

  it('never stands as a second figure beside one a file gives, and a fraction in a count keeps its decimals in print', async () => {
    const fromFile = (await core.listFigures({ unit: '425', period: '2023-06' })).find((f) => f.measure === 'period' && f.subunit === null)!;
    const same = await core.enterFigures({ unit: '425', period: '2023-06', source: 'phone', ref: 'ĐT', user: 'Lê C', figures: [{ indicator: fromFile.indicator, measure: 'period', value: fromFile.value }] });
    expect(same).toMatchObject({ entered: 0, unchanged: 1 });
    await expect(core.enterFigures({ unit: '425', period: '2023-06', source: 'phone', ref: 'ĐT', user: 'Lê C', figures: [{ indicator: fromFile.indicator, measure: 'period', value: fromFile.value + 1 }] }))
      .rejects.toThrow(`từ “${fromFile.file}”`);
    // A count typed with a fraction for a unit with no file this month: in print it keeps it (not rounded to a whole number).
    const count = (await core.listIndicators({})).find((i) => i.kind === 'flow' && !i.decimals)!;
    await core.enterFigures({ unit: '416', period: '2023-06', source: 'paper', ref: 'BS', user: 'Lê C', figures: [{ indicator: count.code, measure: 'period', value: 12.5 }] });
    const ws = (await openWorkbook(Buffer.from((await core.exportWorkbook({ period: '2023-06' })).base64!, 'base64'))).getWorksheet('Tổng hợp')!;
    let fmt: string | undefined;
    ws.eachRow((row) => row.eachCell((c) => { if (c.value === 12.5) fmt = c.numFmt; }));
    expect(fmt).toBe('#,##0.0#');
  });

  it('refuses an unknown indicator or unit, naming it', async () => {
    await expect(core.enterFigures({ unit: '425', period: '2023-07', source: 'fax', ref: 'x', user: 'Lê C', figures: [{ indicator: 'KHONG_CO', measure: 'period', value: 1 }] }))
      .rejects.toThrow('Không có chỉ tiêu mã “KHONG_CO”');
    await expect(core.enterFigures({ unit: '999', period: '2023-07', source: 'fax', ref: 'x', user: 'Lê C', figures: [{ indicator: 'NHA_XD', measure: 'period', value: 1 }] }))
      .rejects.toThrow('Không có đơn vị mã “999”');
  });
});

describe('approval', () => {
  it('is append-only in the store', async () => {
    await core.approvePeriod({ unit: '412', period: '2023-06', user: 'Trần B', reason: 'Đã đối chiếu' });
    const db = openDb(dbPath);
    expect(() => db.prepare("UPDATE approvals SET user = 'X'").run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM approvals').run()).toThrow(/chỉ được ghi thêm/);
    db.close();
    expect(await core.listApprovals({ period: '2023-06' })).toMatchObject([{ unit: '412', user: 'Trần B' }]);
    await expect(core.approvePeriod({ unit: '412', period: '2023-06', user: 'Trần B' })).rejects.toThrow('đã được duyệt');
  });

  it('the export names the units not yet approved, and stops naming one once approved', async () => {
    const notes = async () => textsOf((await openWorkbook(Buffer.from((await core.exportWorkbook({ period: '2023-06' })).base64!, 'base64'))).getWorksheet('Tổng hợp')!).join('\n');
    const before = await notes();
    expect(before).toMatch(/Số liệu chưa được duyệt: .*Diễn Châu \(tháng 6\/2023\)/);
    expect(before).not.toMatch(/chưa được duyệt: .*Vinh/);
    await core.approvePeriod({ period: '2023-06', user: 'Trần B', reason: 'Duyệt cả tỉnh' });
    expect(await notes()).not.toContain('chưa được duyệt');
  });
});

describe('locked periods', () => {
  it('are the periods isLocked finds locked, asked for in one query: a unit\'s own sign-off, the province\'s, and an unlock after either', async () => {
    await core.approvePeriod({ unit: '425', period: '2023-03', user: 'Trần B' });
    await core.approvePeriod({ period: '2023-04', user: 'Trần B' });
    await core.approvePeriod({ unit: '425', period: '2023-05', user: 'Trần B' });
    await core.unlockPeriod({ unit: '425', period: '2023-05', user: 'Trần B', reason: 'Đơn vị gửi lại' });
    await core.approvePeriod({ period: '2023-02', user: 'Trần B' });
    await core.unlockPeriod({ period: '2023-02', user: 'Trần B', reason: 'Tỉnh mở lại' });
    const db = openDb(dbPath);
    const periods = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
    for (const unit of ['425', '412']) {
      expect(lockedPeriods(db, unit, periods), unit).toEqual(periods.filter((p) => isLocked(db, unit, p)));
    }
    expect(lockedPeriods(db, '425', periods)).toEqual(['2023-03', '2023-04', '2023-06']);
    expect(lockedPeriods(db, '412', periods)).toEqual(['2023-04', '2023-06']);
    expect(lockedPeriods(db, '425', [])).toEqual([]);
    db.close();
  });
});

describe('deadlines', () => {
  it('default to the 15th of the period\'s last month and are changed per kind of period, audited', async () => {
    expect(dueDay('2023-06')).toBe('2023-06-15');
    expect(dueDay('2023-Q2')).toBe('2023-06-15');
    expect(isLate('2023-06-16', '2023-06')).toBe(true);
    expect(isLate('2023-06-15T23:00:00.000Z', '2023-06')).toBe(false);
    const saved = await core.saveDeadlines({ deadlines: { month: { day: 5, monthsAfter: 1 } }, user: 'Trần B' });
    expect(saved.month).toEqual({ day: 5, monthsAfter: 1 });
    expect(dueDay('2023-12', saved)).toBe('2024-01-05');
    expect(dueDay('2023-01', { ...saved, month: { day: 31, monthsAfter: 1 } })).toBe('2023-02-28');
    const entry = (await core.listAudit({})).find((a) => a.action === 'set-deadline');
    expect(entry).toMatchObject({ oldValue: 'ngày 15 của tháng cuối kỳ', newValue: 'ngày 5 của tháng thứ 1 sau tháng cuối kỳ', user: 'Trần B' });
  });
});
