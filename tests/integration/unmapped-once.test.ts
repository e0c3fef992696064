/** One flag per unmapped label, naming every file, unit, period and cell it occurs in (issue 14). */
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

async function write(name: string, unit: string, month: number, label: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow([`CÔNG AN ${unit}`]);
  ws.addRow([`Báo cáo kết quả tháng ${month} năm 2024`]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
  ws.addRow([1, 'Số đợt tuyên truyền', 'đợt', 3, 9]);
  ws.addRow([2, label, 'vụ', 5, 11]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a label no indicator matches', () => {
  it('gives one flag naming the three files it occurs in, and one mapping reads all its figures', async () => {
    const label = 'Số vụ cháy rừng được phát hiện';
    const files = [
      await write('a.xlsx', 'HUYỆN YÊN THÀNH', 3, label),
      await write('b.xlsx', 'HUYỆN DIỄN CHÂU', 3, label),
      await write('c.xlsx', 'HUYỆN YÊN THÀNH', 4, `  ${label.toUpperCase()} `),
    ];
    const results = await core.importFiles({ paths: files });
    expect(results.map((r) => [r.status, r.unmapped])).toEqual([['imported', 1], ['imported', 1], ['imported', 1]]);
    await core.checkFlags({});
    const flags = await core.listFlags({ rule: 'unmapped_label' });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.figures.map((f) => `${f.file}!${f.cell}`).sort()).toEqual(['a.xlsx!B5', 'b.xlsx!B5', 'c.xlsx!B5']);
    expect(flags[0]!.message).toMatch(/3 dòng trong 3 tệp/);
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx']) expect(flags[0]!.message).toContain(`tệp ${f}`);
    expect(flags[0]!.periods).toEqual(['2024-03', '2024-04']);

    // Mapped once (to an indicator chosen only to test the mechanism), all six figures are read and the flag goes.
    const { normalized } = (await core.listUnmapped({})).find((u) => u.label === label)!;
    expect(await core.listLabelMappings({ normalized: [normalized] })).toEqual([]);
    const mapped = await core.mapLabel({ label, indicator: 'DT_DAUTHU', user: 'Người kiểm tra' });
    expect(mapped.figuresAdded).toBe(6);
    expect(await core.listFlags({ rule: 'unmapped_label' })).toHaveLength(0);

    // What another desk's screen is told: the label's mapping, by whom; the latest confirmation stands.
    expect(await core.listLabelMappings({ normalized: [normalized, 'nhan khong co'] }))
      .toEqual([{ label, normalized, indicator: 'DT_DAUTHU', user: 'Người kiểm tra', at: expect.any(String) as string }]);
    await core.mapLabel({ label: label.toUpperCase(), indicator: 'TT_DOT', user: 'Trần Văn C' });
    expect((await core.listLabelMappings({ normalized: [normalized] })).map((m) => [m.indicator, m.user])).toEqual([['TT_DOT', 'Trần Văn C']]);
  });

  it('offers first what this sender\'s last return had on the same row, saying so', async () => {
    await write('d.xlsx', 'HUYỆN NGHI LỘC', 3, 'Số vụ tai nạn');
    const wb = path.join(dir, 'e.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Báo cáo');
    ws.addRow(['CÔNG AN HUYỆN NGHI LỘC']);
    ws.addRow(['Báo cáo kết quả tháng 4 năm 2024']);
    ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kỳ này', 'Lũy kế']);
    ws.addRow([1, 'Ra quân, phát động tại các xóm', 'đợt', 4, 13]);
    await book.xlsx.writeFile(wb);
    await core.importFiles({ paths: [path.join(dir, 'd.xlsx')] });
    await core.importFiles({ paths: [wb] });
    const item = (await core.listUnmapped({})).find((u) => u.label === 'Ra quân, phát động tại các xóm')!;
    expect(item.suggestions[0]).toMatchObject({ indicator: 'TT_DOT' });
    expect(item.suggestions[0]!.evidence).toContainEqual({ kind: 'history', file: 'd.xlsx', label: 'Số đợt tuyên truyền' });
  });
});
