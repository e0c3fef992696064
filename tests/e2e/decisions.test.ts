/**
 * A decision recorded once, and shown once it is taken (issue 16), in the real UI: Ctrl+Enter
 * pressed twice records one decision; a resolved flag shows the decision, by whom, when and why,
 * and can be reopened with a reason; a flag resolved by a correction stays in "Đã xử lý" and "Tất
 * cả"; "Chọn bản báo cáo" starts on the file in use; the audit screen says the chain is intact.
 * Screenshots at 1366x768 in test-artifacts/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../main/core/store/open-db';
import { sampleFiles } from '../helpers/samples';
import { onPostgres } from '../helpers/store-target';
import { hasChromium, screenshot } from './helpers/browser';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';
import { AuditPage } from './pages/other-pages';

const USER = 'Nguyễn Văn A';
const REASON = 'Đã gọi điện xác nhận với đơn vị: số liệu đúng';

describe.skipIf(!hasChromium)('decisions in the browser', () => {
  // The samples imported (and checked) before the app opens the store.
  const app = useOpenApp({ prepare: importedFirst(sampleFiles(), USER) });
  const entriesWith = (reason: string) => {
    const db = openDb(app.server.store, { readonly: true });
    try { return db.prepare('SELECT count(*) FROM audit_log WHERE reason = ?').pluck().get(reason) as number; } finally { db.close(); }
  };

  it('records one decision for Ctrl+Enter pressed twice, and shows it on the resolved flag', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser(USER);
    await app.shell.go('flags');
    const flags = new FlagsPage(app.page);
    await flags.filterRule('outlier');
    await flags.waitForRows();
    await flags.open(0);
    const message = await flags.message();
    await app.page.getByTestId('resolve-reason').fill(REASON);
    await app.page.getByTestId('resolve-reason').focus();
    // Two presses in a row, as a hurried clerk does: the second comes before React re-renders.
    await app.page.keyboard.press('Control+Enter');
    await app.page.keyboard.press('Control+Enter');
    await app.page.locator('.notice-success').waitFor();
    await app.page.waitForTimeout(500);
    expect(entriesWith(REASON)).toBe(1);
    // Not even a refusal: the second press never left the form.
    expect(await app.page.locator('.notice-error').count()).toBe(0);

    // The resolved flag, under "Đã xử lý": the decision instead of a blank form.
    await app.page.getByTestId('flag-status').selectOption('resolved');
    await flags.waitForRows();
    await flags.open(0);
    expect(await flags.message()).toBe(message);
    await app.page.getByTestId('decision-view').waitFor();
    expect(await app.page.getByTestId('resolve-form').count()).toBe(0);
    expect(await app.page.getByTestId('decision-action').innerText()).toBe('Chấp nhận');
    expect(await app.page.getByTestId('decision-user').innerText()).toBe(USER);
    expect(await app.page.getByTestId('decision-reason').innerText()).toBe(REASON);
    await screenshot(app.page, '14-canh-bao-da-xu-ly');
  });

  it('reopens a resolved flag with a reason, on the audit log as its own decision', async () => {
    await app.page.getByTestId('reopen-open').click();
    await app.page.getByTestId('reopen-reason').fill('Đơn vị báo lại số liệu khác');
    await app.page.getByTestId('reopen-submit').click();
    await app.page.locator('.notice-success', { hasText: 'Đã mở lại cảnh báo' }).waitFor();
    expect(entriesWith('Đơn vị báo lại số liệu khác')).toBe(1);
  });

  it('keeps a flag resolved by a correction in "Đã xử lý" and "Tất cả", with the value given', async () => {
    const flags = new FlagsPage(app.page);
    await app.page.getByTestId('flag-status').selectOption('open');
    await flags.filterRule('negative_value');
    await expect.poll(() => flags.total()).toBe(1);
    await flags.open(0);
    await flags.correct('28', 'Đơn vị gõ nhầm dấu trừ');
    for (const status of ['resolved', ''] as const) {
      await app.page.getByTestId('flag-status').selectOption(status);
      await expect.poll(() => flags.total()).toBe(1);
      await flags.open(0);
      await expect.poll(() => app.page.getByTestId('decision-action').innerText()).toBe('Sửa số liệu — giá trị mới 28');
    }
    await screenshot(app.page, '15-canh-bao-da-sua-so-lieu');
  });

  it('starts "Chọn bản báo cáo" on the file in use, and the message names two different files', async () => {
    const flags = new FlagsPage(app.page);
    await app.page.getByTestId('flag-status').selectOption('open');
    await flags.filterRule('conflicting_resubmission');
    await expect.poll(() => flags.total()).toBe(1);
    await flags.open(0);
    const message = await flags.message();
    const named = /Báo cáo gửi lại \(tệp (.+?\.xlsx)\).*so với tệp (.+?\.xlsx):/.exec(message)!.slice(1);
    expect(named).toHaveLength(2);
    expect(named[0]).not.toBe(named[1]);
    await app.page.getByTestId('action-choose').check();
    const file = app.page.getByTestId('resolve-file');
    const selected = await file.locator('option:checked').innerText();
    expect(selected).toContain('(đang dùng)');
    expect(message).toContain(`Số liệu đang dùng là của tệp gửi sau`);
    expect(selected).toContain(named[0]);
    await screenshot(app.page, '16-chon-ban-bao-cao');
  });

  it('shows the audit chain as intact on the audit screen', async () => {
    await app.shell.go('audit');
    const audit = new AuditPage(app.page);
    const rows = await audit.rowTexts();
    expect(rows.some((r) => r.includes('Mở lại cảnh báo') && r.includes('Đơn vị báo lại số liệu khác'))).toBe(true);
    await expect.poll(() => app.page.getByTestId('audit-integrity').innerText()).toMatch(/^Nhật ký toàn vẹn: \d+ mục, đã kiểm tra$/);
    await audit.waitForRowHeights();
    await screenshot(app.page, '17-nhat-ky-toan-ven');
    expect(app.errors).toEqual([]);
  });

  it('names the first entry that no longer agrees once someone edits a decision in the store', async () => {
    const db = openDb(app.server.store);
    // Someone with the file (SQLite) or the server's superuser (PostgreSQL) silences the trigger.
    db.exec(onPostgres ? 'ALTER TABLE corrections DISABLE TRIGGER corrections_no_update' : 'DROP TRIGGER corrections_no_update');
    db.prepare('UPDATE corrections SET value = 2800').run();
    const entry = db.prepare("SELECT id FROM audit_log WHERE decision_table = 'corrections'").pluck().get() as number;
    db.close();
    await app.shell.go('flags');
    await app.shell.go('audit');
    await expect.poll(() => app.page.getByTestId('audit-integrity').innerText())
      .toMatch(new RegExp(`^Nhật ký KHÔNG toàn vẹn: Mục nhật ký #${entry} không khớp: quyết định corrections #\\d+`));
    await new AuditPage(app.page).waitForRowHeights();
    await screenshot(app.page, '18-nhat-ky-khong-toan-ven');
  });
});
