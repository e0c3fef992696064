/**
 * Limits that bound memory: the batch of hostile files (40 MB of shared strings, 1.5 million
 * cells, 300,000 merged ranges, bombs and damaged files) imported by the CLI in a child process
 * with its peak RSS measured; a reader thread that runs out of its heap is a refusal, and the
 * next file is read by a fresh thread.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { DEFAULT_LIMITS } from '../../main/core/file/limits';
import {
  makeEncryptedOoxml, makeEntityBombXlsx, makeHugeSharedStringsXlsx, makeManyCellsXlsx, makeManyEntriesZip, makeManyMergesXlsx,
  makeTruncatedZip, patchDeclaredSize, pseudoRandomBytes,
} from '../fixtures/make-bad-files';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const ROOT = path.resolve(__dirname, '../..');
const GOOD = path.join(SAMPLES_DIR, 'BC_T01_2023_412.xlsx');
const dir = tempDir('tonghop-memory-');
const batch = path.join(dir, 'batch');

const hostile: Record<string, () => Uint8Array> = {
  'chuoi-40MB.xlsx': () => makeHugeSharedStringsXlsx(40),
  'nhieu-o.xlsx': () => makeManyCellsXlsx(1_500_000),
  'nhieu-vung-gop.xlsx': () => makeManyMergesXlsx(300_000),
  'bom-xml.xlsx': makeEntityBombXlsx,
  'mat-khau.xlsx': makeEncryptedOoxml,
  'cat-cut.xlsx': () => makeTruncatedZip(new Uint8Array(fs.readFileSync(GOOD))),
  'ngau-nhien.xlsx': () => pseudoRandomBytes(5000),
  'khai-gia.xlsx': () => patchDeclaredSize(new Uint8Array(fs.readFileSync(GOOD)), 'xl/worksheets/sheet1.xml', 0xfffffff0),
  'nhieu-phan.xlsx': () => makeManyEntriesZip(20_000),
};

beforeAll(() => {
  fs.mkdirSync(batch);
  for (const [name, make] of Object.entries(hostile)) fs.writeFileSync(path.join(batch, name), make());
  for (const f of ['BC_T01_2023_412.xlsx', 'BC_T01_2023_415.xlsx']) fs.copyFileSync(path.join(SAMPLES_DIR, f), path.join(batch, f));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('memory', () => {
  it('imports the hostile batch with a peak under 1 GB, each hostile file refused with its message', async () => {
    const db = await storeTarget(dir);
    const rss = path.join(dir, 'rss.mjs');
    fs.writeFileSync(rss, "process.on('exit', () => process.stderr.write(`MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");
    const run = spawnSync(process.execPath, ['--import', rss, '--import', 'tsx', 'main/cli/index.ts', 'import', '--json', '--db', db, batch],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string; error: { code: string; message: string } | null });
    const byName = new Map(results.map((r) => [r.file, r]));
    for (const name of Object.keys(hostile)) {
      expect(byName.get(name)?.status, name).toBe('rejected');
      expect(byName.get(name)?.error?.message, name).toContain(`tệp “${name}”`);
    }
    expect(byName.get('chuoi-40MB.xlsx')!.error!.code).toBe('too-many-strings');
    expect(byName.get('nhieu-o.xlsx')!.error).toMatchObject({ code: 'too-many-cells' });
    expect(byName.get('nhieu-o.xlsx')!.error!.message).toContain('trang “Sheet1”');
    expect(byName.get('nhieu-vung-gop.xlsx')!.error!.code).toBe('too-many-merges');
    expect(byName.get('BC_T01_2023_412.xlsx')?.status).toBe('imported');
    expect(byName.get('BC_T01_2023_415.xlsx')?.status).toBe('imported');
    // The measurement this test exists for: the process's peak, reader thread included.
    const peakKb = Number(/MAXRSS_KB=(\d+)/.exec(run.stderr)![1]);
    process.stdout.write(`peak RSS of the hostile batch: ${Math.round(peakKb / 1024)} MB\n`);
    expect(peakKb).toBeLessThan(1024 * 1024);
  }, 300_000);

  it('answers a reader thread that runs out of heap as a refusal, and reads the files after it with a fresh one', async () => {
    // Limits opened wide but the heap held small: only the heap cap stands between the file and the app.
    const limits = { ...DEFAULT_LIMITS, maxSharedStringsBytes: 1024 * 1024 * 1024, maxSharedStrings: 1e9, maxReaderHeapMb: 96 };
    const core = createApi({ dbPath: await storeTarget(dir, 'heap.db'), limits });
    // Read ahead while the first is parsed, the next files were queued on the thread that died: each is
    // read again, not refused for the big file's memory.
    const goods = ['BC_T01_2023_412.xlsx', 'BC_T01_2023_415.xlsx', 'BC_T01_2023_425.xlsx'];
    try {
      const results = await core.importFiles({ paths: [path.join(batch, 'chuoi-40MB.xlsx'), ...goods.map((g) => path.join(SAMPLES_DIR, g))] });
      const big = results.find((r) => r.file === 'chuoi-40MB.xlsx');
      expect(big).toMatchObject({ status: 'rejected', error: { code: 'too-much-memory' } });
      expect(big!.error!.message).toMatch(/tệp “chuoi-40MB.xlsx”: đọc tệp cần hơn 96 MB bộ nhớ/);
      expect(results.filter((r) => r.file !== 'chuoi-40MB.xlsx').map((r) => [r.file, r.status])).toEqual(goods.map((g) => [g, 'imported']));
    } finally {
      await core.close();
    }
  }, 300_000);
});
