/**
 * Returns made in the test with the habits DOMAIN.md lists: NFD text, non-breaking and double
 * spaces, numbers typed as text, dashes, hidden rows and sheets, a 1904 date system with months as
 * date headings, a label no catalog entry matches, and a person's mapping remembered.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { tempDir } from '../helpers/samples';

const dir = tempDir();
let core: Core;
beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function listSheet(wb: ExcelJS.Workbook, title: string, rows: (string | number | null)[][], name = 'Báo cáo'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow(['Báo cáo kết quả tháng 3 năm 2024']);
  ws.addRow([]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  for (const r of rows) ws.addRow(r);
  return ws;
}

describe('returns with the habits of real clerks', () => {
  it('reads NFD labels, odd spaces, text numbers and dashes, and skips hidden rows and sheets', async () => {
    const file = await write('bao cao thang 3.xlsx', (wb) => {
      const ws = listSheet(wb, 'CÔNG AN HUYỆN YÊN THÀNH'.normalize('NFD'), [
        [1, 'Số\u00a0hồ sơ  định danh điện tử đã thu nhận'.normalize('NFD'), 'hồ sơ', '1.234', '3.702'],
        [2, 'Số TK ĐDĐT đã kích hoạt', 'tài khoản', 987, '2.950'],
        [3, 'Số đợt tuyên truyền', 'đợt', '-', 4],
        [4, 'Thuốc nổ', 'kg', '1,5', '2,25'],
        [5, 'Súng các loại', 'khẩu', 99, 99],
      ]);
      ws.getRow(9).hidden = true;
      const old = wb.addWorksheet('Tháng trước', { state: 'hidden' });
      old.addRow(['CÔNG AN HUYỆN YÊN THÀNH']);
      old.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này']);
      old.addRow([1, 'Số đợt tuyên truyền', 'đợt', 77]);
    });
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'imported', unit: '426', periods: ['2024-03'] });
    expect(r!.warnings!.join('\n')).toMatch(/dòng 9 .*bị ẩn/);
    expect(r!.warnings!.join('\n')).toMatch(/trang “Tháng trước” bị ẩn/);
    const figs = await core.listFigures({ unit: '426', period: '2024-03' });
    const get = (indicator: string, measure: string) => figs.find((f) => f.indicator === indicator && f.measure === measure);
    expect(get('DD_THUNHAN', 'period')).toMatchObject({ value: 1234, raw: '1.234', cell: 'D5' });
    expect(get('DD_KICHHOAT', 'ytd')).toMatchObject({ value: 2950, raw: '2.950' });
    expect(get('TT_DOT', 'period')).toMatchObject({ value: 0, raw: '-' });
    expect(get('VK_THUOCNO', 'period')).toMatchObject({ value: 1.5 });
    expect(get('VK_THUOCNO', 'ytd')).toMatchObject({ value: 2.25 });
    expect(get('VK_SUNG', 'period')).toBeUndefined();
    expect(figs.some((f) => f.value === 77)).toBe(false);
  });

  it('reads month headings typed as dates in a 1904 workbook', async () => {
    const file = await write('Ky Son 2024.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Tổng hợp');
      ws.addRow(['CÔNG AN HUYỆN KỲ SƠN']);
      ws.addRow(['Kết quả quý I năm 2024']);
      ws.addRow(['STT', 'Chỉ tiêu', 'ĐVT', new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2024, 2, 1))]);
      for (const c of ['D3', 'E3', 'F3']) ws.getCell(c).numFmt = 'mm/yyyy';
      ws.addRow([1, 'Số đối tượng ra đầu thú', 'đối tượng', 2, 0, 5]);
    });
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'imported', unit: '417', periods: ['2024-01', '2024-02', '2024-03'] });
    const figs = await core.listFigures({ unit: '417' });
    expect(figs.map((f) => [f.period, f.value])).toEqual([['2024-01', 2], ['2024-02', 0], ['2024-03', 5]]);
  });

  it('lists an unknown label with suggestions, and a confirmed mapping gives its figures and is used from then on', async () => {
    const rows = [[1, 'Số người lầm lỗi được cảm hóa, giáo dục', 'người', 12, 30], [2, 'Số đợt tuyên truyền', 'đợt', 3, 9]];
    const first = await write('H. Nam Đàn T03.2024.xlsx', (wb) => { listSheet(wb, 'CÔNG AN HUYỆN NAM ĐÀN', rows); });
    const [r] = await core.importFiles({ paths: [first] });
    expect(r).toMatchObject({ status: 'imported', figures: 2, unmapped: 1 });
    const unmapped = await core.listUnmapped({});
    const u = unmapped.find((x) => x.label.startsWith('Số người lầm lỗi'))!;
    expect(u).toMatchObject({ occurrences: 1, files: ['H. Nam Đàn T03.2024.xlsx'] });
    expect(u.suggestions[0]!.indicator).toBe('LL_GIUPDO');
    expect((await core.listFigures({ unit: '430' })).some((f) => f.indicator === 'LL_GIUPDO')).toBe(false);
    const flag = (await core.listFlags({ rule: 'unmapped_label' })).find((f) => f.message.includes(u.label))!;
    expect(flag).toMatchObject({ unit: '430', period: '2024-03', figures: [expect.objectContaining({ sheet: 'Báo cáo', cell: 'B5' })] });

    const mapped = await core.mapLabel({ label: u.label, indicator: 'LL_GIUPDO', user: 'Nguyễn Văn A' });
    expect(mapped.figuresAdded).toBe(2);
    expect((await core.listFigures({ unit: '430' })).filter((f) => f.indicator === 'LL_GIUPDO').map((f) => [f.measure, f.value, f.cell])).toEqual([['period', 12, 'D5'], ['ytd', 30, 'E5']]);
    expect(await core.listUnmapped({})).toEqual(unmapped.filter((x) => x !== u));
    expect((await core.listFlags({ rule: 'unmapped_label' })).some((f) => f.id === flag.id)).toBe(false);
    expect((await core.listAudit({})).at(-1)).toMatchObject({ action: 'map-label', user: 'Nguyễn Văn A', newValue: 'LL_GIUPDO' });

    const second = await write('H. Nam Đàn T04.2024.xlsx', (wb) => { listSheet(wb, 'CÔNG AN HUYỆN NAM ĐÀN', rows).getCell('A2').value = 'Báo cáo tháng 4 năm 2024'; });
    const [r2] = await core.importFiles({ paths: [second] });
    expect(r2).toMatchObject({ status: 'imported', figures: 4, unmapped: 0, periods: ['2024-04'] });
  });
});
