/**
 * Issue 17 in the real UI (browser mode, Debian's Chromium, 1366x768): a phoned return typed with
 * the year-to-date offered, a bad number refused; the day a return arrived changed on the
 * completeness screen; a month approved, a later typed figure held, taken in, and the month unlocked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { SAMPLES } from './helpers/answer-key';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';

const vi = new Intl.NumberFormat('vi-VN');
const USER = 'Nguyễn Văn A';
interface KeyValue { unit: string; month: number; indicator: string; column: 'period' | 'ytd'; value: number; commune: string | null }
const key = (JSON.parse(fs.readFileSync(path.join(SAMPLES, 'answer-key.json'), 'utf8')) as { values: KeyValue[] }).values;
const keyValue = (month: number, column: 'period' | 'ytd') => key.find((v) => v.unit === '415' && v.indicator === 'DD_KICHHOAT' && v.commune === null && v.month === month && v.column === column)!.value;

/** Quế Phong's January (arrived 10/01, on time) and February (arrived 20/02, after the 15th: late). */
async function prepare(_dataDir: string, store: string): Promise<void> {
  const core = createApi({ dbPath: store });
  await core.importFiles({ paths: [path.join(SAMPLES, 'BC_T01_2023_415.xlsx')], receivedAt: '2023-01-10', user: 'Văn thư' });
  await core.importFiles({ paths: [path.join(SAMPLES, 'BC_T02_2023_415.xlsx')], receivedAt: '2023-02-20', user: 'Văn thư' });
  await core.close();
}

