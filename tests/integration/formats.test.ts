/** Other spreadsheet formats and shapes: .xlsb and CSV read where the library reads them well; huge declared sizes cost nothing. */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { makeSheetJsWorkbook, makeZipWithEntries, replaceZipEntry } from '../fixtures/make-bad-files';
import { answerKey, SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let core: Core;
beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const SAMPLE = 'BC_T01_2023_412.xlsx';
const sampleBook = () => XLSX.read(fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE)), { cellFormula: true, cellStyles: true });

describe('other formats', () => {
  it('reads an .xlsb copy of a return to the same figures', async () => {
    const file = path.join(dir, 'BC_T01_2023_412.xlsb');
    fs.writeFileSync(file, XLSX.write(sampleBook(), { bookType: 'xlsb', type: 'buffer' }) as Buffer);
    const [r] = await core.importFiles({ paths: [file] });
    const expected = answerKey().values.filter((v) => v.file === SAMPLE);
    expect(r).toMatchObject({ status: 'imported', unit: '412', periods: ['2023-01'], figures: expected.length });
    const got = (await core.listFigures({ all: true })).filter((f) => f.file === 'BC_T01_2023_412.xlsb');
    expect(got.map((f) => [f.cell, f.indicator, f.value]).sort()).toEqual(expected.map((v) => [v.cell, v.indicator, v.value]).sort());
  });

  it('reads a CSV export of a return (UTF-8)', async () => {
    const csv = XLSX.utils.sheet_to_csv(sampleBook().Sheets.T1!);
    const file = path.join(dir, 'TP Vinh T02.2023.csv');
    fs.writeFileSync(file, csv.replace('phối hợp tháng 1 năm 2023', 'phối hợp tháng 2 năm 2023'));
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'imported', unit: '412', periods: ['2023-02'], figures: 48 });
  });

  it('reads a return whose text carries an invisible NUL character (`_x0000_`) as if it had none', async () => {
    // Seen in returns copied out of other software; a shared store's text cannot hold it.
    const book = sampleBook();
    const ws = book.Sheets.T1!;
    expect(ws.B14!.v).toBe('Số hồ sơ định danh điện tử đã thu nhận');
    ws.B14 = { t: 's', v: 'Số hồ sơ\u0000 định danh điện tử đã thu nhận' };
    ws.D14 = { t: 's', v: '1\u0000087' };
    const file = path.join(dir, 'BC_T04_2023_412.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    // Written as `_x0000_`, read back as the character itself.
    expect(Object.values(XLSX.read(fs.readFileSync(file)).Sheets.T1!).some((c) => typeof (c as XLSX.CellObject).v === 'string' && String((c as XLSX.CellObject).v).includes('\u0000'))).toBe(true);
    const [r] = await core.importFiles({ paths: [file] });
    expect(r, r?.error?.message).toMatchObject({ status: 'imported', unit: '412', figures: 48, unmapped: 0 });
    const got = (await core.listFigures({ all: true })).filter((f) => f.file === 'BC_T04_2023_412.xlsx' && f.cell === 'D14');
    expect(got).toEqual([expect.objectContaining({ indicator: 'DD_THUNHAN', value: 1087, raw: '1087' })]);
  });

  it('says what an Apple Numbers file is and what to send instead', async () => {
    const file = path.join(dir, 'bao cao.numbers');
    fs.writeFileSync(file, makeZipWithEntries([{ name: 'Index/Document.iwa', data: new Uint8Array([1, 2, 3]) }, { name: 'Metadata/Properties.plist', data: new Uint8Array([4]) }]));
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'numbers' } });
    expect(r!.error!.message).toMatch(/Apple Numbers.*Excel/);
  });
});

describe('sizes a file declares', () => {
  it('reads a sheet that declares 1,048,576 rows by the cells it has', async () => {
    const base = fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE));
    const sheet = new TextDecoder().decode(XLSX.CFB.read(base, { type: 'buffer' }).FileIndex.find((f: { name: string }) => f.name === 'sheet1.xml').content);
    const bytes = replaceZipEntry(new Uint8Array(base), 'xl/worksheets/sheet1.xml', sheet.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const file = path.join(dir, 'BC_T03_2023_412.xlsx');
    fs.writeFileSync(file, bytes);
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'imported', figures: 48 });
  });

  it('reads a sheet with 50,000 merged ranges in bounded time', async () => {
    const rows = [['CÔNG AN HUYỆN DIỄN CHÂU'], ['Báo cáo tháng 4 năm 2023'], ['STT', 'Nội dung', 'ĐVT', 'Kỳ này'], [1, 'Số đợt tuyên truyền', 'đợt', 12]];
    for (let i = 0; i < 50_000; i++) rows.push([`ghi chú ${i}`, '']);
    const bytes = makeSheetJsWorkbook('xlsx', rows);
    const wb = XLSX.read(bytes, { type: 'buffer' });
    wb.Sheets.Sheet1!['!merges'] = Array.from({ length: 50_000 }, (_, i) => ({ s: { r: 4 + i, c: 0 }, e: { r: 4 + i, c: 1 } }));
    const file = path.join(dir, 'H. Diễn Châu T04.2023.xlsx');
    fs.writeFileSync(file, XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    const started = Date.now();
    const [r] = await core.importFiles({ paths: [file] });
    expect(r).toMatchObject({ status: 'imported', unit: '425', figures: 1 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
