import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../main/core/store/open-db';
import { openDb } from '../../main/core/store/open-db';
import { runCli, spawnCli } from '../helpers/cli';
import { answerKey, SAMPLES_DIR, sampleFiles, tempDir } from '../helpers/samples';
import { onPostgres, storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI under plain Node', () => {
  let db: string;
  beforeAll(async () => { db = await storeTarget(dir, 'cli.db'); });

  it('imports with --json, one line per file, and exits 0 even when a file is rejected', () => {
    const junk = path.join(dir, 'ghi chu.txt');
    fs.writeFileSync(junk, 'không phải bảng tính');
    const r = runCli(['import', '--db', db, '--json', path.join(SAMPLES_DIR, 'BC_T01_2023_412.xlsx'), junk]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.file === 'BC_T01_2023_412.xlsx')).toMatchObject({ status: 'imported', figures: 48, unmapped: 0, error: null });
    // A note sent along with the returns is no return: skipped, not refused (issue 17).
    expect(lines.find((l) => l.file === 'ghi chu.txt')).toMatchObject({ status: 'skipped', figures: 0, error: { code: 'text' } });
  });

  it('words refusals and flags in Vietnamese, and in English with --lang en', async () => {
    const langDb = await storeTarget(dir, 'lang.db');
    const junk = path.join(dir, 'note.txt');
    fs.writeFileSync(junk, 'not a spreadsheet');
    const vi = runCli(['import', '--db', langDb, junk]);
    expect(vi.stdout).toContain('tệp “note.txt”: bỏ qua, không phải bảng tính (văn bản thuần)');
    expect(vi.stdout).toContain('bỏ qua 1 tệp không phải bảng tính');
    const en = runCli(['import', '--db', langDb, '--lang', 'en', '--json', path.join(SAMPLES_DIR, 'BC_T01_2023_412.xlsx'), junk]);
    const refused = en.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error: { message: string } | null }).find((l) => l.file === 'note.txt');
    expect(refused!.error!.message).toBe('file “note.txt”: skipped, not a spreadsheet (plain text); not a return, so not imported');
    expect(runCli(['check', '--db', langDb]).status).toBe(0);
    const flags = (lang: string) => runCli(['flags', '--db', langDb, '--lang', lang]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { message: string; messageCode: string });
    const [first] = flags('en');
    expect(first!.messageCode).toBeTruthy();
    expect(flags('vi').map((f) => f.message)).not.toEqual(flags('en').map((f) => f.message));
    expect(flags('en').some((f) => /^No return for \w+ 2023 from /.test(f.message))).toBe(true);
  });

  it('prints figures as JSON lines with their provenance', () => {
    const r = runCli(['figures', '--db', db, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const first = JSON.parse(r.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['cell', 'file', 'indicator', 'measure', 'period', 'raw', 'sheet', 'subunit', 'subunitCode', 'unit', 'value']);
    expect(first).toMatchObject({ unit: '412', period: '2023-01', file: 'BC_T01_2023_412.xlsx', sheet: 'T1' });
    // One indicator's figures: exactly those of the whole list that are its.
    const all = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { indicator: string });
    const code = all[0]!.indicator;
    const one = runCli(['figures', '--db', db, '--indicator', code]);
    expect(one.status).toBe(0);
    const got = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as { indicator: string });
    expect(got).toEqual(all.filter((f) => f.indicator === code));
    expect(got.length).toBeLessThan(all.length);
    expect(runCli(['figures', '--db', db, '--indicator', 'A', 'B', 'C', 'D']).status).toBe(2);
  });

  it('fails with a usage error, not a crash', () => {
    expect(runCli(['import']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
    expect(runCli(['figures', '--db', path.join(dir, 'no', 'such', 'folder', 'x.db')]).status).toBe(2);
  });

  it('names a field that is too long in Vietnamese with its limit, not in zod’s words', () => {
    const r = runCli(['resolve', '--db', path.join(dir, 'store.db'), '--flag', 'x', '--action', 'accept', '--reason', 'x'.repeat(2001), '--user', 'A']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('Tham số không hợp lệ: Lý do: tối đa 2.000 ký tự');
  });
});

describe('a kill in the middle of a batch', () => {
  it('leaves no half-imported file', async () => {
    const db = await storeTarget(dir, 'killed.db');
    const child = spawnCli(['import', '--db', db, SAMPLES_DIR]);
    // Wait until some files are in, then kill without warning. A SQLite reader opens once the file
    // exists; a PostgreSQL store exists (migrated) before the import starts, and is read over one connection.
    let watcher: Database | undefined;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        try {
          if (!onPostgres && !fs.existsSync(db)) return;
          const ro = watcher ?? openDb(db, { readonly: true });
          if (onPostgres) watcher = ro;
          const n = (ro.prepare("SELECT count(*) AS n FROM files").get() as { n: number }).n;
          if (!onPostgres) ro.close();
          if (n >= 8) { clearInterval(timer); child.kill('SIGKILL'); resolve(); }
        } catch { /* tables not created yet */ }
        if (Date.now() - started > 60_000) { clearInterval(timer); child.kill('SIGKILL'); reject(new Error('import did not start')); }
      }, 5);
    });
    watcher?.close();
    await new Promise((r) => child.on('exit', r));
    const store = openDb(db);
    const files = store.prepare("SELECT id, name FROM files WHERE outcome = 'imported'").all() as { id: number; name: string }[];
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.length).toBeLessThan(sampleFiles().length);
    const key = answerKey();
    for (const f of files) {
      const n = (store.prepare("SELECT count(*) AS n FROM figures WHERE file_id = ? AND role <> 'total'").get(f.id) as { n: number }).n;
      expect(n, f.name).toBe(key.values.filter((v) => v.file === f.name).length);
    }
    const orphans = store.prepare('SELECT count(*) AS n FROM figures WHERE file_id NOT IN (SELECT id FROM files)').get() as { n: number };
    expect(orphans.n).toBe(0);
    store.close();
  }, 120_000);
});
