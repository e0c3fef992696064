/**
 * Backups and the demo store, as the CLI and the app's shells use them: an online backup of a
 * store, a restore that checks the backup and refuses a damaged or foreign one leaving the store
 * as it was, daily backups kept N days, and demo returns that never touch the real store.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../main/core/api/app-core';
import { openAppCore } from '../../main/core/api/app-core';
import { createApi } from '../../main/core/api/create-api';
import { coreDeps } from '../../main/app/core-deps';
import { openDb } from '../../main/core/store/open-db';
import { runCli } from '../helpers/cli';
import { sampleFiles, tempDir } from '../helpers/samples';
import { onPostgres, storeTarget } from '../helpers/store-target';

const dir = tempDir('tonghop-backup-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a store holds, as a reviewer would compare it. */
async function contents(dbPath: string) {
  const core = createApi({ dbPath });
  try {
    return { figures: await core.listFigures({ all: true }), flags: (await core.listFlags({})).map((f) => [f.id, f.status]), files: (await core.listFiles({})).length };
  } finally {
    await core.close();
  }
}

/** A copy with bytes overwritten in the middle of its pages: what a failing disk leaves. */
function damaged(from: string, to: string): void {
  const bytes = fs.readFileSync(from);
  for (let i = 4096 * 3; i < bytes.length - 4096; i += 4096) bytes.fill(0x5a, i + 100, i + 900);
  fs.writeFileSync(to, bytes);
}

