/**
 * A clerk's month in the real UI (browser mode, Debian's Chromium): import the sample returns by
 * path, read the figures grid, open a flag and its source cell, decide it with a reason, find the
 * decision in the audit log; the other screens on the way. Each screen is saved as a screenshot in
 * test-artifacts/screenshots/ for a person to look at.
 */
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../main/core/store/migrate';
import { bigFigure, SAMPLES } from './helpers/answer-key';
import { NO_UNIT_FILE, UNKNOWN_LABEL, writeOddReturn } from './helpers/odd-return';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { FiguresPage } from './pages/figures-page';
import { FlagsPage } from './pages/flags-page';
import { ImportPage } from './pages/import-page';
import { AuditPage, ExportPage, MappingPage, StatusPage, TrendPage } from './pages/other-pages';

const vi = new Intl.NumberFormat('vi-VN');
/** A number as vi-VN writes it: dots between thousands, a comma before decimals. */
const VI_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?$/;
const USER = 'Nguyễn Văn A';
const REASON = 'Đã gọi điện xác nhận với đơn vị: số liệu đúng';

describe.skipIf(!hasChromium)('a clerk\'s month in the browser', () => {
  // A store left by an older version, with audit entries in the forms it wrote ("rule unit period:
  // message", codes in a row): the app upgrades it when it opens it, and the log must still read well.
  const app = useOpenApp({ prepare: (dataDir) => {
    const store = new Sqlite(path.join(dataDir, 'tonghop.db'));
    migrate(store, undefined, 6);
    const old = store.prepare(`INSERT INTO audit_log (at, user, action, target, old_value, new_value, reason) VALUES ('2023-07-01T08:00:00.000Z', 'Trần B', ?, ?, ?, ?, ?)`);
    old.run('accept-flag', 'outlier 421 2023-04: Súng các loại (3.300) bất thường — Huyện Quỳnh Lưu, tháng 4/2023', null, null, 'Bản ghi cũ');
    old.run('correct-figure', '425 2023-03 NHA_XD period (tệp H. Diễn Châu - BC thang 3-2023.xlsx, trang “T3”, ô D12)', '233', '23', 'Sửa cũ');
    store.close();
  } });
  let oddDir: string | null = null;

  afterAll(() => {
    if (oddDir) fs.rmSync(oddDir, { recursive: true, force: true });
  });

  it('opens in Vietnamese and says a dropped file has no path in a browser', async () => {
    expect(await app.shell.navTexts()).toEqual(['Nhập báo cáo', 'Nhập tay', 'Đối chiếu nhãn', 'Số liệu', 'Cần kiểm tra', 'Tình hình nộp báo cáo', 'Xu hướng', 'Xuất báo cáo', 'Nhật ký', 'Danh mục chỉ tiêu', 'Lịch sử nhập', 'Sao lưu', 'Thiết lập', 'Tài khoản']);
    // Page code as text: this file is type-checked without the DOM library.
    const transfer = await app.page.evaluateHandle("(() => { const dt = new DataTransfer(); dt.items.add(new File(['x'], 'BC_T01_2023_412.xlsx')); return dt; })()");
    await app.page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: transfer });
    await expect.poll(() => app.page.locator('.notice-info').innerText()).toContain('Trình duyệt không cho biết tệp kéo thả nằm ở đâu');
  });


  it('imports the sample returns from a typed folder path', async () => {
    await app.shell.setUser(USER);
    const screen = new ImportPage(app.page);
    await screen.startPath(SAMPLES);
    // The job is polled while it runs: a file in hand, the bar part-way, "Dừng" on offer.
    await expect.poll(() => app.page.getByTestId('import-progress').innerText(), { timeout: 30_000, interval: 50 })
      .toMatch(/^Đã xử lý [\d.]+\/107 tệp \(\d+%\)\s+Dừng\s+Đang nhập: .+\.xlsx$/);
    await screenshot(app.page, '01a-dang-nhap-bao-cao');
    await screen.waitForSummary();
    expect(await screen.progressValue()).toBe(100);
    expect(await screen.progressText()).toBe('Đã xử lý 107/107 tệp (100%)');
    expect(await app.page.getByTestId('import-cancel').count()).toBe(0);
    const summary = await screen.summary();
    expect(summary).toContain('Đã nhập: 106 tệp');
    expect(summary).toContain('Bị từ chối: 0');
    // The answer key is no spreadsheet at all: passed over, not refused as a return.
    expect(summary).toContain('Bỏ qua (không phải bảng tính): 1 tệp');
    expect(await screen.skippedFiles()).toEqual(['answer-key.json']);
    await screenshot(app.page, '01-nhap-bao-cao');
  }, 200_000);

  it('shows the figures grid with vi-VN numbers and a cell\'s provenance', async () => {
    await app.shell.go('figures');
    const screen = new FiguresPage(app.page);
    await screen.selectPeriod('2023-06');
    const big = bigFigure(6);
    const cell = await screen.cell(big.unit, big.indicator);
    expect(await cell.innerText()).toBe(vi.format(big.value));
    expect(await cell.innerText()).toMatch(/\./);
    const texts = (await screen.cellTexts()).filter((x) => x.trim() !== '');
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(text).toMatch(VI_NUMBER);
    for (const text of (await screen.totalTexts()).filter((x) => x.trim() !== '')) expect(text).toMatch(VI_NUMBER);
    const provenance = await screen.openProvenance(big.unit, big.indicator);
    expect(provenance).toContain(vi.format(big.value));
    expect(provenance).toMatch(/tệp .+, trang “.+”, ô [A-Z]+\d+/);
    await screenshot(app.page, '02-so-lieu');
    // A cell an open flag points at is marked (sample issue: 415, April, activated > received).
    await screen.selectPeriod('2023-04');
    await expect.poll(async () => (await screen.cell('415', 'DD_KICHHOAT')).getAttribute('class')).toContain('cell-flagged');
    expect(await (await screen.cell('412', 'DD_KICHHOAT')).getAttribute('class')).not.toContain('cell-flagged');
  });

  it('opens a flag, shows its source cell, moves by keys and resolves it with a reason', async () => {
    // The queue is read a page at a time (AG Grid's infinite row model), never all at once.
    const pages: { limit?: number; offset?: number }[] = [];
    app.page.on('request', (r) => { if (r.url().endsWith('/api/listFlags')) pages.push(JSON.parse(r.postData() ?? '{}') as { limit?: number; offset?: number }); });
    await app.shell.go('flags');
    const screen = new FlagsPage(app.page);
    await screen.waitForRows();
    expect(pages[0]).toMatchObject({ status: 'open', limit: 100, offset: 0 });
    // The header counts in the store: exact before the grid has read a second page.
    await expect.poll(() => screen.count()).toMatch(/\d+ cảnh báo/);
    const before = await screen.total();
    expect(before).toBeGreaterThan(20);
    expect(await screen.bySeverity()).toMatch(/^\(Lỗi: [\d.]+ · Cảnh báo: [\d.]+ · Lưu ý: [\d.]+\)$/);
    await screen.open(0);
    const first = await screen.message();
    expect(first.length).toBeGreaterThan(20);
    const sources = await screen.sources();
    expect(sources[0]).toMatch(/trang “.+”, ô [A-Z]+\d+$/);
    const cellAddress = sources[0]!.match(/ô ([A-Z]+)(\d+)$/)!;
    expect(await app.page.getByTestId('source-preview').innerText()).toMatch(/tệp .+\.xlsx, trang “.+”, ô [A-Z]+\d+/);
    // The sheet read again around the cell: the cell highlighted, holding the flagged figure, in its row and column.
    const first3 = (await app.page.getByTestId('flag-figures').locator('tbody tr').first().locator('td.num').innerText()).trim();
    await expect.poll(() => screen.highlightedCell().innerText()).toBe(first3);
    expect(await screen.highlightedRowNumber()).toBe(cellAddress[2]);
    expect(await screen.highlightedColumnLetter()).toBe(cellAddress[1]);
    await screenshot(app.page, '03-can-kiem-tra');

    // J moves to the next flag, K back; A puts the cursor in the reason.
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await screen.press('j');
    await expect.poll(() => screen.message()).not.toBe(first);
    await screen.press('k');
    await expect.poll(() => screen.message()).toBe(first);
    // C opens the correction with the cursor in the value; Escape goes back to the queue.
    await screen.press('c');
    await expect.poll(() => app.page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('resolve-value');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.evaluate("document.activeElement?.closest('.ag-root') !== null")).toBe(true);
    await screen.press('a');
    await expect.poll(() => app.page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('resolve-reason');
    await screen.resolve(REASON);
    await expect.poll(() => screen.total()).toBe(before - 1);
    expect(await screen.count()).toContain(`toàn bộ: ${vi.format(before - 1)} chưa xử lý, ${vi.format(1)} đã xử lý`);
    // The cursor stays on the row, now the next open flag.
    await expect.poll(() => screen.message()).not.toBe(first);
  });

  it('filters the queue by severity, the header counting what the filter holds', async () => {
    const screen = new FlagsPage(app.page);
    const all = await screen.total();
    const errorCount = Number((await screen.bySeverity()).match(/Lỗi: ([\d.]+)/)![1]!.replace(/\./g, ''));
    await screen.filterSeverity('warning');
    await expect.poll(() => screen.bySeverity()).toMatch(/^\(Cảnh báo: [\d.]+\)$/);
    const warnings = await screen.total();
    expect(warnings).toBeGreaterThan(0);
    await expect.poll(async () => (await screen.severityTexts()).length).toBe(warnings);
    expect(new Set(await screen.severityTexts())).toEqual(new Set(['Cảnh báo']));
    await screen.filterSeverity('error');
    await expect.poll(() => screen.total()).toBe(errorCount);
    await screen.filterSeverity('');
    await expect.poll(() => screen.total()).toBe(all);
  });

  it('shows a corrected figure in the grid with its new value, marked as corrected', async () => {
    // The sample's negative figure: Thanh Chương, February, people helped in the community, -28.
    await app.shell.go('flags');
    const flags = new FlagsPage(app.page);
    await flags.filterRule('negative_value');
    await expect.poll(() => flags.total()).toBe(1);
    await flags.open(0);
    expect(await flags.message()).toContain('(-28) là số âm');
    await flags.correct('28', 'Đơn vị gõ nhầm dấu trừ');
    await flags.filterRule('');
    await app.shell.go('figures');
    const figures = new FiguresPage(app.page);
    await figures.selectPeriod('2023-02');
    // The heading of each group is the catalog's.
    expect(await figures.groupHeadings()).toContain('I. AN SINH XÃ HỘI');
    // The column is far to the right: the indicator filter brings it into view.
    await figures.selectIndicator('LL_GIUPDO');
    const cell = await figures.cell('428', 'LL_GIUPDO');
    await expect.poll(() => cell.innerText()).toBe('28');
    expect(await cell.getAttribute('class')).toContain('cell-corrected');
    expect(await (await figures.cell('427', 'LL_GIUPDO')).getAttribute('class')).not.toContain('cell-corrected');
    await figures.selectIndicator('');
  });

  it('finds the decisions in the audit log, worded for people, old entries too', async () => {
    // The older entries (prepared above) were given structured fields when the store was upgraded;
    // every entry is worded from its fields, none from its prose.
    await app.shell.go('audit');
    const audit = new AuditPage(app.page);
    const rows = await audit.rowTexts();
    const entry = rows.find((r) => r.includes(REASON));
    expect(entry).toBeDefined();
    expect(entry).toContain(USER);
    expect(entry).toContain('Chấp nhận cảnh báo');
    // Units by name, their code beside it to search by.
    expect(entry).toMatch(/Chấp nhận cảnh báo “[^”]+” — (Huyện|Thị xã|Thành phố) [^,]+ \(\d+\), tháng \d+\/2023: /);
    const oldAccept = rows.find((r) => r.includes('Bản ghi cũ'));
    expect(oldAccept).toContain('Chấp nhận cảnh báo “Số bất thường” — Huyện Quỳnh Lưu (421), tháng 4/2023: Súng các loại (3.300) bất thường');
    expect(oldAccept).not.toContain('outlier 421');
    const oldCorrect = rows.find((r) => r.includes('Sửa cũ'));
    expect(oldCorrect).toMatch(/Sửa số liệu “Số nhà ở đã xây dựng, bàn giao cho hộ nghèo” \(trong kỳ\) — Huyện Diễn Châu \(\d+\), tháng 3\/2023 \(tệp H\. Diễn Châu/);
    const correction = rows.find((r) => r.includes('Đơn vị gõ nhầm dấu trừ'));
    expect(correction).toMatch(/Sửa số liệu “Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng” \(trong kỳ\) — Huyện Thanh Chương \(\d+\), tháng 2\/2023/);
    expect(correction).toContain('-28 → 28');
    // No code of the store's own (rule names, indicator codes, "period") is left for the reader.
    expect(rows.join('\n')).not.toMatch(/\b(period|ytd|LL_GIUPDO|NHA_XD|outlier)\b/);
    await audit.waitForRowHeights();
    await screenshot(app.page, '04-nhat-ky');
  });

  it('shows who sent which month, and the missing return', async () => {
    await app.shell.go('status');
    const row = await new StatusPage(app.page).rowOf('414');
    // The sample set leaves out Thái Hòa's May return (answer key: missing_return 414, month 5).
    expect(row.split('\t').map((s) => s.trim())[5]).toBe('Thiếu');
    await screenshot(app.page, '05-tinh-hinh-nop');
  });

  it('draws an indicator\'s trend', async () => {
    await app.shell.go('trend');
    const big = bigFigure(6);
    const table = await new TrendPage(app.page).show(big.indicator, big.unit);
    expect(table).toContain(vi.format(big.value));
    expect(table).toContain('Tháng 6/2023');
    await screenshot(app.page, '06-xu-huong');
  });

  it('refuses a strict export while flags are open, and exports the workbook otherwise', async () => {
    await app.shell.go('export');
    const screen = new ExportPage(app.page);
    expect(await screen.refused('2023-06')).toMatch(/cảnh báo chưa xử lý/);
    const saved = await screen.download('2023-06');
    expect(saved.name).toBe('Tong hop 2023-06.xlsx');
    // An .xlsx is a zip: it starts with "PK".
    expect(saved.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await app.page.locator('.notice-success').innerText()).toMatch(/Đã xuất Tong hop 2023-06\.xlsx\. \([\d.]+ trang, [\d.]+ ô, [\d.]+ công thức\)/);
    await screenshot(app.page, '07-xuat-bao-cao');
  });

  it('takes the unit of a return that names none, matches an unknown label, and logs both', async () => {
    await app.shell.go('import');
    const imported = new ImportPage(app.page);
    oddDir = await writeOddReturn();
    await imported.importPath(oddDir);
    expect(await imported.summary()).toContain('Nhãn chưa đối chiếu: 1');
    expect(await imported.summary()).toContain('Bị từ chối: 1');
    expect(await imported.assignUnit(NO_UNIT_FILE, '430')).toBe('Đã nhập');
    await app.shell.go('mapping');
    const mapping = new MappingPage(app.page);
    const item = await mapping.item(UNKNOWN_LABEL);
    // The best suggestion is preselected: people who erred, helped in the community.
    expect(await item.locator('select').inputValue()).toBe('LL_GIUPDO');
    await screenshot(app.page, '08-doi-chieu-nhan');
    expect(await mapping.confirm(item)).toContain('thêm 2 số liệu');
    await expect.poll(() => mapping.text(), { timeout: 10_000 }).toContain('Không có nhãn nào chưa đối chiếu');
    await app.shell.go('audit');
    const log = await new AuditPage(app.page).rowTexts();
    expect(log.some((r) => r.includes('Đối chiếu nhãn') && r.includes(UNKNOWN_LABEL) && r.includes(USER))).toBe(true);
    expect(log.some((r) => r.includes('Gán đơn vị cho tệp') && r.includes(NO_UNIT_FILE) && r.includes(USER))).toBe(true);
  });

  it('switches to English and back', async () => {
    await app.shell.go('figures');
    await app.shell.setLanguage('en');
    expect(await app.shell.title()).toBe('Figures');
    await new FiguresPage(app.page).waitForRows();
    await screenshot(app.page, '09-figures-en');
    await app.shell.setLanguage('vi');
    expect(await app.shell.title()).toBe('Số liệu');
  });

  it('broke no rule of the app.page (CSP) and threw nothing', () => {
    expect(app.errors).toEqual([]);
  });
});
