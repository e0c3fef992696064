/**
 * Issue 17, the import summary: a cover letter, a scan and a note in an imported folder are skipped
 * (not refused returns) and stay in the import history as skipped; a batch knows the flags its
 * check raised, and `listFlags { batch }` lists exactly those.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import type { ImportJob } from '../../shared/types';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { writeCoverLetters } from '../fixtures/make-cover-letters';
import { sampleFiles, tempDir } from '../helpers/samples';

const dir = tempDir('tonghop-skipped-');
const cores: Core[] = [];
const open = async (name: string) => { const core = createApi({ dbPath: await storeTarget(dir, `${name}.db`) }); cores.push(core); return core; };
afterAll(async () => { for (const c of cores) await c.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function finished(core: Core, jobId: string): Promise<ImportJob> {
  for (let i = 0; i < 12000; i++) {
    const p = await core.importProgress({ jobId });
    if (p.finished) return p;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the import did not finish');
}

/** One folder as a unit's mail brings it: returns of some units, with the papers sent along. */
async function mailFolder(name: string, returns: string[]): Promise<{ folder: string; letters: Awaited<ReturnType<typeof writeCoverLetters>> }> {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  for (const f of returns) fs.copyFileSync(f, path.join(folder, path.basename(f)));
  return { folder, letters: await writeCoverLetters(folder) };
}

const ids = async (core: Core) => new Set((await core.listFlags({ status: 'open' })).map((f) => f.id));

describe('a folder with papers that are no returns', () => {
  it('skips them, keeps them in the history as skipped, and counts the flags the batch raised', async () => {
    const core = await open('mail');
    const all = sampleFiles();
    const first = all.filter((f) => /^H\. (Anh Sơn|Con Cuông)/.test(path.basename(f)));
    const second = all.filter((f) => /^H\. (Quỳ Hợp|Quỳnh Lưu)/.test(path.basename(f)));
    expect(first.length).toBeGreaterThan(3);
    const a = await mailFolder('dot-1', first);

    const job1 = await finished(core, (await core.startImport({ paths: [a.folder], user: 'Nguyễn Văn A' })).jobId);
    expect(job1.error).toBeNull();
    const byName = new Map(job1.results.map((r) => [r.file, r]));
    for (const [kind, name] of [['word', a.letters.docx], ['pdf', a.letters.pdf], ['text', a.letters.txt]] as const) {
      expect(byName.get(name), name).toMatchObject({ status: 'skipped', error: { code: kind } });
      expect(byName.get(name)!.error!.message).toMatch(/bỏ qua/);
    }
    expect(job1.results.filter((r) => r.status === 'imported')).toHaveLength(first.length);
    expect(job1.results.filter((r) => r.status === 'rejected')).toEqual([]);
    // Not among the refused returns (Lịch sử nhập's files, the CLI's `files`)...
    expect((await core.listFiles({})).map((f) => f.name)).not.toContain(a.letters.docx);
    // ...but on the record of the batch, as skipped, and on the audit log.
    const [batch1] = await core.listImportBatches({});
    expect(batch1!.id).toBe(job1.batchId);
    expect(batch1!.files.filter((f) => f.status === 'skipped').map((f) => f.name).sort()).toEqual([a.letters.docx, a.letters.pdf, a.letters.txt].sort());
    expect((await core.listAudit({})).filter((e) => e.action === 'import' && e.target === a.letters.pdf).map((e) => e.newValue)).toEqual(['skipped: pdf']);

    // The first batch into an empty store raised every open flag there is.
    const after1 = await ids(core);
    expect(job1.flagsRaised).toBe(after1.size);
    expect(batch1!.flagsRaised).toBe(after1.size);
    expect(new Set((await core.listFlags({ batch: job1.batchId! })).map((f) => f.id))).toEqual(after1);

    // A second batch: only the flags that were not there before it.
    const b = await mailFolder('dot-2', second);
    const job2 = await finished(core, (await core.startImport({ paths: [b.folder], user: 'Nguyễn Văn A' })).jobId);
    const after2 = await ids(core);
    const raised = [...after2].filter((id) => !after1.has(id));
    expect(raised.length).toBeGreaterThan(0);
    expect(job2.flagsRaised).toBe(raised.length);
    const listed = await core.listFlags({ batch: job2.batchId! });
    expect(new Set(listed.map((f) => f.id))).toEqual(new Set(raised));
    expect((await core.countFlags({ batch: job2.batchId! })).total).toBe(raised.length);
    // They are the second batch's units' flags (or store-wide ones such as an unmapped label).
    const units2 = new Set(job2.results.flatMap((r) => (r.unit ? [r.unit] : [])));
    for (const f of listed.filter((g) => !units2.has(g.unit))) expect(f.rule).toMatch(/unmapped/);
    // The first batch's link still lists its own flags, not the second's.
    expect((await core.listFlags({ batch: job1.batchId! })).some((f) => raised.includes(f.id))).toBe(false);
  });

  it('still refuses a return whose name says spreadsheet but whose bytes are a PDF', async () => {
    const core = await open('misnamed');
    const folder = path.join(dir, 'misnamed');
    fs.mkdirSync(folder);
    const letters = await writeCoverLetters(folder);
    fs.renameSync(path.join(folder, letters.pdf), path.join(folder, 'BC_T01_2023_415.xlsx'));
    const results = await core.importFiles({ paths: [folder] });
    expect(results.find((r) => r.file === 'BC_T01_2023_415.xlsx')).toMatchObject({ status: 'rejected', error: { code: 'pdf' } });
    expect(results.find((r) => r.file === letters.docx)).toMatchObject({ status: 'skipped' });
  });

  it('records the flags of a batch imported at once (the CLI, demo data), not only of a polled job', async () => {
    const core = await open('at-once');
    await core.importFiles({ paths: sampleFiles().filter((f) => /^H\. Anh Sơn/.test(path.basename(f))) });
    const open1 = await ids(core);
    expect(open1.size).toBeGreaterThan(0);
    const [batch] = await core.listImportBatches({});
    expect(batch!.flagsRaised).toBe(open1.size);
  });
});