describe.skipIf(!hasChromium)('typed returns, true dates, approval and lock in the browser', () => {
  const app = useOpenApp({ prepare });
  const cell = (month: string) => app.page.getByTestId(`status-cell-415-${month}`);

  it('types a phoned return: Vietnamese numbers, the year-to-date offered, a bad number named', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser(USER);
    await app.shell.go('entry');
    await app.page.getByTestId('entry-month').fill('2023-03');
    await app.page.getByTestId('entry-unit').selectOption('415');
    await app.page.getByTestId('entry-source').selectOption('phone');
    await app.page.getByTestId('entry-ref').fill('ĐT lúc 9h ngày 14/3');
    await app.page.getByTestId('entry-received').fill('2023-03-14');
    await app.page.getByTestId('entry-period-DD_KICHHOAT').fill(vi.format(keyValue(3, 'period')));
    // Lũy kế offered: February's year-to-date as stored plus this month, which is what the unit's own March file says.
    await expect.poll(() => app.page.getByTestId('entry-ytd-DD_KICHHOAT').inputValue()).toBe(vi.format(keyValue(2, 'ytd') + keyValue(3, 'period')));
    expect(keyValue(2, 'ytd') + keyValue(3, 'period')).toBe(keyValue(3, 'ytd'));
    await app.page.getByTestId('entry-period-DD_THUNHAN').fill('12 hồ sơ');
    await app.page.getByTestId('entry-save').click();
    await expect.poll(() => app.page.locator('.notice-error').innerText()).toContain('“12 hồ sơ”');
    await screenshot(app.page, '17a-nhap-tay-loi');
    await app.page.getByTestId('entry-period-DD_THUNHAN').fill('1.050');
    await app.page.getByTestId('entry-save').click();
    await expect.poll(() => app.page.locator('.notice-success').innerText()).toMatch(/Đã lưu 4 số liệu mới, 0 số liệu sửa \(nhập tay từ điện thoại ĐT lúc 9h ngày 14\/3/);
    // The form reloads with what the unit now has for March.
    await expect.poll(() => app.page.getByTestId('entry-row-DD_KICHHOAT').innerText()).toContain(`${vi.format(keyValue(3, 'period'))} / ${vi.format(keyValue(3, 'ytd'))}`);
    await screenshot(app.page, '17b-nhap-tay');
  });

  it('shows each month as received, late or missing by the deadline, and a received day set later makes late on time', async () => {
    await app.shell.go('status');
    await expect.poll(() => cell('2023-01').innerText()).toBe('Đã nhận');
    expect((await cell('2023-02').innerText()).trim()).toBe('Muộn');
    // The typed March return counts as received (typed with the day it was phoned in).
    expect((await cell('2023-03').innerText()).trim()).toBe('Đã nhận');
    await cell('2023-02').click();
    const panel = app.page.getByTestId('status-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('Hạn nộp: 15/02/2023');
    const input = panel.locator('input[type=date]').first();
    await input.fill('2023-02-14');
    await panel.locator('[data-testid^=received-save-]').first().click();
    await expect.poll(() => cell('2023-02').innerText()).toBe('Đã nhận');
    await screenshot(app.page, '17c-ngay-nhan');
  });

  it('approves March, holds a figure typed for it afterwards, takes it in, and unlocks with a reason', async () => {
    await cell('2023-03').click();
    const panel = app.page.getByTestId('status-panel');
    await panel.getByTestId('status-reason').fill('Đã đối chiếu với đơn vị');
    await panel.getByTestId('approve').click();
    await expect.poll(() => cell('2023-03').innerText()).toBe('Đã duyệt');
    await screenshot(app.page, '17d-da-duyet');

    await app.shell.go('entry');
    await app.page.getByTestId('entry-month').fill('2023-03');
    await app.page.getByTestId('entry-unit').selectOption('415');
    await app.page.getByTestId('entry-source').selectOption('letter');
    await app.page.getByTestId('entry-ref').fill('CV 15/CAH bổ sung');
    await expect.poll(() => app.page.locator('.notice-warning').innerText()).toContain('đã được duyệt và khóa');
    await app.page.getByTestId('entry-period-NHA_XD').fill('2');
    await app.page.getByTestId('entry-save').click();
    await expect.poll(() => app.page.locator('.notice-success').innerText()).toContain('được lưu và giữ lại');
    // Held: January's figures as approved, the typed one not among them.
    await expect.poll(() => app.page.getByTestId('entry-row-NHA_XD').innerText()).not.toContain('2 /');

    await app.shell.go('status');
    await expect.poll(() => cell('2023-03').innerText()).toContain('⏸');
    await cell('2023-03').click();
    const held = app.page.getByTestId('status-panel');
    await held.getByTestId('status-reason').fill('Công văn bổ sung hợp lệ');
    await held.locator('[data-testid^=take-in-]').click();
    // Taken in: no longer held; the typed return now stands beside the file (two returns for the month).
    await expect.poll(() => cell('2023-03').innerText()).toBe('Đã duyệt ↻2');
    await held.getByTestId('status-reason').fill('Đơn vị xin sửa số liệu tháng 1');
    await screenshot(app.page, '17e-tiep-nhan-mo-khoa');
    await held.getByTestId('unlock').click();
    await expect.poll(() => cell('2023-03').innerText()).toBe('Đã nhận ↻2');

    await app.shell.go('audit');
    await expect.poll(() => app.page.getByTestId('audit-grid').innerText()).toContain('Mở khóa số liệu');
    const log = await app.page.getByTestId('audit-grid').innerText();
    for (const words of ['Duyệt và khóa số liệu', 'Tiếp nhận báo cáo bị giữ', 'Ngày nhận báo cáo', 'Nhập tay']) expect(log).toContain(words);
    expect(app.errors).toEqual([]);
  });

  it('filters the flag queue by month and by words of the message', async () => {
    await app.shell.go('flags');
    const flags = new FlagsPage(app.page);
    await flags.waitForRows();
    const all = await flags.count();
    await app.page.getByTestId('flag-status').selectOption('');
    await app.page.getByTestId('flag-period').fill('2023-02');
    await expect.poll(() => flags.count()).not.toBe(all);
    await flags.waitForRows();
    const inMonth = await flags.rows().allInnerTexts();
    for (const row of inMonth) expect(row).toContain('tháng 2/2023');
    // Words from one row's message find that row, and only rows that say them.
    const words = /(Huyện|Thị xã|Thành phố) [^,\n]+/.exec(inMonth.join('\n'))?.[0] ?? 'Quế Phong';
    await app.page.getByTestId('flag-text').fill(words);
    await expect.poll(async () => (await flags.rows().allInnerTexts()).every((r) => r.includes(words))).toBe(true);
    expect(await flags.rows().count()).toBeGreaterThan(0);
    await app.page.getByTestId('flag-text').fill('không có chữ này');
    await expect.poll(() => flags.rows().count()).toBe(0);
    await screenshot(app.page, '17f-loc-canh-bao');
  });
});
