/** Flags on the stored samples, and a reviewer's decisions on the record. */
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../shared/types';
import { createApi } from '../../main/core/api/create-api';
import { openDb } from '../../main/core/store/open-db';
import { answerKey } from '../helpers/samples';
import { useStoredSamples } from '../helpers/stored-samples';
import { onPostgres } from '../helpers/store-target';

const key = answerKey();
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

describe('reconciling the stored samples', () => {
  const stored = useStoredSamples();

  it('flags every planted inconsistency with its rule, unit, month and indicators', () => {
    const missed = key.issues.filter((i) => !stored.flags.some((f) => f.rule === i.rule && f.unit === i.unit && f.period === month(i.year, i.month)
      && [...f.indicators].sort().join() === [...i.indicators].sort().join()));
    expect(missed).toEqual([]);
  });

  it('keeps flags outside the planted units and months under 5%', () => {
    const planted = new Set(key.issues.map((i) => `${i.unit}|${month(i.year, i.month)}`));
    const outside = stored.flags.filter((f) => !f.periods.some((p) => planted.has(`${f.unit}|${p}`)));
    expect(outside.length).toBeLessThanOrEqual(Math.floor(stored.flags.length * 0.05));
  });

  it('names the source file, sheet and cell in every flag about figures, and says what is wrong in Vietnamese', () => {
    const neg = stored.flags.find((f) => f.rule === 'negative_value')!;
    expect(neg.figures[0]).toMatchObject({ file: expect.stringMatching(/\.xlsx$/), sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) });
    expect(neg.message).toMatch(/âm/);
    expect(neg.message).toContain(neg.figures[0]!.cell);
  });

  it('accepts with a reason; stays resolved across a re-check; the audit log has who, when and why', async () => {
    const out = stored.flags.find((f) => f.rule === 'outlier' && f.unit === '421')!;
    await expect(stored.core.resolveFlag({ flagId: out.id, action: 'accept', reason: '', user: 'Trần B' })).rejects.toThrow(/lý do/);
    const r = await stored.core.resolveFlag({ flagId: out.id, action: 'accept', reason: 'Đã gọi điện xác minh: đợt thu hồi lớn', user: 'Trần B' });
    expect(r.flag?.status).toBe('resolved');
    await stored.core.checkFlags({});
    expect((await stored.core.listFlags({ status: 'resolved' })).map((f) => f.id)).toContain(out.id);
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ user: 'Trần B', action: 'accept-flag', reason: 'Đã gọi điện xác minh: đợt thu hồi lớn', at: '2023-07-10T08:00:00.000Z' });
  });

  it('corrects a figure: the flag stays listed, resolved by the correction; the old value stays in the trail, the effective value is the new one', async () => {
    const neg = stored.flags.find((f) => f.rule === 'negative_value')!;
    const fig = neg.figures[0]!;
    await stored.core.resolveFlag({ flagId: neg.id, action: 'correct', value: Math.abs(fig.value), reason: 'Đơn vị gõ nhầm dấu trừ', user: 'Trần B' });
    // The figures now agree, so the rule no longer fires; the decision stays in "Đã xử lý" and "Tất cả", also after a full check.
    for (const check of [false, true]) {
      if (check) await stored.core.checkFlags({});
      const kept = (await stored.core.listFlags({ status: 'resolved' })).find((f) => f.id === neg.id);
      expect(kept).toMatchObject({ status: 'resolved', decision: { action: 'correct', user: 'Trần B', reason: 'Đơn vị gõ nhầm dấu trừ', value: Math.abs(fig.value) } });
      expect((await stored.core.listFlags({})).some((f) => f.id === neg.id)).toBe(true);
      expect((await stored.core.listFlags({ status: 'open' })).some((f) => f.id === neg.id)).toBe(false);
    }
    const eff = await stored.core.getEffective({ unit: neg.unit, period: fig.period, indicator: fig.indicator, measure: fig.measure });
    expect(eff.value).toBe(Math.abs(fig.value));
    expect(eff.trail).toEqual([
      expect.objectContaining({ kind: 'cell', file: fig.file, cell: fig.cell, value: fig.value }),
      expect.objectContaining({ kind: 'correction', oldValue: fig.value, newValue: Math.abs(fig.value), user: 'Trần B' }),
    ]);
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'correct-figure', oldValue: String(fig.value), newValue: String(Math.abs(fig.value)) });
  });

  it('a resolved flag comes back when its figures change', async () => {
    const child = stored.flags.find((f) => f.rule === 'child_exceeds_parent' && f.unit === '415')!;
    await stored.core.resolveFlag({ flagId: child.id, action: 'accept', reason: 'Số liệu đúng theo đơn vị', user: 'Trần B' });
    expect((await stored.core.listFlags({ status: 'resolved' })).some((f) => f.id === child.id)).toBe(true);
    const kh = child.figures.find((f) => f.indicator === 'DD_KICHHOAT' && f.measure === 'period')!;
    // A resolved flag is not decided twice: a correction is refused until the flag is reopened, with a reason.
    await expect(stored.core.resolveFlag({ flagId: child.id, action: 'correct', cell: kh.cell, value: kh.value + 1, reason: 'Thử sửa', user: 'Trần B' })).rejects.toThrow(/đã được xử lý/);
    const reopened = await stored.core.reopenFlag({ flagId: child.id, reason: 'Cần xem lại số kích hoạt', user: 'Trần B' });
    expect(reopened.flag?.status).toBe('open');
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'reopen-flag', flagId: child.id, reason: 'Cần xem lại số kích hoạt' });
    await stored.core.resolveFlag({ flagId: child.id, action: 'correct', cell: kh.cell, value: kh.value + 1, reason: 'Thử sửa', user: 'Trần B' });
    const back = (await stored.core.listFlags({})).find((f) => f.id === child.id)!;
    expect(back.status).toBe('open');
  });

  it('chooses which of two submissions stands', async () => {
    const conflict = stored.flags.find((f) => f.rule === 'conflicting_resubmission')!;
    const original = 'BC_T03_2023_422.xlsx';
    await stored.core.resolveFlag({ flagId: conflict.id, action: 'choose', file: original, reason: 'Bản sửa lại gửi nhầm', user: 'Lê C' });
    const standing = await stored.core.listFigures({ unit: '422', period: '2023-03' });
    expect(new Set(standing.map((f) => f.file))).toEqual(new Set([original]));
    expect((await stored.core.listFlags({})).find((f) => f.id === conflict.id)?.status).toBe('resolved');
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'choose-submission', oldValue: 'BC_T03_2023_422 (sua lai).xlsx', newValue: original, user: 'Lê C' });
  });

  it('re-checks only the units a decision touched, to the same flags a full check gives', async () => {
    const view = (fs: Flag[]) => fs.map((f) => `${f.id} ${f.status} ${f.message}`).sort();
    const incremental = view(await stored.core.listFlags({}));
    await stored.core.checkFlags({});
    expect(view(await stored.core.listFlags({}))).toEqual(incremental);
  });

  it('accepts a flag in a newly opened app without checking everything again', async () => {
    const reopened = createApi({ dbPath: stored.db, now: () => '2023-07-11T08:00:00.000Z' });
    const open = (await reopened.listFlags({ status: 'open' })).find((f) => f.rule === 'outlier' || f.rule === 'missing_return')!;
    const writes = flagWrites(stored.db);
    const r = await reopened.resolveFlag({ flagId: open.id, action: 'accept', reason: 'Đã xác minh', user: 'Lê C' });
    expect(r.flag?.status).toBe('resolved');
    // A full check would rewrite every flag row: none is.
    expect(writes.now() - writes.before).toBe(0);
    await reopened.close();
  });

  it('corrects a figure in a newly opened app by checking its unit only, to the flags a full check gives', async () => {
    const reopened = createApi({ dbPath: stored.db, now: () => '2023-07-12T08:00:00.000Z' });
    const all = await reopened.listFlags({});
    const target = all.find((f) => f.status === 'open' && f.rule === 'ytd_mismatch')!;
    const fig = target.figures.find((x) => x.measure === 'ytd')!;
    const writes = flagWrites(stored.db);
    await reopened.resolveFlag({ flagId: target.id, action: 'correct', cell: `${fig.sheet}!${fig.cell}`, value: fig.value + 1, reason: 'Sửa theo bản giấy', user: 'Lê C' });
    // Its unit's flags are rewritten, not every unit's.
    const changed = writes.now() - writes.before;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(all.length);
    const view = (fs: Flag[]) => fs.map((f) => `${f.id} ${f.status} ${f.message}`).sort();
    const incremental = view(await reopened.listFlags({}));
    await reopened.checkFlags({});
    expect(view(await reopened.listFlags({}))).toEqual(incremental);
    await reopened.close();
  });

  it('refuses UPDATE and DELETE on the audit log in the database itself', () => {
    const db = openDb(stored.db);
    expect(() => db.prepare("UPDATE audit_log SET reason = 'khác'").run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/chỉ được ghi thêm/);
    db.close();
  });
});

/**
 * Counts the flag rows written from now on, by any connection: a trigger of the test's own in the
 * test's copy of the store. `before` is the count at the time of the call.
 */
function flagWrites(store: string): { before: number; now: () => number } {
  const db = openDb(store);
  db.exec(onPostgres
    ? `CREATE TABLE IF NOT EXISTS test_flag_writes (n INTEGER);
      CREATE OR REPLACE FUNCTION test_count_flag_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO test_flag_writes VALUES (1); RETURN NULL; END $$;
      CREATE OR REPLACE TRIGGER test_count_flag_writes AFTER INSERT ON flags FOR EACH ROW EXECUTE FUNCTION test_count_flag_write();`
    : `CREATE TABLE IF NOT EXISTS test_flag_writes (n INTEGER);
      CREATE TRIGGER IF NOT EXISTS test_count_flag_writes AFTER INSERT ON flags BEGIN INSERT INTO test_flag_writes VALUES (1); END;`);
  const count = () => db.prepare('SELECT count(*) FROM test_flag_writes').pluck().get() as number;
  return { before: count(), now: count };
}