describe('backup and restore from the command line', () => {
  let db: string;
  beforeAll(async () => { db = await storeTarget(dir, 'cli.db'); });
  const backup = path.join(dir, 'cli-sao-luu.db');

  it('backs up a store and restores it after a change, on the audit log', async () => {
    const core = createApi({ dbPath: db });
    await core.importFiles({ paths: sampleFiles().slice(0, 3), user: 'A' });
    await core.close();
    const before = await contents(db);
    const b = runCli(['backup', '--db', db, '--out', backup]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain('Đã sao lưu');

    const later = createApi({ dbPath: db });
    await later.importFiles({ paths: sampleFiles().slice(3, 6), user: 'A' });
    await later.close();
    expect((await contents(db)).files).toBeGreaterThan(before.files);

    // A shared store's decisions are never overwritten from one desk: on PostgreSQL the backup goes into a new, empty database.
    const restored = onPostgres ? await storeTarget(dir, 'restored.db', { empty: true }) : db;
    const r = runCli(['restore', '--db', restored, '--from', backup, '--user', 'Nguyễn Văn A']);
    expect(r.status, r.stderr).toBe(0);
    const after = await contents(restored);
    expect(after).toEqual(before);
    const audit = createApi({ dbPath: restored });
    expect((await audit.listAudit({})).at(-1)).toMatchObject({ action: 'restore', user: 'Nguyễn Văn A', target: 'cli-sao-luu.db' });
    await audit.close();
  }, 120_000);

  it('refuses a damaged backup, one from another version and one that is not a store, leaving the store as it was', async () => {
    const before = await contents(db);
    const broken = path.join(dir, 'hong.db');
    damaged(backup, broken);
    const foreign = path.join(dir, 'phien-ban-khac.db');
    fs.copyFileSync(backup, foreign);
    const f = new Sqlite(foreign);
    f.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (999, '0999-from-the-future', 'x')").run();
    f.close();
    const text = path.join(dir, 'khong-phai.db');
    fs.writeFileSync(text, 'không phải cơ sở dữ liệu');
    for (const [file, says] of [[broken, /bị hỏng|không đọc được/], [foreign, /phiên bản này/], [text, /không đọc được/], [path.join(dir, 'khong-co.db'), /Không tìm thấy/]] as const) {
      const r = runCli(['restore', '--db', db, '--from', file, '--user', 'A']);
      expect(r.status, file).toBe(2);
      expect(r.stderr, file).toMatch(says);
      expect(r.stderr).toContain('vẫn giữ nguyên');
      expect(await contents(db)).toEqual(before);
    }
  }, 120_000);
});

describe('the app’s stores', () => {
  const data = path.join(dir, 'app');
  let app: AppCore;
  /** The office's shared store on the PostgreSQL run; `tonghop.db` in the data folder otherwise. */
  let store: string | undefined;
  afterAll(async () => { await app?.close(); });

  it('loads demo returns into a demo store of their own: the real store keeps its figures and flags', async () => {
    fs.mkdirSync(data, { recursive: true });
    store = onPostgres ? await storeTarget(data) : undefined;
    app = openAppCore({ dataDir: data, ...(store ? { store } : {}), deps: coreDeps({}), today: () => '2026-12-06' });
    await app.importFiles({ paths: sampleFiles().slice(0, 6), user: 'A' });
    const real = { figures: await app.listFigures({ all: true }), flags: await app.listFlags({}) };
    expect(real.figures.length).toBeGreaterThan(0);
    expect(await app.storeMode({})).toEqual({ demo: false });

    const demo = await app.loadDemo({});
    expect(demo.filter((r) => r.status === 'imported').length).toBeGreaterThan(10);
    expect(await app.storeMode({})).toEqual({ demo: true });
    expect(fs.existsSync(path.join(data, 'du-lieu-mau', 'tonghop-mau.db'))).toBe(true);
    expect((await app.listFigures({ all: true })).length).not.toBe(real.figures.length);

    expect(await app.useDemo({ on: false })).toEqual({ demo: false });
    expect(await app.listFigures({ all: true })).toEqual(real.figures);
    expect(await app.listFlags({})).toEqual(real.flags);
    // Asked from outside the app, the real store says the same.
    await new Promise((r) => setTimeout(r, 50));
    const files = openDb(store ?? path.join(data, 'tonghop.db'), { readonly: true });
    expect((files.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n).toBe(6);
    files.close();
  }, 300_000);

  it('makes today’s backup once at start and keeps the automatic ones N days', async () => {
    const dirB = path.join(data, 'sao-luu');
    fs.mkdirSync(dirB, { recursive: true });
    fs.writeFileSync(path.join(dirB, 'tu-dong-2026-11-01.db'), 'cũ');
    fs.writeFileSync(path.join(dirB, 'tu-dong-2026-11-23.db'), 'còn giữ');
    const made = await app.dailyBackup();
    expect(made).toBe(path.join(dirB, 'tu-dong-2026-12-06.db'));
    expect(await app.dailyBackup()).toBeNull();
    expect(fs.readdirSync(dirB).sort()).toEqual(['tu-dong-2026-11-23.db', 'tu-dong-2026-12-06.db']);
    const list = await app.listBackups({});
    expect(list.map((b) => [b.name, b.automatic])).toContainEqual(['tu-dong-2026-12-06.db', true]);
  }, 120_000);

  it('restores a backup from its folder after checking it, and refuses a damaged one leaving the store in use', async () => {
    const before = await app.listFigures({ all: true });
    const manual = await app.backupNow({ user: 'A' });
    expect(manual.automatic).toBe(false);
    damaged(path.join(data, 'sao-luu', manual.name), path.join(data, 'sao-luu', 'hong.db'));
    await expect(app.restoreBackup({ name: 'hong.db', user: 'A' })).rejects.toThrow(/vẫn giữ nguyên/);
    expect(await app.listFigures({ all: true })).toEqual(before);

    await app.importFiles({ paths: sampleFiles().slice(6, 8), user: 'A' });
    expect((await app.listFigures({ all: true })).length).toBeGreaterThan(before.length);
    if (onPostgres) {
      // A shared store is never overwritten from one desk (IT restores into a new database, as the
      // command line above does): even a sound backup is refused, the store in use kept as it is.
      const inUse = await app.listFigures({ all: true });
      await expect(app.restoreBackup({ name: manual.name, user: 'B' })).rejects.toThrow(/Kho dùng chung.*vẫn giữ nguyên/);
      expect(await app.listFigures({ all: true })).toEqual(inUse);
      return;
    }
    expect(await app.restoreBackup({ name: manual.name, user: 'B' })).toMatchObject({ restored: manual.name });
    expect(await app.listFigures({ all: true })).toEqual(before);
    expect((await app.listAudit({})).at(-1)).toMatchObject({ action: 'restore', user: 'B' });
  }, 120_000);
});
