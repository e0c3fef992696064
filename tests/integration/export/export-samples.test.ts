/** The consolidated workbook exported from the imported sample returns (Nghệ An, January–June 2023). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../../helpers/store-target';
import type ExcelJS from 'exceljs';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import type { Database } from '../../../main/core/store/open-db';
import { openDb } from '../../../main/core/store/open-db';
import { ExportRefused, exportWorkbook } from '../../../main/core/export/export-workbook';
import { answerKey } from '../../helpers/samples';
import { colOf, numberAt, openWorkbook, rowOf, SAMPLES, textsOf } from './workbook-helpers';

const key = answerKey();
const SHEETS = ['Tổng hợp', 'Cần kiểm tra', 'Nguồn số liệu'];
const TODAY = new Date(2024, 1, 5);

/** What the answer key says a unit's figure for some months is, by the indicator's kind. */
function expected(unit: string, indicator: string, months: number[], kind: string): number | null {
  const byMonth = new Map(key.values.filter((v) => v.unit === unit && v.indicator === indicator && v.column === 'period' && v.commune === null && months.includes(v.month))
    .map((v) => [v.month, v.value]));
  const present = months.filter((m) => byMonth.has(m));
  if (present.length === 0) return null;
  return kind === 'flow' ? present.reduce((s, m) => s + byMonth.get(m)!, 0) : byMonth.get(present.at(-1)!)!;
}

