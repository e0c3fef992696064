/**
 * Two desks on one store (issue 19): what one commits moves the other's change stamp, which the
 * flags screen watches to read its queue again. Both engines: on PostgreSQL through LISTEN/NOTIFY,
 * on SQLite through another connection's data_version.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { openDb } from '../../main/core/store/open-db';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A commune police return: the unit as its title names it, one figure under `label`. */
async function commune(name: string, title: string, month: number, label: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['CÔNG AN TỈNH NGHỆ AN']);
  ws.addRow([title]);
  ws.addRow([`Báo cáo kết quả tháng ${month} năm 2025`]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Trong tháng', 'Lũy kế']);
  ws.addRow([1, 'Số đợt tuyên truyền', 'đợt', month, month * 3]);
  ws.addRow([2, label, 'vụ', 2, 2 * month]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function changed(ask: () => Promise<{ stamp: number }>, from: number): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const { stamp } = await ask();
    if (stamp !== from) return stamp;
    await new Promise((r) => setTimeout(r, 100));
  }
  return from;
}

async function settled(ask: () => Promise<{ stamp: number }>): Promise<number> {
  let last = (await ask()).stamp;
  for (let quiet = 0; quiet < 5;) {
    await new Promise((r) => setTimeout(r, 100));
    const { stamp } = await ask();
    quiet = stamp === last ? quiet + 1 : 0;
    last = stamp;
  }
  return last;
}

describe('the change stamp of a shared store', () => {
  it('moves on one desk when the other imports or decides, and stays put when nothing happens', async () => {
    const store = await storeTarget(dir);
    const desk1 = createApi({ dbPath: store, now: () => '2023-07-10T08:00:00.000Z' });
    const desk2 = createApi({ dbPath: store, now: () => '2023-07-10T08:00:00.000Z' });
    try {
      const s0 = (await desk2.storeChanges({})).stamp;
      await desk1.importFiles({ paths: [path.join(SAMPLES_DIR, 'TP Vinh T06.2023.xlsx'), path.join(SAMPLES_DIR, 'TP Vinh T02.2023.xlsx')] });
      expect(await changed(() => desk2.storeChanges({}), s0)).not.toBe(s0);
      // The import's transactions are told one by one: once they are all in, a quiet store keeps a quiet stamp.
      const s1 = await settled(() => desk2.storeChanges({}));
      await new Promise((r) => setTimeout(r, 500));
      expect((await desk2.storeChanges({})).stamp).toBe(s1);
      const flag = (await desk2.listFlags({ status: 'open' }))[0]!;
      await desk1.resolveFlag({ flagId: flag.id, action: 'accept', reason: 'Đã xác minh', user: 'Trần B' });
      expect(await changed(() => desk2.storeChanges({}), s1)).not.toBe(s1);
      expect((await desk2.listFlags({ status: 'resolved' })).map((f) => f.id)).toContain(flag.id);
    } finally {
      await desk1.close();
      await desk2.close();
    }
  });

  // The import keeps the label index and the unit directory between files, stamped by the store:
  // a decision another desk makes must count from this desk's next file, never a stale cache.
  it('reads the next file with a label mapped and a unit named at the other desk', async () => {
    const store = await storeTarget(dir, 'lookups.db');
    const desk1 = createApi({ dbPath: store });
    const desk2 = createApi({ dbPath: store });
    try {
      const label = 'Số vụ cháy rừng được phát hiện';
      const [first] = await desk1.importFiles({ paths: [await commune('moi-t9.xlsx', 'CÔNG AN XÃ HỮU NGHỊ MỚI', 9, label)] });
      expect(first).toMatchObject({ status: 'rejected', error: { code: 'unit-unknown' } });
      const [named] = await desk1.importFiles({ paths: [await commune('thong-thu-t9.xlsx', 'CÔNG AN XÃ THÔNG THỤ', 9, label)] });
      expect(named).toMatchObject({ status: 'imported', unit: '16744', unmapped: 1 });
      // Desk 2 names the unit of the refused file and maps the label.
      expect(await desk2.assignUnit({ file: 'moi-t9.xlsx', unit: '16744', user: 'Phạm D' })).toMatchObject({ status: 'imported' });
      await desk2.mapLabel({ label, indicator: 'LL_GIUPDO', user: 'Phạm D' });
      const [next] = await desk1.importFiles({ paths: [await commune('moi-t10.xlsx', 'CÔNG AN XÃ HỮU NGHỊ MỚI', 10, label)] });
      expect(next).toMatchObject({ status: 'imported', unit: '16744', unmapped: 0 });
      const figures = await desk1.listFigures({ unit: '16744', period: '2025-10' });
      expect(figures.find((f) => f.indicator === 'LL_GIUPDO' && f.measure === 'period')).toMatchObject({ value: 2 });
    } finally {
      await desk1.close();
      await desk2.close();
    }
  });

  // A unit written into the registry by another writer (a tool, an earlier version) while a desk
  // is open, its names without the form the store looks them up by: the next file finds it all the same.
  it('finds a unit another writer added while the desk was open', async () => {
    const store = await storeTarget(dir, 'added-unit.db');
    const desk = createApi({ dbPath: store });
    const other = openDb(store);
    try {
      const label = 'Số vụ cháy rừng được phát hiện';
      const [before] = await desk.importFiles({ paths: [await commune('tan-lap-t9.xlsx', 'CÔNG AN XÃ TÂN LẬP MỚI', 9, label)] });
      expect(before).toMatchObject({ status: 'rejected', error: { code: 'unit-unknown' } });
      const id = Number(other.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, source)
        VALUES ('99001', 'Xã Tân Lập Mới', 'xa', 'commune', '40', '40', '2025-07-01', 'test') RETURNING id`).pluck().get());
      for (const name of ['Xã Tân Lập Mới', 'Tân Lập Mới']) {
        other.prepare("INSERT INTO unit_names (unit_id, name, folded, source) VALUES (?, ?, ?, 'alias')").run(id, name, name.toLowerCase());
      }
      const [after] = await desk.importFiles({ paths: [await commune('tan-lap-t10.xlsx', 'CÔNG AN XÃ TÂN LẬP MỚI', 10, label)] });
      expect(after).toMatchObject({ status: 'imported', unit: '99001' });
    } finally {
      other.close();
      await desk.close();
    }
  });
});
