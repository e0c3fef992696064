/**
 * Checks in a worker thread: while a full check of a large generated store runs, the API answers
 * a cheap call within 100 ms (in the calling thread it would wait for the whole check), and the
 * flags the worker stores are the same as those of a check in the calling thread on a copy of the
 * same store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUnits, storeGenerated } from '../../../bench/store-generated';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import { openDb, sqliteOf } from '../../../main/core/store/open-db';
import { generateFigures } from '../../../tools/generate/generate';
import { nationalUnits } from '../../../tools/generate/units';
import { copyOfStore, storeTarget } from '../../helpers/store-target';

const UNITS = 600;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-check-thread-'));
let inThreadDb: string;
let workerDb: string;

/** What a flag says, without ids or times: the same check gives the same list. */
async function flagsOf(core: Core): Promise<string[]> {
  const flags = await core.listFlags({ limit: 100_000 });
  return flags.map((f) => JSON.stringify([f.rule, f.severity, f.unit, f.period, f.indicators, f.message, f.status, f.figures.map((g) => [g.sheet, g.cell, g.value])])).sort();
}

beforeAll(async () => {
  // A store of 600 units × 12 months of wide returns (about 190,000 figures), written directly.
  inThreadDb = await storeTarget(work, 'in-thread.db');
  const setup = createApi({ dbPath: inThreadDb, checkAfterImport: false });
  await setup.close();
  const db = openDb(inThreadDb);
  const units = nationalUnits(UNITS, 7);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  registerUnits(db, units, 2023);
  storeGenerated(db, units, generateFigures({ units, year: 2023, months, seed: 7, layouts: ['D'] }), 2023);
  // A SQLite store's commits all in its file before it is copied (PostgreSQL's copy is the server's).
  sqliteOf(db)?.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  workerDb = await copyOfStore(inThreadDb, work, 'worker.db');
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('checks in a worker thread', () => {
  it('leave the API answering within 100 ms during a large check, and store the same flags as a check in the calling thread', async () => {
    const inThread = createApi({ dbPath: inThreadDb, checkAfterImport: false });
    const t0 = performance.now();
    const expected = await inThread.checkFlags({});
    const inThreadMs = performance.now() - t0;
    const expectedFlags = await flagsOf(inThread);
    await inThread.close();
    expect(expected.open).toBeGreaterThan(100);

    const core = createApi({ dbPath: workerDb, checkAfterImport: false, checkInWorker: true });
    try {
      let done = false;
      const check = core.checkFlags({}).finally(() => { done = true; });
      // Cheap calls every 20 ms while the check runs, each timed from the call to its answer.
      const answers: number[] = [];
      while (!done) {
        const started = performance.now();
        await core.countFlags({});
        answers.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
      const summary = await check;
      console.log(`full check of ${UNITS} units: ${Math.round(inThreadMs)} ms in the calling thread; in the worker ${summary.millis} ms, with ${answers.length} calls answered meanwhile, the slowest in ${Math.round(Math.max(...answers))} ms`);
      // The check took long enough for the calls to mean something, and none waited for it.
      expect(answers.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...answers)).toBeLessThan(100);
      expect(summary.open).toBe(expected.open);
      expect(summary.resolved).toBe(expected.resolved);
      expect(await flagsOf(core)).toEqual(expectedFlags);

      // A decision re-checks its unit in the worker too, and the flag's status follows.
      const open = (await core.listFlags({ status: 'open', limit: 1 }))[0]!;
      const resolved = await core.resolveFlag({ flagId: open.id, action: 'accept', reason: 'kiểm tra luồng', user: 'test' });
      expect(resolved.flag?.status).toBe('resolved');
      expect(resolved.summary.open).toBe(expected.open - 1);
    } finally {
      await core.close();
    }
  }, 180_000);
});
