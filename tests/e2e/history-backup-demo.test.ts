/**
 * The screens of issue 16 in browser mode: a batch with a path that is not there goes on and
 * says so; the import screen finds its job again after a reload; the import history lists the
 * batches; a backup made from the backup screen is listed; demo data opens its own store under a
 * banner, and going back shows the real store as it was. Also: the page cannot be had without
 * the printed address's secret.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from './helpers/answer-key';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { ImportPage } from './pages/import-page';

describe.skipIf(!hasChromium)('history, backups and demo data', () => {
  const app = useOpenApp();

  it('refuses the page to a browser without the secret', async () => {
    const other = await app.browser.newPage();
    const response = await other.goto(app.server.url);
    expect(response?.status()).toBe(403);
    expect(await other.content()).toContain('Chưa được phép');
    await other.close();
  });

  it('goes on past a missing path, and finds the job again after a reload', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const screen = new ImportPage(app.page);
    const gone = path.join(SAMPLES, 'khong-co-tep-nay.xlsx');
    await screen.importPath(`${path.join(SAMPLES, 'BC_T01_2023_412.xlsx')}\n${gone}\n${path.join(SAMPLES, 'BC_T01_2023_415.xlsx')}`);
    expect(await screen.summary()).toMatch(/Đã nhập: 2 tệp/);
    expect(await app.page.getByTestId('import-results').innerText()).toContain('không tìm thấy tệp hoặc thư mục');
    await screenshot(app.page, '40-nhap-thieu-tep');
    await app.page.reload();
    await screen.waitForSummary();
    expect(await screen.summary()).toMatch(/Đã nhập: 2 tệp/);
  }, 180_000);

  it('lists every batch and file in the import history', async () => {
    await app.shell.go('history');
    await app.page.getByTestId('history-batch').first().waitFor();
    expect(await app.page.getByTestId('history-file').count()).toBe(3);
    expect(await app.page.getByTestId('history-list').innerText()).toContain('Không tìm thấy');
    await screenshot(app.page, '41-lich-su-nhap');
  });

  it('makes a backup from the backup screen and lists it', async () => {
    await app.shell.setUser('Nguyễn Văn A');
    await app.shell.go('backup');
    // Today's automatic one, made as the app started.
    await app.page.getByTestId('backup-row').filter({ hasText: /tu-dong-\d{4}-\d{2}-\d{2}\.db/ }).waitFor();
    await app.page.getByTestId('backup-now').click();
    await app.page.getByTestId('backup-row').filter({ hasText: /thu-cong-.*\.db/ }).waitFor();
    expect(await app.page.getByTestId('backup-row').count()).toBe(2);
    await screenshot(app.page, '42-sao-luu');
  });

  it('opens demo data in its own store under a banner, and goes back to the real store unchanged', async () => {
    await app.shell.go('import');
    await new ImportPage(app.page).loadDemo();
    await app.page.getByTestId('demo-banner').waitFor();
    expect(await app.page.getByTestId('demo-banner').innerText()).toContain('DỮ LIỆU MẪU');
    await screenshot(app.page, '43-du-lieu-mau-rieng');
    await app.page.getByTestId('demo-leave').click();
    await app.page.getByTestId('screen-import').waitFor();
    await app.page.getByTestId('demo-banner').waitFor({ state: 'detached' });
    await app.shell.go('history');
    await app.page.getByTestId('history-batch').first().waitFor();
    // The real store's history: the one batch of two samples and a missing path, no demo returns.
    expect(await app.page.getByTestId('history-batch').count()).toBe(1);
    expect(app.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 300_000);
});
