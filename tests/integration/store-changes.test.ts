/**
 * Two desks on one store (issue 19): what one commits moves the other's change stamp, which the
 * flags screen watches to read its queue again. Both engines: on PostgreSQL through LISTEN/NOTIFY,
 * on SQLite through another connection's data_version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
});
