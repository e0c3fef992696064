/**
 * The flags screen at 1366x768 (issue 17): the source excerpt shows the table's header rows above
 * the rows around the cell, so the highlighted cell's column reads "Lũy kế" or "Trong kỳ"; the
 * decision form is in view without scrolling. Screenshots in test-artifacts/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../helpers/samples';
import { hasChromium, screenshot } from './helpers/browser';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';

describe.skipIf(!hasChromium)('the flag\'s source excerpt', () => {
  const app = useOpenApp({ prepare: importedFirst(sampleFiles(), 'Nguyễn Văn A') });

  it('shows the header rows over the cell, naming its column, and the decision form in view', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser('Nguyễn Văn A');
    await app.shell.go('flags');
    const flags = new FlagsPage(app.page);
    // A year-to-date that went down: its figures are in the "Lũy kế" column, the month's beside it.
    await flags.filterRule('ytd_decrease');
    await flags.waitForRows();
    await flags.open(0);
    const preview = app.page.getByTestId('source-preview');
    await flags.highlightedCell().waitFor();
    const headerRows = preview.getByTestId('source-header-row');
    expect(await headerRows.count()).toBeGreaterThan(0);
    // The words over the highlighted cell's column, read from the header rows at its place.
    const index = await flags.highlightedCell().locator('xpath=preceding-sibling::*').count();
    const over = (await Promise.all((await headerRows.all()).map((r) => r.locator(':scope > *').nth(index).innerText()))).join(' ');
    expect(over).toMatch(/lũy kế|luỹ kế/i);
    // Header rows sit above the window's rows: their numbers are smaller.
    const headerNumber = Number(await headerRows.last().locator('th').innerText());
    expect(headerNumber).toBeLessThan(Number(await flags.highlightedRowNumber()));

    // The form, its reason and its button, within the window: nothing to scroll to decide.
    for (const id of ['resolve-reason', 'resolve-submit']) {
      const box = (await app.page.getByTestId(id).boundingBox())!;
      expect(box, id).toBeTruthy();
      expect(box.y + box.height, id).toBeLessThanOrEqual(768);
      expect(box.y, id).toBeGreaterThanOrEqual(0);
    }
    expect(await app.page.evaluate<boolean>('document.scrollingElement.scrollHeight <= window.innerHeight')).toBe(true);
    await screenshot(app.page, 'flags-decision-form-1366');
    // The excerpt, scrolled into the panel's view: header rows frozen above the rows around the cell.
    await preview.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'flags-source-header-1366');
  });

  it('threw nothing in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
