/**
 * "Dùng dữ liệu mẫu": one click makes the demo returns and imports them, on a store of its own
 * (so the demo never mixes with the sample returns of clerk-month.test.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openBrowser, screenshot } from './helpers/browser';
import type { BrowserMode } from './helpers/server';
import { startBrowserMode } from './helpers/server';
import { AppShell } from './pages/app-shell';
import { FiguresPage } from './pages/figures-page';
import { ImportPage } from './pages/import-page';

describe.skipIf(!hasChromium)('the demo returns', () => {
  let server: BrowserMode;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startBrowserMode();
    ({ browser, page, errors } = await openBrowser());
    await new AppShell(page).open(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('are made and imported in one click, and fill the figures grid', async () => {
    const summary = await new ImportPage(page).loadDemo();
    expect(summary).toMatch(/Đã nhập: [\d.]+ tệp/);
    expect(Number(summary.match(/Đã nhập: ([\d.]+) tệp/)![1]!.replace(/\./g, ''))).toBeGreaterThan(10);
    await screenshot(page, '10-du-lieu-mau');
    const shell = new AppShell(page);
    await shell.go('figures');
    const figures = new FiguresPage(page);
    await figures.waitForRows();
    expect(await figures.rows().count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  }, 300_000);
});
