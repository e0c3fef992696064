/**
 * The export written straight to a file (the API's path, streamed): the same sheets and numbers
 * as the workbook made in memory, full recalculation on load asked for in workbook.xml (exceljs's
 * streaming writer leaves it out on its own), and a refused or failed export leaves no file behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../../helpers/store-target';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import { SAMPLES } from './workbook-helpers';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-export-file-'));
let core: Core;

beforeAll(async () => {
  core = createApi({ dbPath: await storeTarget(work) });
  await core.importFiles({ paths: [SAMPLES] });
}, 120_000);
afterAll(async () => { await core.close(); fs.rmSync(work, { recursive: true, force: true }); });

/** Every cell of every sheet as text (value, or formula and cached result). */
async function cells(wb: ExcelJS.Workbook): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((cell, c) => { out.set(`${ws.name}!${r}:${c}`, JSON.stringify(cell.value)); })));
  return out;
}

describe('the export written to a file', () => {
  it('has the sheets and cells of the in-memory workbook, and asks for recalculation on load', async () => {
    const out = path.join(work, 'tong-hop-2023-Q2.xlsx');
    const written = await core.exportWorkbook({ period: '2023-Q2', out });
    expect(written.path).toBe(out);
    expect(written.sheets).toEqual(['Tổng hợp', 'Cần kiểm tra', 'Nguồn số liệu']);
    const inMemory = await core.exportWorkbook({ period: '2023-Q2' });
    const fromFile = new ExcelJS.Workbook();
    await fromFile.xlsx.readFile(out);
    const fromBytes = new ExcelJS.Workbook();
    await fromBytes.xlsx.load(Buffer.from(inMemory.base64!, 'base64') as unknown as ArrayBuffer);
    const a = await cells(fromFile);
    expect(a.size).toBeGreaterThan(1000);
    // The place-and-date line carries today's date: equal too, both made today.
    expect(a).toEqual(await cells(fromBytes));

    const zip = XLSX.CFB.read(fs.readFileSync(out), { type: 'buffer' });
    const workbookXml = Buffer.from(XLSX.CFB.find(zip, '/xl/workbook.xml')!.content as Uint8Array).toString('utf8');
    expect(workbookXml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('leaves no file, whole or partial, when the export is refused', async () => {
    const out = path.join(work, 'refused.xlsx');
    await expect(core.exportWorkbook({ period: '2023-06', strict: true, out })).rejects.toThrow();
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
