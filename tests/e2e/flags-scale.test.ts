/**
 * The flag queue at a province-year's size: 100,000 flags written straight into a throwaway
 * store before browser mode opens it, then the time from clicking "Cần kiểm tra" until the first
 * grid rows are on screen (the issue's target: under 1 s, AG Grid's infinite row model). Measured
 * in the page, from the click to the first frame that shows a row with its message.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot } from './helpers/browser';
import type { ManyFlags } from './helpers/many-flags';
import { fillWithFlags } from './helpers/many-flags';
import { useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';

const FLAGS = 100_000;
const TARGET_MS = 1000;
const vi = new Intl.NumberFormat('vi-VN');

/** Page code as text: this file is type-checked without the DOM library. */
const CLICK_AND_TIME_FIRST_ROWS = `new Promise((resolve) => {
  const started = performance.now();
  document.querySelector('[data-testid=nav-flags]').click();
  const look = () => {
    const cell = document.querySelector('[data-testid=flags-grid] .ag-row:not(.ag-row-loading) .ag-cell[col-id=message]');
    if (cell && cell.textContent.trim() !== '') resolve(performance.now() - started);
    else requestAnimationFrame(look);
  };
  look();
})`;

describe.skipIf(!hasChromium)('the flag queue with 100,000 flags', () => {
  let filled: ManyFlags;
  const app = useOpenApp({ prepare: (_dataDir, store) => { filled = fillWithFlags(store, FLAGS); } }, 180_000);

  it('shows the first rows in under a second, and counts the whole queue', async () => {
    const { shell } = app;
    const times: number[] = [];
    // The first visit, then two more from another screen (the grid's code is warm by then).
    for (let i = 0; i < 3; i++) {
      if (i > 0) await shell.go('import');
      times.push(Math.round(await app.page.evaluate<number>(CLICK_AND_TIME_FIRST_ROWS)));
    }
    console.log(`Cần kiểm tra, ${vi.format(filled.flags)} flags: first rows after ${times.map((t) => `${t} ms`).join(', ')} (target ${TARGET_MS} ms)`);
    for (const t of times) expect(t).toBeLessThan(TARGET_MS);

    const flags = new FlagsPage(app.page);
    const open = filled.flags - filled.resolved;
    await expect.poll(() => flags.total()).toBe(open);
    expect(await flags.count()).toContain(`${vi.format(open)} cảnh báo`);
    // Most severe first: the first page is all errors.
    expect(new Set(await flags.severityTexts())).toEqual(new Set(['Lỗi']));
    await screenshot(app.page, '12-can-kiem-tra-100000');
  }, 120_000);

  it('filters by severity and still answers at once', async () => {
    const flags = new FlagsPage(app.page);
    const started = Date.now();
    await flags.filterSeverity('info');
    await expect.poll(async () => new Set(await flags.severityTexts())).toEqual(new Set(['Lưu ý']));
    const info = await flags.total();
    expect(info).toBeGreaterThan(1000);
    expect(info).toBeLessThan(filled.bySeverity.info);
    expect(Date.now() - started).toBeLessThan(3 * TARGET_MS);
    expect(app.errors).toEqual([]);
  });
});
