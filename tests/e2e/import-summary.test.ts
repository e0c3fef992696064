/**
 * The import summary after a batch (issue 17), in the real UI: a folder with a cover letter, a
 * scan and a note imports its returns and lists the three as skipped (bỏ qua), not refused; the
 * summary says how many flags the batch raised and its link opens the flag queue on just those;
 * the import history keeps the skipped files. Screenshots at 1366x768 in test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCoverLetters } from '../fixtures/make-cover-letters';
import { sampleFiles } from '../helpers/samples';
import { hasChromium, screenshot } from './helpers/browser';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FlagsPage } from './pages/flags-page';
import { ImportPage } from './pages/import-page';

const USER = 'Nguyễn Văn A';
const of = (re: RegExp) => sampleFiles().filter((f) => re.test(path.basename(f)));

describe.skipIf(!hasChromium)('the import summary', () => {
  // An earlier batch already in the store, so the new batch's flags are not the whole queue.
  const app = useOpenApp({ prepare: importedFirst(of(/^H\. (Anh Sơn|Con Cuông)/), USER) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-mail-'));
  const returns = of(/^H\. (Quỳ Hợp|Quỳnh Lưu)/);
  for (const f of returns) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the papers that are no returns as skipped and links to the flags the batch raised', async () => {
    const letters = await writeCoverLetters(dir);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser(USER);
    const flags = new FlagsPage(app.page);
    await app.shell.go('import');
    const screen = new ImportPage(app.page);
    await screen.importPath(dir);
    expect((await screen.skippedFiles()).sort()).toEqual([letters.docx, letters.pdf, letters.txt].sort());
    expect((await screen.skippedMessages()).join('\n')).toMatch(/bỏ qua, không phải bảng tính \(văn bản Word\)/);
    expect(await screen.rejectedMessages()).toEqual([]);
    const summary = await screen.summary();
    expect(summary).toContain(`Đã nhập: ${returns.length} tệp`);
    expect(summary).toContain('Bỏ qua (không phải bảng tính): 3 tệp');
    expect(summary).toContain('Bị từ chối: 0');
    const link = screen.flagsLink();
    const raised = Number((await link.innerText()).match(/Cảnh báo mới: ([\d.]+)/)![1]!.replace(/\./g, ''));
    expect(raised).toBeGreaterThan(0);
    await screenshot(app.page, 'import-summary-skipped-and-flags');

    await link.click();
    await flags.waitForRows();
    await app.page.getByTestId('flag-batch').waitFor();
    expect(await flags.total()).toBe(raised);
    // Every flag listed is one of the batch's units (Quỳ Hợp, Quỳnh Lưu) or store-wide.
    const unitTexts = await flags.rows().locator('.ag-cell[col-id="unit"]').allInnerTexts();
    expect(unitTexts.length).toBeGreaterThan(0);
    for (const u of unitTexts) expect(u).toMatch(/Quỳ Hợp|Quỳnh Lưu|^$/);
    await screenshot(app.page, 'flags-of-import-batch');
    // Clearing the batch filter brings back the whole open queue, the earlier batch's flags too.
    await app.page.getByTestId('flag-batch-clear').click();
    await expect.poll(() => flags.total()).toBeGreaterThan(raised);

    await app.shell.go('history');
    const latest = app.page.getByTestId('history-batch').first();
    const skippedRows = latest.locator('[data-testid=history-file]').filter({ has: app.page.locator('.badge-skipped') });
    // The history loads after the screen opens: wait for the rows rather than read an empty list.
    await expect
      .poll(async () => (await skippedRows.locator('.file-name').allInnerTexts()).sort())
      .toEqual([letters.docx, letters.pdf, letters.txt].sort());
    expect(await latest.locator('summary').innerText()).toContain(`Cảnh báo mới: ${raised}`);
    await screenshot(app.page, 'history-skipped');
  });

  it('threw nothing in the page', () => {
    expect(app.errors).toEqual([]);
  });
});
