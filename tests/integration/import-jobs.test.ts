/**
 * Imports as jobs the renderer polls: the 106 sample returns with progress that grows and the same
 * results as importFiles; a job stopped part-way that leaves only whole files in the store; the
 * day the files arrived, stored and listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import { schemas } from '../../shared/api';
import type { ImportJob } from '../../shared/types';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { dispatch } from '../../main/http/dispatch';
import { answerKey, SAMPLES_DIR, tempDir } from '../helpers/samples';

const dir = tempDir('tonghop-jobs-');
const cores: Core[] = [];
const open = async (name: string) => { const core = createApi({ dbPath: await storeTarget(dir, `${name}.db`) }); cores.push(core); return core; };
afterAll(async () => { for (const c of cores) await c.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job as the import screen does, keeping every answer. */
async function follow(core: Core, jobId: string, until: (p: ImportJob) => boolean = (p) => p.finished): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 6000; i++) {
    const p = await core.importProgress({ jobId });
    seen.push(p);
    if (until(p)) return seen;
    await pause(10);
  }
  throw new Error('the job did not get there in time');
}

describe('import jobs', () => {
  it('import the 106 samples with progress that grows, ending with the results importFiles gives', async () => {
    const direct = await open('direct');
    const expected = await direct.importFiles({ paths: [SAMPLES_DIR] });
    const core = await open('job');
    // Through the same door the UI uses: the method is known and its arguments checked.
    const started = await dispatch(core, 'startImport', { paths: [SAMPLES_DIR] });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    const seen = await follow(core, jobId);
    const last = seen.at(-1)!;

    expect(last).toMatchObject({ jobId, total: 107, done: 107, current: null, finished: true, cancelled: false, error: null });
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Seen part-way, with a file in hand: the job answers while it runs.
    expect(seen.some((p) => p.done > 0 && p.done < p.total && !p.finished)).toBe(true);
    expect(seen.some((p) => p.current !== null && p.current.startsWith(SAMPLES_DIR))).toBe(true);
    expect(last.results).toEqual(expected);
    // The check ran at the end of the job, as after importFiles.
    expect(await core.countFlags({})).toEqual(await direct.countFlags({}));
    expect((await core.countFlags({})).total).toBeGreaterThan(20);
    // A poll can ask only for the results it has not seen.
    expect((await core.importProgress({ jobId, from: 100 })).results).toEqual(expected.slice(100));
    // Stopping a finished job changes nothing.
    expect(await core.cancelImport({ jobId })).toEqual({ cancelled: false });
  }, 120_000);

  it('stop before the next file when cancelled: every file in the store has all its figures', async () => {
    const core = await open('cancelled');
    const { jobId } = await core.startImport({ paths: [SAMPLES_DIR] });
    await follow(core, jobId, (p) => p.done >= 3);
    expect(await core.cancelImport({ jobId })).toEqual({ cancelled: true });
    const last = (await follow(core, jobId)).at(-1)!;
    expect(last.finished).toBe(true);
    expect(last.cancelled).toBe(true);
    expect(last.done).toBeGreaterThanOrEqual(3);
    expect(last.done).toBeLessThan(10);
    expect(last.results).toHaveLength(last.done);

    // The store holds exactly the files the job reports, no more.
    const files = await core.listFiles({});
    expect(files.map((f) => f.name).sort()).toEqual(last.results.map((r) => r.file).sort());
    // And each of them whole: as many figures as the answer key wrote into that file.
    const perFile = new Map<string, number>();
    for (const v of answerKey().values) perFile.set(v.file, (perFile.get(v.file) ?? 0) + 1);
    const stored = new Map<string, number>();
    for (const f of await core.listFigures({ all: true })) stored.set(f.file ?? '', (stored.get(f.file ?? '') ?? 0) + 1);
    const imported = files.filter((f) => f.outcome === 'imported');
    expect(imported.length).toBeGreaterThan(0);
    for (const f of imported) expect(stored.get(f.name) ?? 0, f.name).toBe(perFile.get(f.name));
    expect([...stored.keys()].every((name) => imported.some((f) => f.name === name))).toBe(true);

    // What was left is imported by the next batch; nothing twice.
    const rest = await core.importFiles({ paths: [SAMPLES_DIR] });
    expect(rest.filter((r) => r.status === 'duplicate')).toHaveLength(imported.length);
    expect(await core.listFigures({ all: true })).toHaveLength(answerKey().values.length);
  }, 120_000);

  it('store the day the files arrived, and the import\'s own time where none is given', async () => {
    const core = await open('received');
    const [a, b, c] = ['BC_T01_2023_412.xlsx', 'BC_T02_2023_415.xlsx', 'BC_T03_2023_422.xlsx'].map((n) => path.join(SAMPLES_DIR, n));
    await core.importFiles({ paths: [a!], receivedAt: '2023-02-04' });
    const { jobId } = await core.startImport({ paths: [b!], receivedAt: '2023-03-06', user: 'Nguyễn Văn A' });
    await follow(core, jobId);
    await core.importFiles({ paths: [c!] });
    const files = await core.listFiles({});
    expect(files.map((f) => [f.name, f.receivedAt])).toEqual([
      ['BC_T01_2023_412.xlsx', '2023-02-04'],
      ['BC_T02_2023_415.xlsx', '2023-03-06'],
      ['BC_T03_2023_422.xlsx', files[2]!.importedAt],
    ]);
  });

  it('refuse a day not on the calendar and an unknown job, in Vietnamese; a missing folder is its own result', async () => {
    const core = await open('refusals');
    expect(schemas.startImport.safeParse({ paths: ['x'], receivedAt: '2023-02-30' }).success).toBe(false);
    expect(schemas.importFiles.safeParse({ paths: ['x'], receivedAt: '4/5/2023' }).success).toBe(false);
    const { jobId } = await core.startImport({ paths: [path.join(dir, 'khong-co')] });
    const last = (await follow(core, jobId)).at(-1)!;
    expect(last.results).toMatchObject([{ file: 'khong-co', status: 'rejected', error: { code: 'missing' } }]);
    expect(last.results[0]!.error!.message).toMatch(/không tìm thấy tệp hoặc thư mục/);
    await expect(core.importProgress({ jobId: 'khong-co' })).rejects.toThrow(/Không có lượt nhập/);
    await expect(core.cancelImport({ jobId: 'khong-co' })).rejects.toThrow(/Không có lượt nhập/);
  });
});
