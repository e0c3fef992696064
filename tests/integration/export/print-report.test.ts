/**
 * The printed report (issue 17): June 2023's report sheet prints on its own, one page wide, with
 * the preparer named in the set-up under "Người lập biểu", and every number keeps the decimals it
 * has. Measured on the workbook the app hands out, read back with SheetJS and printed by LibreOffice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../../helpers/store-target';
import * as XLSX from '@e965/xlsx';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import { convertWithLibreOffice, hasLibreOffice } from './libreoffice-recalc';
import { pageCount, pageText } from './pdf-text';
import { SAMPLES } from './workbook-helpers';

const REPORT = 'Tổng hợp';
const PREPARER = 'Lê Thị Lập Biểu';
const SIGNER = 'Nguyễn Văn Ký';

describe('the printed report of June 2023', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-report-'));
  const file = path.join(dir, 'thang-06.xlsx');
  let core: Core;
  let wb: XLSX.WorkBook;

  beforeAll(async () => {
    core = createApi({ dbPath: await storeTarget(dir) });
    await core.importFiles({ paths: [SAMPLES] });
    await core.saveSetup({ province: '40', signer: SIGNER, preparer: PREPARER, user: 'Trần Thư' });
    const out = await core.exportWorkbook({ period: '2023-06' });
    fs.writeFileSync(file, Buffer.from(out.base64!, 'base64'));
    wb = XLSX.read(fs.readFileSync(file), { cellStyles: true, cellNF: true, bookViews: true } as XLSX.ParsingOptions);
  }, 120_000);
  afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  const printArea = (sheet: string) => {
    const k = wb.SheetNames.indexOf(sheet);
    return wb.Workbook?.Names?.find((n) => n.Name === '_xlnm.Print_Area' && n.Sheet === k)?.Ref;
  };

  it('gives the report sheet a print area of the document alone, and is opened on it', () => {
    const ref = printArea(REPORT);
    expect(ref).toMatch(/^'Tổng hợp'!\$A\$1:\$[A-Z]+\$\d+$/);
    const range = XLSX.utils.decode_range(ref!.split('!')[1]!.replaceAll('$', ''));
    const used = XLSX.utils.decode_range(wb.Sheets[REPORT]!['!ref']!);
    // Every column and row the document writes, and nothing beyond it.
    expect(range.e.c).toBe(used.e.c);
    expect(range.e.r).toBe(used.e.r);
    for (const other of wb.SheetNames.filter((n) => n !== REPORT)) expect(printArea(other), other).toBeUndefined();
    const xml = (name: string) => {
      const zip = XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' });
      return String(XLSX.CFB.find(zip, name)?.content ? Buffer.from(XLSX.CFB.find(zip, name)!.content as Uint8Array).toString('utf8') : '');
    };
    // Excel prints the selected sheets: the report only.
    expect(xml('/xl/worksheets/sheet1.xml')).toMatch(/<sheetView[^>]*tabSelected="1"/);
    expect(xml('/xl/worksheets/sheet2.xml')).not.toMatch(/tabSelected="1"/);
    expect(xml('/xl/worksheets/sheet1.xml')).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
  });

  it('names the set-up\'s preparer under "Người lập biểu" and the signer under the head\'s title', () => {
    const ws = wb.Sheets[REPORT]!;
    const cells = Object.entries(ws).filter(([a]) => !a.startsWith('!')).map(([a, c]) => ({ a: XLSX.utils.decode_cell(a), v: String((c as XLSX.CellObject).v ?? '') }));
    const heading = cells.find((c) => c.v === 'NGƯỜI LẬP BIỂU');
    const name = cells.find((c) => c.v === PREPARER);
    expect(heading).toBeDefined();
    expect(name).toBeDefined();
    expect(name!.a.c).toBe(heading!.a.c);
    expect(name!.a.r).toBeGreaterThan(heading!.a.r);
    expect(cells.some((c) => c.v === SIGNER)).toBe(true);
  });

  /** Every number of a report sheet shown through its own number format must read back as itself. */
  function expectShownAsIs(sheet: XLSX.WorkSheet): { numbers: number; fractions: number[] } {
    const fractions: number[] = [];
    let numbers = 0;
    for (const [a, c] of Object.entries(sheet)) {
      const cell = c as XLSX.CellObject;
      if (a.startsWith('!') || cell.t !== 'n' || typeof cell.v !== 'number') continue;
      numbers++;
      // The most decimals the cell's format can show ("#,##0.0#": two); General shows them all.
      // (SheetJS's formatter does not take "0.0#"; the count of digit places is what matters.)
      const fmt = String(cell.z ?? 'General');
      const places = fmt === 'General' ? 15 : (fmt.split(';')[0]!.split('.')[1] ?? '').replace(/[^0#].*$/, '').length;
      const shown = Math.round(cell.v * 10 ** places) / 10 ** places;
      expect(shown, `${a} (${fmt}) shows ${cell.v}`).toBeCloseTo(cell.v, 9);
      if (!Number.isInteger(cell.v)) fractions.push(cell.v);
    }
    return { numbers, fractions };
  }

  it('shows every number with the decimals it has: rates to one, ha and kg as typed', () => {
    const { numbers, fractions } = expectShownAsIs(wb.Sheets[REPORT]!);
    expect(numbers).toBeGreaterThan(300);
    // The samples' rates and hectares: fractions there are, and they print.
    expect(fractions.length).toBeGreaterThan(5);
  });

  it('keeps a fraction typed in a count (12,5 of a whole-number indicator) in print', async () => {
    const count = (await core.listIndicators({})).find((i) => i.kind === 'flow' && !i.decimals)!;
    await core.enterFigures({ unit: '425', period: '2023-07', source: 'paper', ref: 'BS', user: 'Lê C', figures: [{ indicator: count.code, measure: 'period', value: 12.5 }] });
    const out = await core.exportWorkbook({ period: '2023-07' });
    const july = XLSX.read(Buffer.from(out.base64!, 'base64'), { cellNF: true });
    const { fractions } = expectShownAsIs(july.Sheets[REPORT]!);
    expect(fractions).toContain(12.5);
  });

  it.skipIf(!hasLibreOffice)('prints the report on one page, fitted to the width, apart from the list sheets', () => {
    const [pdf] = convertWithLibreOffice([file], 'pdf', fs.mkdtempSync(path.join(dir, 'pdf-')), { recalc: false });
    const pages = pageCount(pdf!);
    // LibreOffice's conversion prints every sheet: the report's pages are those before the flags list.
    const texts = Array.from({ length: pages }, (_, k) => pageText(pdf!, k + 1).replace(/\s+/g, ' '));
    const flagsStart = texts.findIndex((t) => t.includes('CÁC CẢNH BÁO CHƯA XỬ LÝ'));
    expect(flagsStart).toBeGreaterThan(0);
    expect(flagsStart, `the report took ${flagsStart} of ${pages} pages`).toBe(1);
    // One page wide: the last column's heading ("So sánh") and the signatures on the same page as the title.
    expect(texts[0]).toContain('BÁO CÁO TỔNG HỢP');
    expect(texts[0]).toContain('So sánh');
    expect(texts[0]).toContain(PREPARER);
    expect(texts[0]).toContain(SIGNER);
    expect(texts.slice(1).some((t) => t.includes(PREPARER))).toBe(false);
  }, 240_000);
});
