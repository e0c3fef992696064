/** Ask, don't refuse: a file whose period cannot be told is held, and goes in with the period a person names (issue 14). */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, storeTarget } from '../helpers/store-target';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/samples';

const dir = tempDir();
let core: Core;
let store: string;
beforeAll(async () => { store = await storeTarget(dir); core = createApi({ dbPath: store }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function writeNoPeriod(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  // Its own bytes per name: two written within a second would otherwise be one file (a duplicate) to the store.
  wb.title = name;
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['CÔNG AN HUYỆN YÊN THÀNH']);
  ws.addRow(['BÁO CÁO KẾT QUẢ CÔNG TÁC']);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  ws.addRow([1, 'Số đợt tuyên truyền', 'đợt', 3, 9]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a return whose period cannot be told', () => {
  it('is held with a message that says so, then goes in with the period a person names, on the audit log', async () => {
    const [held] = await core.importFiles({ paths: [await writeNoPeriod('bao cao cong tac.xlsx')] });
    expect(held).toMatchObject({ status: 'rejected', error: { code: 'period-unknown' } });
    expect(held!.error!.message).toMatch(/không xác định được kỳ báo cáo/);
    await expect(core.assignPeriod({ file: 'bao cao cong tac.xlsx', period: '2024-13', user: 'Lê Thị B' })).rejects.toThrow();
    const r = await core.assignPeriod({ file: 'bao cao cong tac.xlsx', period: '2024-05', user: 'Lê Thị B' });
    expect(r).toMatchObject({ status: 'imported', unit: '426', periods: ['2024-05'], figures: 2 });
    expect((await core.listFigures({ unit: '426', period: '2024-05' })).map((f) => [f.indicator, f.measure, f.value])).toEqual([['TT_DOT', 'period', 3], ['TT_DOT', 'ytd', 9]]);
    expect((await core.listAudit({})).find((a) => a.action === 'assign-period')).toMatchObject({ user: 'Lê Thị B', target: 'bao cao cong tac.xlsx', newValue: '2024-05' });
  });

  it('is named at another desk after the file has gone from the first desk’s folder: from the bytes a shared store kept', async () => {
    const file = await writeNoPeriod('bc chuyen ban khac.xlsx');
    const [held] = await core.importFiles({ paths: [file] });
    expect(held).toMatchObject({ status: 'rejected', error: { code: 'period-unknown' } });
    fs.rmSync(file);
    const other = createApi({ dbPath: store });
    try {
      const assign = other.assignPeriod({ file: 'bc chuyen ban khac.xlsx', period: '2024-06', user: 'Trần C' });
      if (onPostgres) {
        await expect(assign).resolves.toMatchObject({ status: 'imported', unit: '426', periods: ['2024-06'], figures: 2 });
        // The source cell opens from the same kept bytes.
        const [figure] = await other.listFigures({ unit: '426', period: '2024-06' });
        expect(figure).toMatchObject({ file: 'bc chuyen ban khac.xlsx', value: 3 });
      } else {
        // A SQLite store keeps copies of imported files only: the person is told to import the file again.
        await expect(assign).rejects.toThrow(/không giữ bản của nó: hãy nhập lại tệp/);
      }
    } finally {
      await other.close();
    }
  });

  it('can be named from the command line', async () => {
    const db = path.join(dir, 'cli.db');
    const file = await writeNoPeriod('bc khong ky.xlsx');
    expect(runCli(['import', '--db', db, file]).stdout).toMatch(/TỪ CHỐI/);
    const r = runCli(['assign', '--db', db, '--file', 'bc khong ky.xlsx', '--period', '2024-Q2', '--user', 'Lê Thị B']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'imported', unit: '426', periods: ['2024-Q2'] });
  }, 60_000);
});
