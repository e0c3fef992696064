/** Returns from any year: commune police returns after 2025, a name shared by an old and a new unit, a name a person assigns. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/samples';

const dir = tempDir();
let core: Core;
beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function commune(name: string, title: string, period: string, value: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['CÔNG AN TỈNH NGHỆ AN']);
  ws.addRow([title]);
  ws.addRow([`Báo cáo kết quả ${period}`]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Trong tháng', 'Lũy kế']);
  ws.addRow([1, 'Số đợt tuyên truyền', 'đợt', value, value * 3]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('units across the 2024–2025 changes', () => {
  it('reads a 2025 commune police return named only by the commune', async () => {
    const [r] = await core.importFiles({ paths: [await commune('bao cao thang 8.xlsx', 'CÔNG AN XÃ THÔNG THỤ', 'tháng 8 năm 2025', 4)] });
    expect(r).toMatchObject({ status: 'imported', unit: '16744', periods: ['2025-08'] });
  });

  it('gives a name shared by an old and a new unit to the one valid in the period', async () => {
    const [old] = await core.importFiles({ paths: [await commune('thong thu t3.xlsx', 'CÔNG AN XÃ THÔNG THỤ', 'tháng 3 năm 2025', 2)] });
    expect(old).toMatchObject({ status: 'imported', unit: '16741' });
    const [renamed] = await core.importFiles({ paths: [await commune('thanh vinh.xlsx', 'CA phường Thành Vinh', 'tháng 9 năm 2025', 7)] });
    expect(renamed).toMatchObject({ status: 'imported', unit: '16681' });
    const [before] = await core.importFiles({ paths: [await commune('quang trung.xlsx', 'CÔNG AN PHƯỜNG QUANG TRUNG', 'tháng 5 năm 2025', 3)] });
    expect(before).toMatchObject({ status: 'imported', unit: '16681' });
    const units = await core.listUnits({ at: '2025-05-01' });
    expect(units.find((u) => u.code === '16681')?.name).toBe('Phường Quang Trung');
    expect((await core.listUnits({ at: '2025-09-01' })).find((u) => u.code === '16681')?.name).toBe('Phường Thành Vinh');
  });

  it('asks a person where a name fits no unit, and remembers the answer', async () => {
    const first = await commune('ca xa moi t10.xlsx', 'CÔNG AN XÃ HỮU NGHỊ MỚI', 'tháng 10 năm 2025', 5);
    const [r] = await core.importFiles({ paths: [first] });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'unit-unknown' } });
    const assigned = await core.assignUnit({ file: 'ca xa moi t10.xlsx', unit: '16744', user: 'Phạm D' });
    expect(assigned).toMatchObject({ status: 'imported', unit: '16744', periods: ['2025-10'] });
    expect((await core.listAudit({})).at(-1)).toMatchObject({ action: 'assign-unit', user: 'Phạm D', newValue: '16744' });
    const [next] = await core.importFiles({ paths: [await commune('ca xa moi t11.xlsx', 'CÔNG AN XÃ HỮU NGHỊ MỚI', 'tháng 11 năm 2025', 6)] });
    expect(next).toMatchObject({ status: 'imported', unit: '16744' });
  });

  it('lists the office\'s units valid at a date from the CLI', async () => {
    const db = path.join(dir, 'cli.db');
    // Before a set-up (and before any return) the whole country's units; after it the office's province's.
    const fresh = createApi({ dbPath: await storeTarget(dir, 'fresh.db') });
    const country = await fresh.listUnits({ at: '2023-06-01' });
    await fresh.close();
    expect(['province', 'district', 'commune'].map((l) => country.filter((u) => u.level === l).length)).toEqual([63, 705, 10598]);
    expect(runCli(['setup', '--db', db, '--province', '40', '--user', 'Phạm D']).status).toBe(0);
    const at2023 = runCli(['units', '--db', db, '--at', '2023-06-01']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; level: string });
    const at2025 = runCli(['units', '--db', db, '--at', '2025-08-01']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; level: string });
    expect(at2023.filter((u) => u.level === 'district')).toHaveLength(21);
    expect(at2023.filter((u) => u.level === 'commune')).toHaveLength(460);
    expect(at2025.filter((u) => u.level === 'commune')).toHaveLength(130);
    expect(at2025.some((u) => u.level === 'district')).toBe(false);
  }, 120_000);
});
