/** Issue 17 from the command line: a typed return, sign-off and lock, a held return taken in, the day a file arrived. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let db: string;
beforeAll(async () => { db = await storeTarget(dir, 'entry.db'); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sample = (name: string) => path.join(SAMPLES_DIR, name);
const jsonl = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const ok = (args: string[]) => {
  const r = runCli(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return jsonl(r.stdout);
};
const figures = (unit: string, period: string) => ok(['figures', '--db', db, '--unit', unit, '--period', period]);
const enter = (extra: string[]) => runCli(['enter', '--db', db, '--unit', '415', '--indicator', 'DD_KICHHOAT', '--measure', 'period', '--source', 'phone', '--ref', 'ĐT 9h ngày 14/3', '--user', 'Nguyễn Văn A', ...extra]);

describe('typing a return (enter)', () => {
  it('stores a phoned figure typed the Vietnamese way, with file null and its source', () => {
    ok(['import', '--db', db, '--json', '--received-at', '2023-02-10', sample('BC_T01_2023_415.xlsx'), sample('BC_T02_2023_415.xlsx')]);
    expect(figures('415', '2023-03')).toEqual([]);
    const [r] = jsonl(enter(['--period', '2023-03', '--value', '1.234']).stdout);
    expect(r).toMatchObject({ unit: '415', held: false, entered: 1, corrected: 0 });
    const [f] = figures('415', '2023-03');
    expect(f).toMatchObject({ unit: '415', period: '2023-03', indicator: 'DD_KICHHOAT', measure: 'period', value: 1234, raw: '1.234', file: null,
      source: { kind: 'phone', ref: 'ĐT 9h ngày 14/3', user: 'Nguyễn Văn A' } });
    expect(Date.parse((f!.source as { at: string }).at)).not.toBeNaN();
    // A typed return counts as received: it is a return on record for the unit and month.
    const typed = ok(['files', '--db', db]).find((x) => x.sourceKind === 'phone');
    expect(typed).toMatchObject({ outcome: 'imported', unit: '415', periods: ['2023-03'], held: false, sourceRef: 'ĐT 9h ngày 14/3', importedBy: 'Nguyễn Văn A' });
  });

  it('refuses a value that is not a number, and a change without a reason', () => {
    const bad = enter(['--period', '2023-03', '--value', 'khoảng 12 tài khoản']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('không phải là một số');
    const again = enter(['--period', '2023-03', '--value', '1.243']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/đã nhập 1\.234; muốn sửa thành 1\.243 cần ghi lý do/);
    const fixed = jsonl(enter(['--period', '2023-03', '--value', '1.243', '--reason', 'Đơn vị gọi lại, đọc nhầm']).stdout);
    expect(fixed[0]).toMatchObject({ entered: 0, corrected: 1 });
    const audit = ok(['audit', '--db', db]);
    expect(audit.find((a) => a.action === 'enter-figure')).toMatchObject({ user: 'Nguyễn Văn A', newValue: '1234' });
    expect(audit.find((a) => a.action === 'correct-figure')).toMatchObject({ oldValue: '1234', newValue: '1243', reason: 'Đơn vị gọi lại, đọc nhầm' });
    expect(String(audit.find((a) => a.action === 'enter-figure')!.target)).toContain('từ điện thoại ĐT 9h ngày 14/3');
  });
});

describe('approval and lock (approve, take-in, unlock)', () => {
  it('holds a resubmitted file for an approved month until a reviewer takes it in', () => {
    ok(['import', '--db', db, '--json', sample('BC_T03_2023_422.xlsx')]);
    const before = figures('422', '2023-03');
    expect(before.length).toBeGreaterThan(0);
    const open = ok(['flags', '--db', db, '--status', 'open']).filter((f) => f.unit === '422' && f.period === '2023-03').length;
    const bare = runCli(['approve', '--db', db, '--unit', '422', '--period', '2023-03', '--user', 'Trần Thị B']);
    if (open > 0) {
      expect(bare.status).toBe(2);
      expect(bare.stderr).toContain(`còn ${open} cảnh báo chưa xử lý: cần ghi lý do để duyệt`);
      expect(jsonl(runCli(['approve', '--db', db, '--unit', '422', '--period', '2023-03', '--user', 'Trần Thị B', '--reason', 'Đã hỏi đơn vị, số đúng']).stdout)[0]).toEqual({ openFlags: open });
    } else {
      expect(jsonl(bare.stdout)[0]).toEqual({ openFlags: 0 });
    }
    const [held] = ok(['import', '--db', db, '--json', sample('BC_T03_2023_422 (sua lai).xlsx')]);
    expect(held).toMatchObject({ status: 'held' });
    // Held: on record, but the month's figures are the approved ones still.
    expect(figures('422', '2023-03')).toEqual(before);
    const file = ok(['files', '--db', db]).find((f) => f.name === 'BC_T03_2023_422 (sua lai).xlsx')!;
    expect(file).toMatchObject({ held: true, outcome: 'imported' });
    expect(runCli(['take-in', '--db', db, '--file', String(file.id), '--user', 'Trần Thị B']).status).toBe(2);
    ok(['take-in', '--db', db, '--file', String(file.id), '--user', 'Trần Thị B', '--reason', 'Bản sửa lại có công văn kèm theo']);
    const after = figures('422', '2023-03');
    expect(after.every((f) => f.file === 'BC_T03_2023_422 (sua lai).xlsx')).toBe(true);
    expect(after).not.toEqual(before);
  });

  it('holds a typed figure for a locked month, and unlocks only with a reason', () => {
    // The province's March, approved over its open flags (other units' missing returns) with a reason.
    ok(['approve', '--db', db, '--period', '2023-03', '--user', 'Trần Thị B', '--reason', 'Ký duyệt tháng 3']);
    // Under the same reference as the figure phoned before the sign-off, yet held: a new return of its own.
    const [r] = jsonl(enter(['--period', '2023-03', '--value', '7', '--indicator', 'LL_GIUPDO']).stdout);
    expect(r).toMatchObject({ held: true, entered: 1 });
    expect(figures('415', '2023-03').map((f) => f.indicator)).toEqual(['DD_KICHHOAT']);
    expect(runCli(['unlock', '--db', db, '--period', '2023-03', '--user', 'Trần Thị B']).status).toBe(2);
    const wrong = runCli(['unlock', '--db', db, '--unit', '415', '--period', '2023-03', '--user', 'Trần Thị B', '--reason', 'x']);
    expect(wrong.stderr).toContain('chưa được duyệt');
    ok(['unlock', '--db', db, '--period', '2023-03', '--user', 'Trần Thị B', '--reason', 'Đơn vị báo bổ sung']);
    const actions = ok(['audit', '--db', db]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['approve-period', 'take-in', 'unlock-period']));
  });
});

describe('the day a return arrived (received)', () => {
  it('is set after import and audited with the day it replaced', () => {
    const f = ok(['files', '--db', db]).find((x) => x.name === 'BC_T01_2023_415.xlsx')!;
    expect(f.receivedAt).toBe('2023-02-10');
    ok(['received', '--db', db, '--file', String(f.id), '--date', '2023-01-20', '--user', 'Lê C', '--reason', 'Theo sổ công văn đến']);
    expect(ok(['files', '--db', db]).find((x) => x.id === f.id)!.receivedAt).toBe('2023-01-20');
    expect(ok(['audit', '--db', db]).find((a) => a.action === 'set-received-at')).toMatchObject({ oldValue: '2023-02-10', newValue: '2023-01-20', user: 'Lê C' });
    expect(runCli(['received', '--db', db, '--file', String(f.id), '--date', '2023-02-30', '--user', 'Lê C']).stderr).toContain('Ngày không có trên lịch');
  });
});
