/**
 * The figures grid (issue 17): the search, the columns a user chose (kept across a reload), the
 * selected rows copied as Excel pastes them, the province row of a rate from its numerator and
 * denominator as the exported workbook has it, and the grid as shown downloaded as a workbook.
 * On the sample returns; screenshots at 1366×768.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import { hasChromium, screenshot } from './helpers/browser';
import { SAMPLES } from './helpers/answer-key';
import { importedFirst, useOpenApp } from './helpers/open-app';
import { FiguresPage, FiguresToolbarPage } from './pages/figures-page';

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

async function readXlsx(base64OrFile: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base64OrFile as unknown as ArrayBuffer);
  return wb;
}

describe.skipIf(!hasChromium)('the figures grid', () => {
  const app = useOpenApp({ prepare: importedFirst([SAMPLES]) });

  it('totals a rate from its numerator and denominator, as the exported workbook does', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.shell.setUser('Nguyễn Văn A');
    await app.shell.go('figures');
    const screen = new FiguresPage(app.page);
    await screen.selectPeriod('2023-06');
    const indicators = await callApi(app.server, 'listIndicators');
    const rates = indicators.filter((i) => i.kind === 'rate' && i.rate);
    expect(rates.length).toBeGreaterThan(0);
    // The workbook's "Nguồn số liệu" sheet: every number of the table with its column and indicator.
    const out = await callApi(app.server, 'exportWorkbook', { period: '2023-06' });
    const wb = await readXlsx(Buffer.from(out.base64!, 'base64'));
    const provenance = wb.getWorksheet('Nguồn số liệu')!;
    const exported = new Map<string, number>();
    provenance.eachRow((row) => { if (row.getCell(3).value === 'Toàn tỉnh' && typeof row.getCell(5).value === 'number') exported.set(String(row.getCell(4).value), row.getCell(5).value as number); });
    for (const rate of rates) {
      const cell = screen.grid().locator(`.ag-floating-bottom .ag-cell[col-id="${rate.code}"], .ag-grid-pinned-bottom-rows-container .ag-cell[col-id="${rate.code}"]`).first();
      await cell.scrollIntoViewIfNeeded();
      const want = exported.get(rate.name);
      expect(want, rate.name).toBeDefined();
      expect((await cell.innerText()).trim(), rate.name).toBe(vi.format(want!));
      // Not the sum of the units' rates.
      const units = await screen.grid().locator(`.ag-grid-scrolling-container .ag-cell[col-id="${rate.code}"]`).allInnerTexts();
      const summed = units.map((t) => Number(t.replace(/\./g, '').replace(',', '.'))).filter((n) => Number.isFinite(n)).reduce((a, b) => a + b, 0);
      expect(Math.abs(summed - want!)).toBeGreaterThan(0.05);
    }
    await screenshot(app.page, 'figures-01-rate-total');
  }, 120_000);

  it('searches by unit, indicator and file, and keeps the columns a user chose across a reload', async () => {
    const bar = new FiguresToolbarPage(app.page);
    const screen = new FiguresPage(app.page);
    const all = await bar.rowLabels();
    expect(all.length).toBeGreaterThan(15);
    await bar.search('nghi loc');
    await expect.poll(() => bar.rowLabels()).toEqual(all.filter((l) => l.includes('Nghi Lộc')));
    const allColumns = await bar.columnIds();
    await bar.search('tỷ lệ');
    await expect.poll(async () => (await bar.rowLabels()).length).toBe(all.length);
    const rateCols = await bar.columnIds();
    expect(rateCols.length).toBeGreaterThan(0);
    expect(rateCols.length).toBeLessThan(allColumns.length);
    const figures = await callApi(app.server, 'listFigures', { period: '2023-06' });
    const oneFile = figures.find((f) => f.unit === '425' && f.file)!.file!;
    await bar.search(oneFile.slice(0, -5));
    await expect.poll(() => bar.rowLabels()).toEqual(all.filter((l) => l.startsWith('425 · ')));
    await bar.search('');
    await expect.poll(async () => (await bar.rowLabels()).length).toBe(all.length);

    const hide = allColumns[1]!;
    await bar.setColumn(hide, false);
    await expect.poll(() => bar.columnIds()).not.toContain(hide);
    await screenshot(app.page, 'figures-02-columns');
    await app.page.reload();
    await screen.selectPeriod('2023-06');
    await expect.poll(() => bar.columnIds()).toEqual(allColumns.filter((c) => c !== hide));
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('copies the selected rows as tab-separated Vietnamese numbers, and downloads the grid as shown', async () => {
    const bar = new FiguresToolbarPage(app.page);
    const screen = new FiguresPage(app.page);
    const labels = await bar.rowLabels();
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await bar.selectRow(labels[0]!);
    await bar.selectRow(labels[2]!);
    await app.page.getByTestId('figures-copy').click();
    await app.page.getByText('Đã sao chép 2 dòng').waitFor();
    const text = await app.page.evaluate('navigator.clipboard.readText()') as string;
    const lines = text.split('\r\n').map((l) => l.split('\t'));
    expect(lines).toHaveLength(3);
    const columns = await bar.columnIds();
    expect(lines[0]).toHaveLength(columns.length + 1);
    expect(lines[1]![0]).toBe(labels[0]);
    expect(lines[2]![0]).toBe(labels[2]);
    // Each number as the grid shows it, the Vietnamese way.
    for (const [k, code] of columns.entries()) {
      expect(lines[1]![k + 1], code).toBe((await (await screen.cell(labels[0]!.split(' · ')[0]!, code)).innerText()).trim());
    }
    expect(lines.slice(1).flat().some((c) => /^\d{1,3}(\.\d{3})+$|,\d/.test(c))).toBe(true);

    // Sorted by a column (descending: two clicks), filtered by a search, one column hidden already.
    await bar.search('nghi');
    await expect.poll(async () => (await bar.rowLabels()).length).toBeLessThan(labels.length);
    // "nghi" names indicators too ("nghiệp vụ"...): the columns shown may narrow with the rows.
    const shownColumns = await bar.columnIds();
    const sortBy = shownColumns[0]!;
    const header = screen.grid().locator(`.ag-header-cell[col-id="${sortBy}"] .ag-header-cell-text`);
    await header.click();
    await header.click();
    const shown = await bar.rowLabels();
    // "nghi" finds Nghi Lộc and, without diacritics, Nghĩa Đàn: search ignores tone marks.
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(labels.length);
    expect(shown.some((l) => l.includes('Nghĩa'))).toBe(true);
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('figures-export').click()]);
    const file = path.join(app.server.dataDir, 'luoi.xlsx');
    await download.saveAs(file);
    await screenshot(app.page, 'figures-03-sorted-export');
    const ws = (await readXlsx(fs.readFileSync(file))).worksheets[0]!;
    const headerRow = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    expect(headerRow).toHaveLength(shownColumns.length + 1);
    const body: unknown[][] = [];
    ws.eachRow((row, n) => { if (n > 3) body.push((row.values as unknown[]).slice(1)); });
    // The rows shown in their order, then their total (not called the province's: rows are filtered).
    expect(body.map((r) => r[0])).toEqual([...shown, 'Cộng các đơn vị đang hiện']);
    const sortCol = body.slice(0, -1).map((r) => (typeof r[1] === 'number' ? r[1] : -Infinity));
    expect(sortCol).toEqual([...sortCol].sort((a, b) => b - a));
    expect(body.flat().some((v) => typeof v === 'number')).toBe(true);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
