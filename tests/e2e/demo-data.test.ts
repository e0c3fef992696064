/**
 * "Dùng dữ liệu mẫu": one click makes the demo returns and imports them, on a store of its own
 * (so the demo never mixes with the sample returns of clerk-month.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { FiguresPage } from './pages/figures-page';
import { ImportPage } from './pages/import-page';

describe.skipIf(!hasChromium)('the demo returns', () => {
  const app = useOpenApp();

  it('are made and imported in one click, and fill the figures grid', async () => {
    const summary = await new ImportPage(app.page).loadDemo();
    expect(summary).toMatch(/Đã nhập: [\d.]+ tệp/);
    expect(Number(summary.match(/Đã nhập: ([\d.]+) tệp/)![1]!.replace(/\./g, ''))).toBeGreaterThan(10);
    await screenshot(app.page, '10-du-lieu-mau');
    const { shell } = app;
    await shell.go('figures');
    const figures = new FiguresPage(app.page);
    await figures.waitForRows();
    expect(await figures.rows().count()).toBeGreaterThan(5);
    expect(app.errors).toEqual([]);
  }, 300_000);
});
