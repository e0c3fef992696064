/**
 * The exported workbooks opened in LibreOffice, recalculating every formula on load: each formula
 * must come to the value the app wrote. And LibreOffice's print: A4 landscape, the table heading
 * on every page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../../helpers/store-target';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { CatalogFile } from '../../../shared/catalog';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import type { Database } from '../../../main/core/store/open-db';
import { openDb } from '../../../main/core/store/open-db';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { exportWorkbook } from '../../../main/core/export/export-workbook';
import { convertWithLibreOffice, hasLibreOffice } from './libreoffice-recalc';
import { firstMediaBox, hasPdftotext, pageCount, pageText } from './pdf-text';
import { SAMPLES } from './workbook-helpers';

const TODAY = new Date(2024, 1, 5);

/** Every formula cell of every sheet: address → the cached result the app wrote ('' for empty). */
function formulaResults(file: string): Map<string, number | string> {
  const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
  const out = new Map<string, number | string>();
  for (const name of wb.SheetNames) {
    for (const [addr, cell] of Object.entries(wb.Sheets[name]!)) {
      if (addr.startsWith('!') || !(cell as XLSX.CellObject).f) continue;
      const v = (cell as XLSX.CellObject).v;
      out.set(`${name}!${addr}`, typeof v === 'number' ? v : String(v ?? ''));
    }
  }
  return out;
}

function valueAt(file: string): (key: string) => XLSX.CellObject | undefined {
  const wb = XLSX.read(fs.readFileSync(file));
  return (key) => {
    const [sheet, addr] = key.split('!') as [string, string];
    return wb.Sheets[sheet]?.[addr] as XLSX.CellObject | undefined;
  };
}

/** The real catalog and 60 more rows: long enough that the table needs a second page. */
function longCatalog(): CatalogFile {
  const { catalog } = loadCatalog();
  const extra = Array.from({ length: 60 }, (_, k) => ({
    code: `DONG_THU_${k + 1}`, group: 'VI', name: `Dòng thử số ${k + 1} để biểu sang trang hai`, unit: 'lượt', kind: 'flow' as const, aliases: [],
  }));
  return { ...catalog, indicators: [...catalog.indicators, ...extra] };
}

describe.skipIf(!hasLibreOffice)('the exported workbook in LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-lo-'));
  const outDir = path.join(dir, 'libreoffice');
  const files: string[] = [];
  const formulas = new Map<string, number>();
  let core: Core;
  /** A connection of the test's own, for the export function called without the contract. */
  let db: Database;
  beforeAll(async () => {
    fs.mkdirSync(outDir);
    const store = await storeTarget(dir);
    core = createApi({ dbPath: store });
    await core.importFiles({ paths: [SAMPLES] });
    db = openDb(store);
    const cases: [string, Parameters<typeof exportWorkbook>[1]][] = [
      ['thang-06', { period: '2023-06', today: TODAY }],
      ['quy-2', { period: '2023-Q2', today: TODAY }],
      ['6-thang', { period: '2023-H1', today: TODAY }],
      ['6-thang-gop-cua-lo', { period: '2023-H1', underUnitsAt: '2025-01-01', today: TODAY }],
      ['anh-son-6-thang', { period: '2023-H1', layout: 'periods', unit: '424', today: TODAY }],
      ['toan-tinh-quy-2', { period: '2023-Q2', layout: 'periods', today: TODAY }],
      ['toan-tinh-6-thang', { period: '2023-H1', layout: 'periods', today: TODAY }],
    ];
    for (const [name, opts] of cases) {
      const out = await exportWorkbook(db, opts);
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, out.buffer);
      files.push(file);
      formulas.set(file, out.formulas);
    }
  }, 120_000);
  afterAll(async () => { await core.close(); db.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('recalculates on load with the profile setting: a wrong cached result comes back corrected', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thử');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 3;
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 99 };
    ws.getCell('A4').value = { formula: 'IF(COUNT(A1,A2)<2,"",IF(A2=0,"",ROUND(A1/A2*100,1)))', result: 1 };
    const scratch = path.join(dir, 'sai-ket-qua.xlsx');
    fs.writeFileSync(scratch, Buffer.from(await wb.xlsx.writeBuffer()));
    const kept = fs.mkdtempSync(path.join(dir, 'kept-'));
    const [asIs] = convertWithLibreOffice([scratch], 'xlsx', kept, { recalc: false });
    expect(valueAt(asIs!)('Thử!A3')?.v).toBe(99);
    const [recalculated] = convertWithLibreOffice([scratch], 'xlsx', fs.mkdtempSync(path.join(dir, 'recalc-')));
    expect(valueAt(recalculated!)('Thử!A3')?.v).toBe(5);
    expect(valueAt(recalculated!)('Thử!A4')?.v).toBe(66.7);
  }, 240_000);

  it('computes every formula to the value the app wrote, in every period and layout', () => {
    const converted = convertWithLibreOffice(files, 'xlsx', outDir);
    files.forEach((file, k) => {
      const ours = formulaResults(file);
      expect(ours.size, path.basename(file)).toBe(formulas.get(file));
      const theirs = valueAt(converted[k]!);
      for (const [key, wrote] of ours) {
        const cell = theirs(key);
        expect(cell?.t, `${path.basename(file)} ${key}`).not.toBe('e');
        if (typeof wrote === 'number') expect(Math.abs(Number(cell?.v) - wrote), `${path.basename(file)} ${key}`).toBeLessThan(1e-9);
        else expect(String(cell?.v ?? ''), `${path.basename(file)} ${key}`).toBe(wrote);
      }
    });
  }, 300_000);

  it('prints on A4 landscape, and a table longer than a page repeats its heading on page 2', async () => {
    const long = path.join(dir, 'dai.xlsx');
    fs.writeFileSync(long, (await exportWorkbook(db, { period: '2023-06', catalog: longCatalog(), today: TODAY })).buffer);
    const [pdf] = convertWithLibreOffice([long], 'pdf', fs.mkdtempSync(path.join(dir, 'pdf-')));
    const [w, h] = firstMediaBox(pdf!);
    expect(w).toBeCloseTo(841.9, 0);
    expect(h).toBeCloseTo(595.3, 0);
    expect(pageCount(pdf!)).toBeGreaterThan(2);
    const readers = hasPdftotext ? [{}, { builtIn: true }] : [{ builtIn: true }];
    for (const opts of readers) {
      // Headings wrap inside their cells: compare with the line breaks as spaces.
      const [first, second] = [1, 2].map((p) => pageText(pdf!, p, opts).replace(/\s+/g, ' ')) as [string, string];
      expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(second).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      // Page 2 is still the table (rows only it has), and starts with the table's heading.
      expect(second).toMatch(/Dòng thử số \d+ để biểu sang trang hai/);
      for (const heading of ['STT', 'Chỉ tiêu', 'ĐVT', 'Toàn tỉnh', 'Cùng kỳ năm trước', 'So sánh (%)', 'TP Vinh']) expect(second, heading).toContain(heading);
    }
  }, 240_000);
});
