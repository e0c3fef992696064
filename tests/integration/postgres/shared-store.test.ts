/**
 * A shared PostgreSQL store (issue 19), on the PostgreSQL run only: an office's SQLite store moved
 * into PostgreSQL whole and verified, the copies of its files beside it taken in; two desks on one store see each other's work, and two
 * reviewers deciding one flag at once get one decision and one message; the append-only tables
 * and the audit chain hold on the server; a PostgreSQL store backs up into a SQLite file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/api/create-api';
import { createApi } from '../../../main/core/api/create-api';
import { checkBackup } from '../../../main/core/store/backup';
import { knownMigrations } from '../../../main/core/store/migrate';
import { openDb } from '../../../main/core/store/open-db';
import { verifyAudit } from '../../../main/core/store/queries/audit';
import { fileContentSizes, importedWithoutContents } from '../../../main/core/store/queries/file-contents';
import { ROOT, runCli } from '../../helpers/cli';
import { sampleFiles, tempDir } from '../../helpers/samples';
import { storeTarget } from '../../helpers/store-target';

const dir = tempDir();
const sqliteFile = path.join(dir, 'office.db');
let pgUrl: string;
let office: Core;

beforeAll(async () => {
  // An office's own SQLite store, with imports and decisions on the record.
  office = createApi({ dbPath: sqliteFile, now: () => '2023-07-10T08:00:00.000Z' });
  await office.importFiles({ paths: sampleFiles() });
  const flags = await office.listFlags({});
  const neg = flags.find((f) => f.rule === 'negative_value')!;
  await office.resolveFlag({ flagId: neg.id, action: 'correct', value: 5, reason: 'Gõ nhầm dấu trừ', user: 'Trần B' });
  await office.resolveFlag({ flagId: flags.find((f) => f.rule === 'outlier')!.id, action: 'accept', reason: 'Đã gọi điện', user: 'Trần B' });
  await office.close();
  pgUrl = await storeTarget(dir, 'shared.db', { empty: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a person sees of a store, engine aside. */
async function view(core: Core) {
  const flags = (await core.listFlags({})).map((f) => `${f.id} ${f.status} ${f.message}`).sort();
  const figures = (await core.listFigures({ effective: true })).map((f) => `${f.unit} ${f.period} ${f.indicator} ${f.measure} ${f.subunit ?? ''} ${f.value}`).sort();
  const audit = (await core.listAudit({})).map((a) => `${a.id} ${a.action} ${a.user} ${a.at}`);
  return { flags, figures, audit };
}

describe('moving an office store into PostgreSQL', () => {
  it('copies every table, ids and the audit chain included, and the copy reads the same', async () => {
    const r = runCli(['copy-store', '--from', sqliteFile, '--to', pgUrl]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Đã chép .* mục nhật ký/);

    const pg = openDb(pgUrl);
    expect(verifyAudit(pg)).toMatchObject({ ok: true });
    // The files' copies beside the SQLite store came along: every imported file's bytes, as hashed at import.
    const imported = pg.prepare("SELECT count(DISTINCT sha256) FROM files WHERE outcome = 'imported'").pluck().get() as number;
    expect(imported).toBeGreaterThan(50);
    expect(r.stdout).toContain(`Đã đưa ${imported.toLocaleString('vi-VN')} tệp đã nhập vào kho dùng chung\n`);
    expect(fileContentSizes(pg).length).toBe(imported);
    expect(importedWithoutContents(pg)).toEqual([]);
    pg.close();
    const a = createApi({ dbPath: sqliteFile, checkAfterImport: false });
    const b = createApi({ dbPath: pgUrl, checkAfterImport: false });
    const [va, vb] = [await view(a), await view(b)];
    await a.close();
    await b.close();
    expect(vb.figures.length).toBeGreaterThan(4000);
    expect(vb).toEqual(va);
  });

  it('refuses to copy into a store that has rows already', () => {
    const r = runCli(['copy-store', '--from', sqliteFile, '--to', pgUrl]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/đã có dữ liệu/);
  });
});

describe('two desks on one PostgreSQL store', () => {
  it('see each other’s decisions, and of two reviewers deciding one flag at once one wins, the other is told', async () => {
    const desk1 = createApi({ dbPath: pgUrl, now: () => '2023-07-11T08:00:00.000Z' });
    const desk2 = createApi({ dbPath: pgUrl, now: () => '2023-07-11T08:00:00.000Z' });
    const open = (await desk1.listFlags({ status: 'open' })).filter((f) => f.rule === 'ytd_mismatch' || f.rule === 'missing_return');
    await desk1.resolveFlag({ flagId: open[0]!.id, action: 'accept', reason: 'Đã xác minh', user: 'Lê C' });
    expect((await desk2.listFlags({ status: 'resolved' })).some((f) => f.id === open[0]!.id)).toBe(true);
    await desk1.close();
    await desk2.close();

    // Two processes, as two desks are: one decision is stored, the other refused in Vietnamese.
    const target = open[1]!.id;
    const resolve = (user: string) => new Promise<{ code: number | null; out: string }>((done) => {
      const p = spawn(process.execPath, [path.join(ROOT, 'bin/tonghop.mjs'), 'resolve', '--db', pgUrl, '--flag', target, '--action', 'accept', '--reason', 'Đã xác minh', '--user', user], { cwd: ROOT });
      let out = '';
      p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      p.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      p.on('close', (code) => done({ code, out }));
    });
    const results = await Promise.all([resolve('Người thứ nhất'), resolve('Người thứ hai')]);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    expect(results.find((r) => r.code !== 0)?.out).toMatch(/đã được xử lý/);
    const db = openDb(pgUrl);
    expect(db.prepare('SELECT count(*) FROM resolutions WHERE flag_id = ?').pluck().get(target)).toBe(1);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    db.close();
  });
});

describe('the append-only record on the server', () => {
  it('backs up into a SQLite file that restore accepts, with every audit entry', async () => {
    const core = createApi({ dbPath: pgUrl, checkAfterImport: false });
    const entries = (await core.listAudit({})).length;
    await core.close();
    const out = path.join(dir, 'sao-luu.db');
    const r = runCli(['backup', '--db', pgUrl, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(checkBackup(out, knownMigrations())).toMatchObject({ ok: true, auditEntries: entries });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log; a decision changed behind the triggers is named by the check', () => {
    const db = openDb(pgUrl);
    expect(() => db.prepare("UPDATE audit_log SET reason = 'khác'").run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.exec('TRUNCATE audit_log CASCADE')).toThrow(/chỉ được ghi thêm/);
    // Someone with the server's superuser drops a trigger and edits a correction.
    db.exec('ALTER TABLE corrections DISABLE TRIGGER corrections_no_update');
    const c = db.prepare('SELECT id FROM corrections ORDER BY id LIMIT 1').pluck().get() as number;
    db.prepare('UPDATE corrections SET value = value + 1 WHERE id = ?').run(c);
    const check = verifyAudit(db);
    db.close();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/corrections/);
  });
});
