/**
 * The trend chart (issue 17): several units on one chart with a legend, the y-axis from zero, a
 * point whose figure has an open flag marked, with the flag's message on hover and in the table.
 * The screen loads only the chosen indicator's figures and flags. On the sample returns (imported,
 * so checked: their flags are real); screenshot at 1366×768.
 */
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import { hasChromium, screenshot } from './helpers/browser';
import { SAMPLES } from './helpers/answer-key';
import { importedFirst, useOpenApp } from './helpers/open-app';

describe.skipIf(!hasChromium)('the trend chart', () => {
  const app = useOpenApp({ prepare: importedFirst([SAMPLES]) });

  it('draws three units as three lines from zero, a flagged point marked with its message', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const flags = await callApi(app.server, 'listFlags', { status: 'open' });
    const units = await callApi(app.server, 'listUnits', {});
    // A flag on one month's own figure of a unit (not a commune's, not year-to-date).
    const flag = flags.find((f) => f.figures.length === 1 && f.figures[0]!.subunit === null && f.figures[0]!.measure === 'period' && /^\d{4}-\d{2}$/.test(f.figures[0]!.period))!;
    expect(flag).toBeDefined();
    const fig = flag.figures[0]!;
    const others = units.filter((u) => u.level === 'district' && u.code !== flag.unit).slice(0, 2).map((u) => u.code);
    const chosen = [flag.unit, ...others];

    // What the screen asks the store for: the chosen indicator's figures and flags, never the whole store's.
    const asked: { method: string; indicators?: string[] }[] = [];
    page.on('request', (r) => {
      const method = /^\/api\/(listFigures|listFlags)$/.exec(new URL(r.url()).pathname)?.[1];
      if (method) asked.push({ method, ...(JSON.parse(r.postData() ?? '{}') as { indicators?: string[] }) });
    });
    await app.shell.go('trend');
    await page.getByTestId('trend-indicator').selectOption(fig.indicator);
    await page.getByTestId('trend-unit').selectOption(flag.unit);
    for (const u of others) await page.getByTestId('trend-add-unit').selectOption(u);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((a) => a.indicators?.length)).toBe(true);
    for (const method of ['listFigures', 'listFlags']) expect(asked.filter((a) => a.method === method).at(-1)?.indicators?.[0]).toBe(fig.indicator);

    const legend = await page.getByTestId('trend-legend').locator('li').allInnerTexts();
    expect(legend).toHaveLength(4);
    for (const [k, u] of chosen.entries()) expect(legend[k]).toMatch(new RegExp(`^${u} · `));
    expect(legend[3]).toBe('Số liệu có cảnh báo chưa xử lý');
    const rows = page.getByTestId('trend-table').locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual(chosen);

    // The y-axis from zero, whatever the figures.
    await expect.poll(() => page.getByTestId('trend-chart').getAttribute('data-y-min')).toBe('0');

    // Exactly the cells the open flags name are marked, each titled with the flags' messages.
    const months = (await page.getByTestId('trend-table').locator('thead th.num').allInnerTexts()).map((m) => m.trim());
    const expected = new Set<string>();
    for (const f of flags) for (const g of f.figures) {
      if (chosen.includes(f.unit) && g.indicator === fig.indicator && g.measure === 'period' && g.subunit === null) expected.add(`${f.unit}|${g.period}`);
    }
    const marked = await rows.evaluateAll((trs) => trs.flatMap((tr) => [...tr.querySelectorAll('td')].map((td, i) => ({ unit: tr.getAttribute('data-unit'), i, flagged: td.classList.contains('cell-flagged'), title: td.getAttribute('title') })).filter((c) => c.flagged)));
    expect(marked.length).toBe(expected.size);
    const month = Number(fig.period.slice(5, 7));
    const col = months.findIndex((m) => m === `Tháng ${month}/${fig.period.slice(0, 4)}`);
    expect(col).toBeGreaterThanOrEqual(0);
    expect(marked.find((c) => c.unit === flag.unit && c.i === col)?.title).toContain(flag.message);

    // Hovering the flagged month shows its values and the flag.
    const over = page.getByTestId('trend-chart').locator('.u-over');
    const box = (await over.boundingBox())!;
    const n = months.length;
    await page.mouse.move(box.x + ((col + 0.4) / (n - 1 + 0.8)) * box.width, box.y + box.height / 2);
    const tip = page.getByTestId('trend-tip');
    await expect.poll(() => tip.innerText()).toContain(`⚑ ${flag.unit} · `);
    expect(await tip.innerText()).toContain(flag.message.slice(0, 30));
    await screenshot(page, 'trend-01-three-units-flag');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('draws the value a reviewer corrected, not the one read', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const flags = await callApi(app.server, 'listFlags', { status: 'open' });
    const flag = flags.find((f) => f.figures.length === 1 && f.figures[0]!.subunit === null && f.figures[0]!.measure === 'period' && /^\d{4}-\d{2}$/.test(f.figures[0]!.period))!;
    const fig = flag.figures[0]!;
    const corrected = fig.value + 1234;
    await callApi(app.server, 'resolveFlag', { flagId: flag.id, action: 'correct', value: corrected, reason: 'Số đúng theo công văn gửi lại', user: 'Trần B' });
    await app.shell.go('trend');
    await page.getByTestId('trend-indicator').selectOption(fig.indicator);
    await page.getByTestId('trend-unit').selectOption(flag.unit);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    const months = (await page.getByTestId('trend-table').locator('thead th.num').allInnerTexts()).map((m) => m.trim());
    const col = months.indexOf(`Tháng ${Number(fig.period.slice(5, 7))}/${fig.period.slice(0, 4)}`);
    expect(col).toBeGreaterThanOrEqual(0);
    const cell = page.getByTestId('trend-table').locator(`tbody tr[data-unit="${flag.unit}"] td`).nth(col);
    // The screen may still show this indicator from before: the correction redraws it (store changes are polled every few seconds).
    await expect.poll(() => cell.innerText(), { timeout: 15_000 }).toBe(corrected.toLocaleString('vi-VN'));
    expect(app.errors).toEqual([]);
  }, 120_000);
});
