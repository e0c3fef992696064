/**
 * Batches that go on: a missing path among several is that path's result and the rest go in;
 * every file is on the audit log (who, which file, SHA-256, outcome) and in the import history.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { sampleFiles, tempDir } from '../helpers/samples';

const dir = tempDir('tonghop-history-');
const cores: Core[] = [];
const open = async (name: string) => { const core = createApi({ dbPath: await storeTarget(dir, `${name}.db`) }); cores.push(core); return core; };
afterAll(async () => { for (const c of cores) await c.close(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('a batch with a missing path', () => {
  it('reports the missing path as its own result and imports the rest', async () => {
    const core = await open('missing');
    const samples = sampleFiles().slice(0, 4);
    const gone = path.join(dir, 'da-xoa', 'BC_T05.xlsx');
    const results = await core.importFiles({ paths: [samples[0]!, gone, ...samples.slice(1)], user: 'Nguyễn Văn A' });
    expect(results).toHaveLength(5);
    const missing = results.filter((r) => r.error?.code === 'missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file: 'BC_T05.xlsx', status: 'rejected' });
    expect(missing[0]!.error!.message).toContain(gone);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(4);
    expect((await core.listFiles({})).filter((f) => f.outcome === 'imported')).toHaveLength(4);
  });
});

describe('the same bytes twice in one batch', () => {
  // The second copy is read before the first is stored, so only the store can tell: its figures
  // must not stand twice, and the history says which file it repeats.
  it('stores the first, and records the second as a duplicate of it with nothing of its own', async () => {
    const core = await open('twice');
    const [a, b] = sampleFiles();
    const copy = path.join(dir, 'ban sao.xlsx');
    fs.copyFileSync(a!, copy);
    const results = await core.importFiles({ paths: [a!, copy, b!, a!] });
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'imported', 'duplicate']);
    expect(results[1]!.warnings?.[0]).toContain(path.basename(a!));
    const files = await core.listFiles({});
    expect(files.map((f) => f.name)).toEqual([path.basename(a!), path.basename(b!)]);
    const figures = await core.listFigures({ all: true });
    expect(figures.every((f) => f.file !== 'ban sao.xlsx')).toBe(true);
    expect(new Set(figures.map((f) => `${f.file}|${f.sheet}|${f.cell}|${f.measure}`)).size).toBe(figures.length);
  });
});

describe('imports on the record', () => {
  it('puts every file on the audit log with who, its SHA-256 and the outcome, and lists each batch', async () => {
    const core = await open('audit');
    const [a, b] = sampleFiles();
    const bad = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(bad, 'không phải bảng tính');
    await core.importFiles({ paths: [a!, bad], user: 'Trần Thị B' });
    await core.importFiles({ paths: [a!, b!, path.join(dir, 'khong-co.xlsx')] });

    const log = (await core.listAudit({})).filter((e) => e.action === 'import');
    const sha = createHash('sha256').update(fs.readFileSync(a!)).digest('hex');
    expect(log.map((e) => [e.user, e.target, e.newValue])).toEqual([
      ['Trần Thị B', path.basename(a!), 'imported'],
      ['Trần Thị B', 'hong.xlsx', expect.stringMatching(/^rejected: /) as unknown],
      ['không ghi tên', 'khong-co.xlsx', 'rejected: missing'],
      ['không ghi tên', path.basename(a!), 'duplicate'],
      ['không ghi tên', path.basename(b!), 'imported'],
    ]);
    expect(log[0]!.reason).toContain(`sha256 ${sha}`);
    expect(log[3]!.reason).toContain(`sha256 ${sha}`);

    const batches = await core.listImportBatches({});
    expect(batches).toHaveLength(2);
    expect(batches[0]!.user).toBeNull();
    expect(batches[0]!.finishedAt).not.toBeNull();
    expect(batches[0]!.files.map((f) => [f.name, f.status, f.code])).toEqual([
      ['khong-co.xlsx', 'rejected', 'missing'], [path.basename(a!), 'duplicate', null], [path.basename(b!), 'imported', null],
    ]);
    expect(batches[1]!.files.map((f) => f.status)).toEqual(['imported', 'rejected']);
    expect(batches[1]!.files[0]!.sha256).toBe(sha);
    expect(batches[1]!.files[0]!.figures).toBeGreaterThan(0);
  });

  it('lists the jobs it holds, so a reloaded screen finds its job again', async () => {
    const core = await open('jobs');
    const { jobId } = await core.startImport({ paths: sampleFiles().slice(0, 2) });
    const jobs = await core.listImportJobs({});
    expect(jobs[0]!.jobId).toBe(jobId);
    expect(jobs[0]!.total).toBe(2);
    for (let i = 0; i < 500 && !(await core.importProgress({ jobId })).finished; i++) await new Promise((r) => setTimeout(r, 20));
  });
});
