/**
 * Decisions as data (issue 16): decision rows refuse UPDATE, DELETE and REPLACE; the audit log is a
 * hash chain that `audit --verify` walks, and finds an edited decision even after the triggers are
 * dropped; a decision is recorded once; a kill between storing and checking is repaired.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { openDb } from '../../main/core/store/open-db';
import { migrate } from '../../main/core/store/migrate';
import { listAudit, verifyAudit } from '../../main/core/store/queries/audit';
import { runCli } from '../helpers/cli';
import { sampleFiles, tempDir } from '../helpers/samples';
import { useStoredSamples } from '../helpers/stored-samples';
import { onPostgres, storeTarget } from '../helpers/store-target';

const DECISION_TABLES = ['resolutions', 'corrections', 'submission_choices', 'flag_reopenings', 'label_mappings', 'audit_log', 'audit_chain'];

describe('decisions on the stored samples', () => {
  const stored = useStoredSamples();
  const dbPath = () => stored.db;

  it('records a decision once: a repeated or concurrent submission is refused in Vietnamese, one audit entry written', async () => {
    const out = stored.flags.find((f) => f.rule === 'outlier')!;
    const before = (await stored.core.listAudit({})).length;
    const submit = () => stored.core.resolveFlag({ flagId: out.id, action: 'accept', reason: 'Đã gọi điện xác minh', user: 'Trần B' });
    const results = await Promise.allSettled([submit(), submit(), submit()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(String((r as PromiseRejectedResult).reason)).toMatch(/đã được xử lý \(chấp nhận, Trần B/);
    expect((await stored.core.listAudit({})).length).toBe(before + 1);
    const flag = (await stored.core.listFlags({ status: 'resolved' })).find((f) => f.id === out.id);
    expect(flag?.decision).toEqual({ action: 'accept', user: 'Trần B', at: '2023-07-10T08:00:00.000Z', reason: 'Đã gọi điện xác minh' });
  });

  it('reopens with a reason, as its own audited decision; then the flag takes a new decision', async () => {
    const out = (await stored.core.listFlags({ status: 'resolved' }))[0]!;
    await expect(stored.core.reopenFlag({ flagId: out.id, reason: ' ', user: 'Lê C' })).rejects.toThrow();
    const r = await stored.core.reopenFlag({ flagId: out.id, reason: 'Đơn vị báo số liệu sai', user: 'Lê C' });
    expect(r.flag?.status).toBe('open');
    expect(r.flag?.decision).toBeUndefined();
    await expect(stored.core.reopenFlag({ flagId: out.id, reason: 'lần nữa', user: 'Lê C' })).rejects.toThrow(/đang mở/);
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'reopen-flag', flagId: out.id, unit: out.unit, period: out.period, user: 'Lê C', detail: expect.objectContaining({ reopened: 'accept' }) });
    await stored.core.resolveFlag({ flagId: out.id, action: 'accept', reason: 'Đã xác minh lại', user: 'Lê C' });
    expect((await stored.core.listFlags({ status: 'resolved' })).find((f) => f.id === out.id)?.decision?.reason).toBe('Đã xác minh lại');
  });

  it('chooses a submission as a row of its own, with structured audit fields, without editing the files', async () => {
    const conflict = stored.flags.find((f) => f.rule === 'conflicting_resubmission')!;
    const earlier = conflict.figures.find((f) => f.inUse === false)!;
    const db = openDb(dbPath(), { readonly: true });
    const filesBefore = db.prepare('SELECT id, superseded_by FROM files ORDER BY id').all();
    await stored.core.resolveFlag({ flagId: conflict.id, action: 'choose', fileId: earlier.fileId!, reason: 'Bản gửi lại nhầm', user: 'Lê C' });
    expect(db.prepare('SELECT id, superseded_by FROM files ORDER BY id').all()).toEqual(filesBefore);
    expect(db.prepare('SELECT unit_id IS NOT NULL AS u, period, file_id AS fileId, user FROM submission_choices').all()).toEqual([{ u: 1, period: conflict.period, fileId: earlier.fileId, user: 'Lê C' }]);
    db.close();
    expect((await stored.core.listAudit({})).at(-1)).toMatchObject({ action: 'choose-submission', unit: conflict.unit, period: conflict.period, flagId: conflict.id, fileId: earlier.fileId, detail: { file: earlier.file } });
    expect((await stored.core.listFlags({ status: 'resolved' })).find((f) => f.id === conflict.id)?.decision).toMatchObject({ action: 'choose', file: earlier.file });
  });

  it('refuses UPDATE, DELETE and INSERT OR REPLACE (on PostgreSQL: an upsert) on every decision table and the audit chain', async () => {
    const neg = stored.flags.find((f) => f.rule === 'negative_value')!;
    await stored.core.resolveFlag({ flagId: neg.id, action: 'correct', value: Math.abs(neg.figures[0]!.value), reason: 'Gõ nhầm dấu trừ', user: 'Trần B' });
    await stored.core.mapLabel({ label: 'Số TK ĐDĐT đã kích hoạt', indicator: 'DD_KICHHOAT', user: 'Trần B' });
    const db = openDb(dbPath());
    try {
      for (const table of DECISION_TABLES) {
        const key = table === 'audit_chain' ? 'entry_id' : 'id';
        const row = db.prepare(`SELECT * FROM ${table} ORDER BY ${key} LIMIT 1`).get() as Record<string, unknown> | undefined;
        expect(row, table).toBeDefined();
        const cols = Object.keys(row!);
        const set = cols.find((c) => c !== key)!;
        expect(() => db.prepare(`UPDATE ${table} SET ${set} = ${set} WHERE ${key} = ?`).run(row![key]), `${table} UPDATE`).toThrow(/không được/);
        expect(() => db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(row![key]), `${table} DELETE`).toThrow(/không được/);
        const values = `(${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
        const replace = onPostgres
          ? `INSERT INTO ${table} ${values} ON CONFLICT (${key}) DO UPDATE SET ${set} = excluded.${set}`
          : `INSERT OR REPLACE INTO ${table} ${values}`;
        expect(() => db.prepare(replace).run(...cols.map((c) => row![c] as never)), `${table} REPLACE`).toThrow(/không được/);
      }
    } finally {
      db.close();
    }
  });

  // A copy of the store's file, tampered with: SQLite's. On PostgreSQL: tests/integration/postgres/.
  it.skipIf(onPostgres)('verifies the chain (API and CLI exit 0), and names the first entry that no longer agrees after the triggers are dropped and a row is edited', async () => {
    const ok = await stored.core.verifyAudit({});
    expect(ok).toMatchObject({ ok: true, brokenEntry: null });
    expect(ok.entries).toBe((await stored.core.listAudit({})).length);
    const copy = path.join(stored.dir, 'copy.db');
    fs.copyFileSync(dbPath(), copy);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(dbPath() + ext)) fs.copyFileSync(dbPath() + ext, copy + ext);
    const good = runCli(['audit', '--verify', '--db', copy]);
    expect(good.stdout).toMatch(/Nhật ký toàn vẹn: \d+ mục, đã kiểm tra/);
    expect(good.status).toBe(0);

    // Someone with the file drops the triggers and edits a correction's value.
    const db = new Sqlite(copy);
    db.exec('DROP TRIGGER corrections_no_update');
    const c = db.prepare('SELECT id FROM corrections ORDER BY id LIMIT 1').get() as { id: number };
    db.prepare('UPDATE corrections SET value = value + 1 WHERE id = ?').run(c.id);
    const entry = db.prepare("SELECT id FROM audit_log WHERE decision_table = 'corrections' AND decision_id = ?").pluck().get(c.id) as number;
    db.close();
    const bad = runCli(['audit', '--verify', '--db', copy]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain(`#${entry}`);
    expect(bad.stdout).toMatch(/corrections/);
  });

  it.skipIf(onPostgres)('finds an audit entry edited, an entry removed, and a decision added outside the app', async () => {
    const cases: [string, (db: Sqlite.Database) => void, RegExp][] = [
      ['reason edited', (db) => { db.exec('DROP TRIGGER audit_log_no_update'); db.prepare('UPDATE audit_log SET reason = ? WHERE id = (SELECT max(id) FROM audit_log)').run('khác'); }, /không khớp/],
      ['entry removed', (db) => { db.exec('DROP TRIGGER audit_log_no_delete'); db.exec('PRAGMA foreign_keys = OFF'); db.prepare('DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)').run(); }, /mắt xích|không nối/],
      ['decision added', (db) => { db.prepare("INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES ('x', 'y', 'accept', 'Ai đó', 't', 'lén')").run(); }, /không có mục nhật ký/],
    ];
    for (const [name, tamper, message] of cases) {
      const copy = path.join(stored.dir, `tampered-${name.replace(/ /g, '-')}.db`);
      const src = new Sqlite(dbPath(), { readonly: true });
      src.exec(`VACUUM INTO '${copy}'`);
      src.close();
      const db = new Sqlite(copy);
      tamper(db);
      db.close();
      const opened = openDb(copy);
      const v = verifyAudit(opened);
      opened.close();
      expect(v.ok, name).toBe(false);
      expect(v.message, name).toMatch(message);
    }
  });
});

// No PostgreSQL store predates the chain.
describe.skipIf(onPostgres)('a store from before the chain', () => {
  it('chains the old entries and records the old decisions at migration, and verifies', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const db = new Sqlite(file);
    migrate(db, undefined, 6);
    db.prepare("INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES ('f1', 's1', 'accept', 'An', '2023-07-01T00:00:00Z', 'đúng')").run();
    db.prepare("INSERT INTO audit_log (at, user, action, target, old_value, new_value, reason) VALUES ('2023-07-01T00:00:00Z', 'An', 'accept-flag', 'outlier 421 2023-03: …', NULL, NULL, 'đúng')").run();
    db.close();
    const opened = openDb(file);
    expect(verifyAudit(opened)).toMatchObject({ ok: true, entries: 2 });
    expect(listAudit(opened).map((e) => e.action)).toEqual(['accept-flag', 'record-decision']);
    opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a kill between storing returns and checking them', () => {
  it('leaves the units marked, and the next start checks them: the flags are there', async () => {
    const dir = tempDir();
    const dbPath = await storeTarget(dir);
    // The import stores every file, then the process dies before its check (no check runs here).
    const killed = createApi({ dbPath, checkAfterImport: false, now: () => '2023-07-10T08:00:00.000Z' });
    await killed.importFiles({ paths: sampleFiles() });
    expect(await killed.listFlags({})).toEqual([]);
    await killed.close();
    const db = openDb(dbPath, { readonly: true });
    expect((db.prepare('SELECT count(*) FROM pending_checks').pluck().get() as number)).toBeGreaterThan(0);
    db.close();
    // The next start checks them.
    const next = createApi({ dbPath, now: () => '2023-07-10T08:00:00.000Z' });
    const flags = await next.listFlags({});
    expect(flags).toHaveLength(31);
    const full = await next.checkFlags({});
    expect(full.open + full.resolved).toBe(31);
    await next.close();
    const after = openDb(dbPath, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM pending_checks').pluck().get()).toBe(0);
    after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
