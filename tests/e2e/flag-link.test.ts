/**
 * A flagged cell of the figures grid and its flag link both ways (issue 17): the cell's mark opens
 * the queue on that cell's flags (same unit, period and indicator), and the flag's "Xem trong bảng
 * số liệu" comes back to the same cell, focused and outlined; F on the cell opens its flags again.
 * On the sample returns, at 1366×768.
 */
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import { hasChromium, screenshot } from './helpers/browser';
import { SAMPLES } from './helpers/answer-key';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FiguresPage } from './pages/figures-page';
import { FlagsPage } from './pages/flags-page';

const PERIOD = '2023-06';

/** The flag ids a #/flags?flag=..&flag=.. address names. */
function idsOf(url: string): string[] {
  return new URLSearchParams(new URL(url).hash.split('?')[1] ?? '').getAll('flag');
}

describe.skipIf(!hasChromium)('a flagged cell and its flag', () => {
  const app = useOpenApp({ prepare: importedFirst([SAMPLES]) });

  it('goes from the cell to its flag and back to the cell', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser('Nguyễn Văn A');
    await app.shell.go('figures');
    const figures = new FiguresPage(app.page);
    await figures.selectPeriod(PERIOD);
    const mark = figures.flagMarks().first();
    await mark.waitFor();
    const cell = await figures.markCell(mark);
    const title = (await mark.getAttribute('title')) ?? '';
    expect(cell.unit).toMatch(/^\d+$/);
    // The mark is drawn, not written: the cell's text (copied, searched) is its number alone.
    expect((await (await figures.cell(cell.unit, cell.indicator)).innerText()).trim()).toMatch(/^[\d.,]+$/);
    await mark.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'flag-link-00-marked-cell');

    await mark.click();
    await app.page.getByTestId('screen-flags').waitFor();
    const ids = idsOf(app.page.url());
    expect(ids.length).toBeGreaterThan(0);
    // Every flag the link names is this cell's: its unit, a figure of this period and indicator, open.
    const named = await callApi(app.server, 'listFlags', { ids });
    expect(named.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const f of named) {
      expect(f.unit).toBe(cell.unit);
      expect(f.status).toBe('open');
      expect(f.figures.some((g) => g.period === PERIOD && g.indicator === cell.indicator)).toBe(true);
    }
    // ...and they are all the open flags that point at the cell (checked apart from the grid's own reckoning).
    const open = await callApi(app.server, 'listFlags', { period: PERIOD, unit: cell.unit, status: 'open' });
    const onCell = open.filter((f) => f.figures.some((g) => g.period === PERIOD && g.indicator === cell.indicator && g.subunit === null && g.measure === 'period'));
    expect(onCell.map((f) => f.id).sort()).toEqual([...ids].sort());

    const flags = new FlagsPage(app.page);
    await flags.waitForRows();
    await expect.poll(() => flags.rows().count()).toBe(ids.length);
    await flags.detail().waitFor();
    await expect(app.page.getByTestId('flag-ids').isVisible()).resolves.toBe(true);
    const shown = named.find((f) => f.id === ids[0])!;
    expect(await flags.detail().locator('.flag-head').innerText()).toContain(`${cell.unit} · `);
    const message = await flags.message();
    expect(title.split('\n')).toContain(message);
    await screenshot(app.page, 'flag-link-01-flag-of-cell');

    // Back: the figure of this cell among the flag's figures, then "see in the grid".
    const index = shown.figures.findIndex((g) => g.period === PERIOD && g.indicator === cell.indicator && g.subunit === null);
    if (shown.figures.length > 1) await app.page.getByTestId('flag-figures').locator('tbody tr').nth(index).click();
    await app.page.getByTestId('flag-see-in-grid').click();
    await app.page.getByTestId('screen-figures').waitFor();
    await expect.poll(() => figures.focusedCell()).toEqual({ unit: shown.unit, indicator: shown.figures[index]!.indicator, target: true });
    expect(await figures.period()).toBe(PERIOD);
    expect(cell).toEqual({ unit: shown.unit, indicator: shown.figures[index]!.indicator });
    // The provenance panel opens on the same cell.
    await app.page.getByTestId('provenance').waitFor();
    await screenshot(app.page, 'flag-link-02-cell-of-flag');

    // F on the focused cell opens its flags again.
    await app.page.keyboard.press('f');
    await app.page.getByTestId('screen-flags').waitFor();
    expect(idsOf(app.page.url()).sort()).toEqual([...ids].sort());
    expect(app.errors).toEqual([]);
  }, 180_000);
});
