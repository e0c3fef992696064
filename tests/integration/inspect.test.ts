/**
 * `inspect --format jsonl FILE...`: one line per figure cell of every recognised table, nothing
 * stored; on .xlsx, on .xls written by LibreOffice and on a TCVN3 twin (issue 14).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectLine } from '../../shared/types';
import { encodeLegacy } from '../../main/core/text/legacy-encoding';
import { runCli } from '../helpers/cli';
import { convertWithLibreOffice, hasLibreOffice } from '../helpers/libreoffice';
import { answerKey, SAMPLES_DIR, tempDir } from '../helpers/samples';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const NAME = 'BC_T01_2023_412.xlsx';

function inspect(...files: string[]): { lines: InspectLine[]; stderr: string; status: number | null } {
  const r = runCli(['inspect', '--format', 'jsonl', ...files]);
  return { lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as InspectLine), stderr: r.stderr, status: r.status };
}

describe('inspect', () => {
  it('prints every figure of a sample with its row, column, role and indicator, as the answer key has them', () => {
    const before = fs.readdirSync(process.cwd()).sort();
    const { lines, status } = inspect(path.join(SAMPLES_DIR, NAME));
    expect(status).toBe(0);
    const key = answerKey().values.filter((v) => v.file === NAME);
    expect(lines).toHaveLength(key.length);
    for (const v of key) {
      const l = lines.find((x) => x.sheet === v.sheet && x.cell === v.cell);
      expect(l, `${v.sheet}!${v.cell}`).toMatchObject({ file: NAME, indicator: v.indicator, measure: v.column, value: v.value });
      expect(l!.role).toBe(v.column);
      expect(l!.columnHeader).toMatch(/ \/ /);
      expect(l!.evidence.length).toBeGreaterThan(0);
    }
    // Nothing stored: no database or copy appears where it ran.
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(before);
  }, 60_000);

  it('reads a TCVN3 twin to the same lines, labels decoded', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES_DIR, NAME));
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value !== 'string' || cell.master.address !== cell.address) return;
      cell.value = encodeLegacy(cell.value, 'tcvn3');
      cell.font = { ...cell.font, name: '.VnTime' };
    })));
    const twin = path.join(dir, `tcvn3-${NAME}`);
    await wb.xlsx.writeFile(twin);
    const a = inspect(path.join(SAMPLES_DIR, NAME)).lines;
    const b = inspect(twin).lines;
    expect(b.map((l) => [l.cell, l.rowLabel, l.indicator, l.value])).toEqual(a.map((l) => [l.cell, l.rowLabel, l.indicator, l.value]));
  }, 60_000);

  it.skipIf(!hasLibreOffice)('reads the .xls LibreOffice writes to the same lines', () => {
    const [xls] = convertWithLibreOffice([path.join(SAMPLES_DIR, NAME)], 'xls:MS Excel 97', dir);
    const a = inspect(path.join(SAMPLES_DIR, NAME)).lines;
    const b = inspect(xls!).lines;
    expect(b.map((l) => [l.sheet, l.cell, l.indicator, l.value, l.role])).toEqual(a.map((l) => [l.sheet, l.cell, l.indicator, l.value, l.role]));
  }, 240_000);

  it('says in Vietnamese why a file cannot be read, and goes on with the others', () => {
    const bad = path.join(dir, 'hỏng.xlsx');
    fs.writeFileSync(bad, 'không phải bảng tính');
    const { lines, stderr, status } = inspect(bad, path.join(SAMPLES_DIR, NAME));
    expect(status).toBe(0);
    expect(stderr).toMatch(/hỏng\.xlsx/);
    expect(lines.length).toBeGreaterThan(0);
  }, 60_000);
});