describe('exporting the consolidated workbook from the samples', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  let core: Core;
  /** A connection of the test's own, for the export function called without the contract. */
  let db: Database;
  const books = new Map<string, ExcelJS.Workbook>();
  beforeAll(async () => {
    const store = await storeTarget(dir);
    core = createApi({ dbPath: store, now: () => '2024-02-05T08:00:00.000Z' });
    await core.importFiles({ paths: [SAMPLES] });
    db = openDb(store);
    const cases: [string, Parameters<typeof exportWorkbook>[1]][] = [
      ['2023-06', { period: '2023-06', today: TODAY }],
      ['2023-Q2', { period: '2023-Q2', today: TODAY }],
      ['2023-H1', { period: '2023-H1', today: TODAY }],
      ['periods-424', { period: '2023-H1', layout: 'periods', unit: '424', today: TODAY }],
      ['periods-province', { period: '2023-Q2', layout: 'periods', today: TODAY }],
    ];
    for (const [name, opts] of cases) {
      const out = await exportWorkbook(db, opts);
      expect(out.sheets).toEqual(SHEETS);
      expect(out.formulas).toBeGreaterThan(50);
      books.set(name, await openWorkbook(out.buffer));
    }
  });
  afterAll(async () => { await core.close(); db.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('opens in exceljs with the three sheets, for every period and layout', () => {
    for (const wb of books.values()) expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });

  it('has the header block, title and signature of Decree 30, in Times New Roman everywhere', () => {
    const ws = books.get('2023-06')!.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A1').value).toBe('CÔNG AN TỈNH NGHỆ AN');
    expect(ws.getCell('A2')).toMatchObject({ value: 'PHÒNG THAM MƯU', font: { bold: true } });
    const texts = textsOf(ws);
    expect(texts).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Biểu số 01/TH',
      'Nghệ An, ngày 05 tháng 02 năm 2024', 'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', 'Kỳ báo cáo: tháng 6 năm 2023',
      'NGƯỜI LẬP BIỂU', 'TL. GIÁM ĐỐC', 'TRƯỞNG PHÒNG', 'Nơi nhận:', '- Lưu: VT, PV01.']));
    const cellWith = (t: string) => { let c: ExcelJS.Cell | undefined; ws.eachRow((r) => r.eachCell((x) => { if (x.value === t) c ??= x; })); return c!; };
    expect(cellWith('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').font).toMatchObject({ bold: true, size: 13 });
    expect(cellWith('Độc lập - Tự do - Hạnh phúc').font).toMatchObject({ bold: true, size: 14 });
    expect(cellWith('Nghệ An, ngày 05 tháng 02 năm 2024').font).toMatchObject({ italic: true });
    expect(cellWith('Nơi nhận:').font).toMatchObject({ bold: true, italic: true });
    expect(cellWith('- Lưu: VT, PV01.').font).toMatchObject({ size: 11 });
    expect(texts.some((t) => /^─+$/.test(t))).toBe(true);
    for (const w of books.get('2023-06')!.worksheets) {
      w.eachRow((r) => r.eachCell((c) => { if (c.value !== null) expect(c.font?.name, `${w.name}!${c.address}`).toBe('Times New Roman'); }));
    }
    expect(books.get('2023-Q2')!.getWorksheet('Tổng hợp')!.getCell('A7').value).toBe('Kỳ báo cáo: quý II năm 2023');
    expect(books.get('2023-H1')!.getWorksheet('Tổng hợp')!.getCell('A7').value).toBe('Kỳ báo cáo: 6 tháng đầu năm 2023');
    expect(books.get('periods-424')!.getWorksheet('Tổng hợp')!.getCell('A7').value).toBe('Đơn vị: Huyện Anh Sơn — kỳ báo cáo: 6 tháng đầu năm 2023');
  });

  it('prints on A4 landscape, one page wide, the table heading repeated on every page', () => {
    const ws = books.get('2023-06')!.getWorksheet('Tổng hợp')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '9:11' });
  });

  it('has the table headings, column letters, bold groups and indented "trong đó" rows', () => {
    const ws = books.get('2023-06')!.getWorksheet('Tổng hợp')!;
    expect([1, 2, 3].map((c) => ws.getCell(9, c).value)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT']);
    for (const h of ['TP Vinh', 'TX Thái Hòa', 'Quế Phong', 'Toàn tỉnh', 'Lũy kế năm', 'Cùng kỳ năm trước', 'So sánh (%)']) expect(colOf(ws, h)).toBeGreaterThan(3);
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(11, c).value)).toEqual(['A', 'B', 'C', '1', '2']);
    const group = rowOf(ws, 'AN SINH XÃ HỘI');
    expect(ws.getCell(group, 1).value).toBe('I');
    expect(ws.getCell(group, 2).font.bold).toBe(true);
    const child = rowOf(ws, 'Trong đó: đối tượng có lệnh truy nã');
    expect(ws.getCell(child, 2).alignment.indent).toBe(1);
    expect(ws.getCell(rowOf(ws, 'Số đối tượng ra đầu thú'), 2).alignment.indent ?? 0).toBe(0);
    expect(ws.getCell(rowOf(ws, 'Số nhà ở đã xây dựng, bàn giao cho hộ nghèo'), 4).numFmt).toBe('#,##0');
    expect(ws.getCell(rowOf(ws, 'Tỷ lệ hồ sơ tiếp nhận trực tuyến'), 4).numFmt).toBe('#,##0.0');
  });

  it('shows each unit\'s figure of the month as the answer key has it, and totals as SUM formulas', () => {
    const ws = books.get('2023-06')!.getWorksheet('Tổng hợp')!;
    const units = Object.keys(key.units).sort();
    for (const ind of (db.prepare(`SELECT code, name, kind FROM indicators WHERE kind <> 'rate'`).all() as { code: string; name: string; kind: string }[])) {
      const r = rowOf(ws, ind.name);
      units.forEach((u, k) => expect(numberAt(ws, r, 4 + k), `${u} ${ind.code}`).toBe(expected(u, ind.code, [6], ind.kind)));
      const total = ws.getCell(r, 4 + units.length).value as ExcelJS.CellFormulaValue;
      expect(total.formula).toBe(`IF(COUNT(D${r}:X${r})=0,"",SUM(D${r}:X${r}))`);
    }
    const r = rowOf(ws, 'Số nhà ở đã xây dựng, bàn giao cho hộ nghèo');
    expect(numberAt(ws, r, colOf(ws, 'Diễn Châu'))).toBe(20);
  });

  it('sums a quarter\'s months for flows and takes the last month for stocks; a missing month stays out, not 0', () => {
    const ws = books.get('2023-Q2')!.getWorksheet('Tổng hợp')!;
    const thaiHoa = colOf(ws, 'TX Thái Hòa');
    for (const [code, name, kind] of [['NHA_XD', 'Số nhà ở đã xây dựng, bàn giao cho hộ nghèo', 'flow'], ['MH_TONG', 'Tổng số tổ chức, mô hình tự quản về an ninh, trật tự', 'stock']]) {
      expect(numberAt(ws, rowOf(ws, name!), thaiHoa)).toBe(expected('414', code!, [4, 5, 6], kind!));
      expect(numberAt(ws, rowOf(ws, name!), colOf(ws, 'Kỳ Sơn'))).toBe(expected('417', code!, [4, 5, 6], kind!));
    }
  });

  it('leaves a unit with no return empty, not 0: TX Thái Hòa sent none for May', async () => {
    expect(key.values.filter((v) => v.unit === '414' && v.month === 5)).toEqual([]);
    const ws = (await openWorkbook((await exportWorkbook(db, { period: '2023-05', today: TODAY })).buffer)).getWorksheet('Tổng hợp')!;
    const col = colOf(ws, 'TX Thái Hòa');
    for (const ind of (db.prepare('SELECT name FROM indicators').all() as { name: string }[])) expect(numberAt(ws, rowOf(ws, ind.name), col), ind.name).toBeNull();
    expect(textsOf(ws).join('\n')).toMatch(/Chưa có số liệu: Thị xã Thái Hòa \(tháng 5\/2023\)/);
  });

  it('lists the open flags of the period in sheet "Cần kiểm tra", the rule in Vietnamese', async () => {
    const open = (await core.listFlags({ status: 'open' })).filter((f) => f.periods.includes('2023-06') || f.period === '2023-06');
    const ws = books.get('2023-06')!.getWorksheet('Cần kiểm tra')!;
    const rows = ws.getColumn(6).values.filter((v) => typeof v === 'string' && open.some((f) => f.message === v));
    expect(rows).toHaveLength(open.length);
    expect(textsOf(ws)).toContain('Tổng không bằng các thành phần');
    expect(textsOf(ws).some((t) => t.includes('H. Nghi Lộc T06.2023.xlsx, trang tính BC T6, ô D34'))).toBe(true);
  });

  it('names, in sheet "Nguồn số liệu", the file, sheet and cell each number of the table comes from', () => {
    const wb = books.get('2023-06')!;
    const table = wb.getWorksheet('Tổng hợp')!;
    const address = table.getCell(rowOf(table, 'Số nhà ở đã xây dựng, bàn giao cho hộ nghèo'), colOf(table, 'Diễn Châu')).address;
    const ws = wb.getWorksheet('Nguồn số liệu')!;
    let line = -1;
    ws.getColumn(2).eachCell((c, r) => { if (c.value === address) line = r; });
    expect(line).toBeGreaterThan(0);
    expect(ws.getCell(line, 5).value).toBe(20);
    expect(ws.getCell(line, 7).value).toMatch(/tệp BC_T06_2023_425\.xlsx, trang tính T6, ô D12/);
    expect(ws.getCell(line, 6).value).toBe('Số trong kỳ tháng 6/2023');
  });

  it('lists each source cell once per indicator: a year-to-date that is the period itself names the cell that lists its sources', () => {
    const ws = books.get('2023-H1')!.getWorksheet('Nguồn số liệu')!;
    const byIndicator = new Map<string, string[]>();
    const pointers: { cell: string; value: unknown; to: string }[] = [];
    const lineOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      if (r < 5) return;
      const [cell, indicator, sources, method] = [row.getCell(2).value, row.getCell(4).value, row.getCell(7).value, row.getCell(6).value].map((v) => String(v ?? ''));
      lineOf.set(cell!, r);
      byIndicator.set(indicator!, [...(byIndicator.get(indicator!) ?? []), ...sources!.split('\n').filter(Boolean)]);
      const to = /cùng các ô nguồn với ô ([A-Z]+\d+)$/.exec(method!)?.[1];
      if (to) pointers.push({ cell: cell!, value: row.getCell(5).value, to });
    });
    for (const [indicator, sources] of byIndicator) expect(sources.length, indicator).toBe(new Set(sources).size);
    // Half a year from January: every unit's year-to-date is its half-year, from the same cells.
    expect(pointers.length).toBeGreaterThan(100);
    for (const p of pointers) {
      const listed = ws.getRow(lineOf.get(p.to)!);
      expect(listed.getCell(5).value, p.cell).toBe(p.value);
      expect(String(listed.getCell(7).value), p.to).toMatch(/tệp .*, trang tính .*, ô [A-Z]+\d+/);
    }
  });

  it('restates Cửa Lò (413) under TP Vinh (412) with the units of 2025-01-01, and says so under the table', async () => {
    const merged = (await openWorkbook((await exportWorkbook(db, { period: '2023-H1', underUnitsAt: '2025-01-01', today: TODAY })).buffer)).getWorksheet('Tổng hợp')!;
    const plain = books.get('2023-H1')!.getWorksheet('Tổng hợp')!;
    expect(() => colOf(merged, 'TX Cửa Lò')).toThrow();
    for (const ind of (db.prepare(`SELECT name FROM indicators WHERE kind <> 'rate'`).all() as { name: string }[])) {
      const sum = (numberAt(plain, rowOf(plain, ind.name), colOf(plain, 'TP Vinh')) ?? 0) + (numberAt(plain, rowOf(plain, ind.name), colOf(plain, 'TX Cửa Lò')) ?? 0);
      expect(numberAt(merged, rowOf(merged, ind.name), colOf(merged, 'TP Vinh')), ind.name).toBeCloseTo(sum, 9);
      expect(numberAt(merged, rowOf(merged, ind.name), colOf(merged, 'Toàn tỉnh')), ind.name).toBeCloseTo(numberAt(plain, rowOf(plain, ind.name), colOf(plain, 'Toàn tỉnh'))!, 9);
    }
    const notes = textsOf(merged).join('\n');
    expect(notes).toMatch(/Thị xã Cửa Lò \(413\) sáp nhập vào Thành phố Vinh \(412\) từ ngày 01\/12\/2024/);
    expect(notes).toMatch(/Cột “TP Vinh” gồm cả số liệu của Thị xã Cửa Lò/);
  });

  it('refuses in strict mode while flags of the period are open, saying how many and where', async () => {
    const open = (await core.listFlags({ status: 'open' })).filter((f) => f.periods.includes('2023-06') || f.period === '2023-06');
    expect(open.length).toBeGreaterThan(0);
    const refused = await exportWorkbook(db, { period: '2023-06', strict: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExportRefused);
    expect((refused as ExportRefused).count).toBe(open.length);
    expect((refused as ExportRefused).message).toMatch(new RegExp(`^Còn ${open.length} cảnh báo chưa xử lý: .*Huyện Nghi Lộc tháng 6/2023 \\(1\\)`));
    for (const f of open) await core.resolveFlag({ flagId: f.id, action: 'accept', reason: 'Đã xác minh với đơn vị', user: 'Trần B' });
    const out = await exportWorkbook(db, { period: '2023-06', strict: true });
    expect(out.sheets).toEqual(SHEETS);
  });

  it('exports the effective value: a reviewer\'s correction, with who, when and why in the provenance', async () => {
    const flag = (await core.listFlags({})).find((f) => f.rule === 'sum_mismatch' && f.unit === '429' && f.period === '2023-06')!;
    const fig = flag.figures.find((f) => f.measure === 'period' && f.indicator === 'VK_TONG')!;
    // Accepted by the strict export above: a decision is not taken twice, the flag is reopened first.
    if (flag.status === 'resolved') await core.reopenFlag({ flagId: flag.id, reason: 'Sửa số liệu thay vì chấp nhận', user: 'Lê C' });
    await core.resolveFlag({ flagId: flag.id, action: 'correct', value: 108, cell: `${fig.sheet}!${fig.cell}`, reason: 'Tổng phải bằng các thành phần', user: 'Lê C' });
    const wb = await openWorkbook((await exportWorkbook(db, { period: '2023-06', today: TODAY })).buffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const r = rowOf(ws, 'Tổng số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi');
    expect(fig.value).toBe(115);
    expect(numberAt(ws, r, colOf(ws, 'Nghi Lộc'))).toBe(108);
    const address = ws.getCell(r, colOf(ws, 'Nghi Lộc')).address;
    const prov = wb.getWorksheet('Nguồn số liệu')!;
    let line = -1;
    prov.getColumn(2).eachCell((c, row) => { if (c.value === address) line = row; });
    expect(prov.getCell(line, 8).value).toMatch(/Sửa ô D34 .* từ 115 thành 108: Lê C, 05\/02\/2024 08:00, lý do: Tổng phải bằng các thành phần/);
  });
});
