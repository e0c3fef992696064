/**
 * Screens follow another desk's writes without a reload, keeping what the person has in hand: a
 * second connection to the app's store (another desk, as the check thread or a colleague's process
 * is) imports, approves, maps labels and types figures, and Lịch sử nhập, Tình hình nộp báo cáo,
 * Số liệu, Nhật ký, Đối chiếu nhãn, Xu hướng and Xuất báo cáo show it within a few seconds, with the
 * batch the person opened still open, the reason being typed still there, the selected row still
 * selected, the log's filter still applied, the indicator chosen for a label still chosen (a label
 * mapped elsewhere named in a notice, not gone without a word), the trend's indicator and units
 * kept and the export form as the person set it.
 * Screenshots at 1366×768 in test-artifacts/screenshots/refresh-*.png.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { SAMPLES_DIR } from '../helpers/samples';
import { hasChromium, screenshot } from './helpers/browser';
import { writeUnmappedReturn } from './helpers/odd-return';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FiguresPage } from './pages/figures-page';
import { MappingPage, TrendPage } from './pages/other-pages';

const sample = (name: string) => path.join(SAMPLES_DIR, name);
const FIRST = ['BC_T01_2023_412.xlsx', 'BC_T01_2023_415.xlsx', 'BC_T01_2023_425.xlsx', 'BC_T02_2023_415.xlsx'].map(sample);
/** A change shows within two of the screens' 3-second rounds. */
const SOON = { timeout: 10_000, interval: 250 };

describe.skipIf(!hasChromium)('screens refreshed by another desk', () => {
  const app = useOpenApp({ prepare: importedFirst(FIRST, 'Nguyễn Văn A') });
  let desk2: Core | null = null;
  /** The other desk: its own connection to the same store file. */
  const other = () => (desk2 ??= createApi({ dbPath: app.server.store }));
  afterAll(async () => { await desk2?.close(); });

  it('Lịch sử nhập: another desk\'s batch appears on top; the batch the person closed stays closed', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.go('history');
    const batches = page.getByTestId('history-batch');
    await batches.first().waitFor();
    expect(await batches.count()).toBe(1);
    expect(await batches.first().getAttribute('open')).not.toBeNull();
    // The person closes the batch they were reading.
    await batches.first().locator('summary').click();
    expect(await batches.first().getAttribute('open')).toBeNull();
    await other().importFiles({ paths: [sample('BC_T03_2023_412.xlsx')], user: 'Lê Thị B' });
    await expect.poll(() => batches.count(), SOON).toBe(2);
    expect(await batches.first().innerText()).toContain('Lê Thị B');
    expect(await batches.nth(1).getAttribute('open')).toBeNull();
    await screenshot(page, 'refresh-01-history');
  });

  it('Tình hình nộp báo cáo: a month approved elsewhere shows approved; the open panel keeps the reason being typed', async () => {
    const { page } = app;
    await app.shell.go('status');
    const cell = page.getByTestId('status-cell-415-2023-01');
    await cell.waitFor();
    expect(await cell.getAttribute('class')).not.toContain('st-approved');
    await page.getByTestId('status-cell-425-2023-01').click();
    await page.getByTestId('status-reason').fill('đang gọi điện hỏi lại đơn vị');
    await other().approvePeriod({ unit: '415', period: '2023-01', user: 'Phạm Lãnh Đạo' });
    await expect.poll(() => cell.getAttribute('class'), SOON).toContain('st-approved');
    expect(await page.getByTestId('status-reason').inputValue()).toBe('đang gọi điện hỏi lại đơn vị');
    expect(await page.getByTestId('status-panel').isVisible()).toBe(true);
    await screenshot(page, 'refresh-02-status');
  });

  it('Số liệu: a return typed elsewhere joins the grid; the selected row and the open provenance stay', async () => {
    const { page } = app;
    await app.shell.go('figures');
    const figures = new FiguresPage(page);
    await figures.waitForRows();
    await figures.selectPeriod('2023-01');
    const labels = () => figures.rows().locator('.ag-cell[col-id="label"]').allInnerTexts();
    expect((await labels()).some((l) => l.startsWith('422 · '))).toBe(false);
    const row412 = figures.rows().filter({ has: page.locator('.ag-cell[col-id="label"]', { hasText: '412 · ' }) }).first();
    await row412.locator('.ag-selection-checkbox input, input.ag-checkbox-input').first().check();
    await (await figures.cell('412', 'LL_GIUPDO')).click();
    await page.getByTestId('provenance').waitFor();
    await other().enterFigures({ unit: '422', period: '2023-01', source: 'paper', ref: 'CV 12/CAH', user: 'Lê Thị B',
      figures: [{ indicator: 'LL_GIUPDO', measure: 'period', value: 7, raw: '7' }] });
    await expect.poll(async () => (await labels()).some((l) => l.startsWith('422 · ')), SOON).toBe(true);
    expect(await (await figures.cell('422', 'LL_GIUPDO')).innerText()).toBe('7');
    expect(await row412.locator('.ag-selection-checkbox input, input.ag-checkbox-input').first().isChecked()).toBe(true);
    expect(await page.getByTestId('provenance').isVisible()).toBe(true);
    expect(await figures.period()).toBe('2023-01');
    await screenshot(page, 'refresh-03-figures');
  });

  it('Nhật ký: another desk\'s entries arrive under the filter the person set', async () => {
    const { page } = app;
    await app.shell.go('audit');
    const shown = page.getByTestId('audit-shown');
    await expect.poll(() => shown.innerText(), SOON).toMatch(/Đang hiện \d+ \/ \d+ mục/);
    await page.getByTestId('audit-user').selectOption('Lê Thị B');
    const counts = async () => (/Đang hiện (\d+) \/ (\d+) mục/.exec(await shown.innerText()) ?? []).slice(1).map(Number);
    const [before, total] = await counts();
    await other().setReceivedAt({ fileId: 1, receivedAt: '2023-02-14', user: 'Lê Thị B', reason: 'theo sổ công văn đến' });
    await other().approvePeriod({ unit: '412', period: '2023-01', user: 'Phạm Lãnh Đạo' });
    // Both entries reach the log; only Lê Thị B's is shown, the filter kept.
    await expect.poll(counts, SOON).toEqual([before! + 1, total! + 2]);
    expect(await page.getByTestId('audit-user').inputValue()).toBe('Lê Thị B');
    await screenshot(page, 'refresh-04-audit');
  });

  it('Đối chiếu nhãn: labels another desk imports appear, one it maps leaves with a notice naming it and the indicator picked here; the indicator chosen for another stays', async () => {
    const { page } = app;
    await app.shell.go('mapping');
    const mapping = new MappingPage(page);
    expect(await mapping.text()).toContain('Không có nhãn');
    const items = page.getByTestId('unmapped-item');
    const kept = 'Số người lầm lỗi được cảm hóa, giáo dục';
    const mapped = 'Số buổi sinh hoạt của tổ tự quản';
    await other().importFiles({ paths: [await writeUnmappedReturn([kept, mapped])], user: 'Lê Thị B' });
    await expect.poll(() => items.count(), SOON).toBe(2);
    // The person picks an indicator other than the one suggested, not yet confirmed.
    const choice = (await mapping.item(kept)).locator('select');
    await choice.selectOption('MH_HOAGIAI');
    // And picks one for the other label too, which another desk maps to something else first.
    await (await mapping.item(mapped)).locator('select').selectOption('MH_HOAGIAI');
    await other().mapLabel({ label: mapped, indicator: 'CN_DOT', user: 'Lê Thị B' });
    await expect.poll(() => items.count(), SOON).toBe(1);
    expect(await items.first().innerText()).toContain(kept);
    // The label did not vanish without a word: the notice names it, the indicator and who mapped it.
    const news = page.getByTestId('mapped-elsewhere');
    const indicators = await other().listIndicators({});
    const nameOf = (code: string) => indicators.find((i) => i.code === code)!.name;
    await expect.poll(() => news.count(), SOON).toBe(1);
    expect(await news.innerText()).toContain(`Nhãn “${mapped}” vừa được Lê Thị B gán vào chỉ tiêu “${nameOf('CN_DOT')}” ở một bàn khác.`);
    // What this desk had picked is not lost without a word either.
    expect(await news.innerText()).toContain(`Bạn đang chọn “${nameOf('MH_HOAGIAI')}” cho nhãn này, chưa xác nhận`);
    expect(await choice.inputValue()).toBe('MH_HOAGIAI');
    await screenshot(page, 'refresh-05-mapping');
    // Closed, it goes; the choice stays.
    await news.getByRole('button', { name: 'Đóng' }).click();
    expect(await news.count()).toBe(0);
    expect(await choice.inputValue()).toBe('MH_HOAGIAI');
    // The person's own mapping is theirs, not news from another desk.
    await app.shell.setUser('Nguyễn Văn A');
    expect(await mapping.confirm(items.first())).toContain(kept);
    await expect.poll(() => items.count(), SOON).toBe(0);
    expect(await news.count()).toBe(0);
  });

  it('Xu hướng: a month imported elsewhere joins the chosen unit\'s line; the indicator, unit and measure chosen stay', async () => {
    const { page } = app;
    await app.shell.go('trend');
    await new TrendPage(page).show('TT_LUOT', '412');
    await page.getByTestId('trend-measure').selectOption('ytd');
    const months = async () => (await page.getByTestId('trend-table').locator('thead th.num').allInnerTexts()).map((m) => m.trim());
    await expect.poll(months, SOON).toEqual(['Tháng 1/2023', 'Tháng 3/2023']);
    const canvas = page.getByTestId('trend-chart').locator('canvas');
    await other().importFiles({ paths: [sample('BC_T05_2023_412.xlsx')], user: 'Lê Thị B' });
    await expect.poll(months, SOON).toEqual(['Tháng 1/2023', 'Tháng 3/2023', 'Tháng 5/2023']);
    expect(await page.getByTestId('trend-indicator').inputValue()).toBe('TT_LUOT');
    expect(await page.getByTestId('trend-unit').inputValue()).toBe('412');
    expect(await page.getByTestId('trend-measure').inputValue()).toBe('ytd');
    // The chart drawn is the one updated, not a second one beside it.
    expect(await canvas.count()).toBe(1);
    await screenshot(page, 'refresh-06-trend');
  });

  it('Xuất báo cáo: a month imported elsewhere joins the periods; the period shown, the layout, the unit and the checks stay', async () => {
    const { page } = app;
    await app.shell.go('export');
    const period = page.getByTestId('export-period');
    await period.waitFor();
    // The latest month is offered; the person sets the rest of the form.
    expect(await period.inputValue()).toBe('2023-05');
    await page.getByTestId('export-layout').selectOption('periods');
    await page.getByTestId('export-unit').selectOption('412');
    await page.getByTestId('export-strict').uncheck();
    await page.getByTestId('export-today-units').check();
    const options = () => period.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(await options()).not.toContain('2023-06');
    await other().importFiles({ paths: [sample('BC_T06_2023_418.xlsx')], user: 'Lê Thị B' });
    await expect.poll(options, SOON).toContain('2023-06');
    // A later month is no reason to change the period the form was about to export.
    expect(await period.inputValue()).toBe('2023-05');
    expect(await page.getByTestId('export-layout').inputValue()).toBe('periods');
    expect(await page.getByTestId('export-unit').inputValue()).toBe('412');
    expect(await page.getByTestId('export-strict').isChecked()).toBe(false);
    expect(await page.getByTestId('export-today-units').isChecked()).toBe(true);
    await screenshot(page, 'refresh-07-export');
    expect(app.errors).toEqual([]);
  });
});
