/**
 * The desks' own server role on a shared store (issue 19): the database's owner grants it once;
 * with it a desk does all its work, but cannot rewrite an append-only table even behind the
 * triggers, change the schema, or run a migration (it is told who must). PostgreSQL run only.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api/create-api';
import { openDb } from '../../../main/core/store/open-db';
import { PgDatabase } from '../../../main/core/store/postgres/pg-database';
import { runCli } from '../../helpers/cli';
import { sampleFiles, tempDir } from '../../helpers/samples';
import { storeTarget } from '../../helpers/store-target';

const dir = tempDir();
const role = `tonghop_desk_${process.pid}`;
let ownerUrl: string;
let deskUrl: string;

const asRole = (url: string) => {
  const u = new URL(url);
  u.username = role;
  u.password = 'mat-khau-may-ban';
  return u.toString();
};

beforeAll(async () => {
  const server = new PgDatabase(process.env.TONGHOP_TEST_PG!);
  server.exec(`DROP ROLE IF EXISTS ${role}`).exec(`CREATE ROLE ${role} LOGIN PASSWORD 'mat-khau-may-ban'`);
  server.close();
  // A store migrated by its owner to before sign_in_attempts (0018), so a later migration adds a table.
  ownerUrl = await storeTarget(dir, 'store', { empty: true });
  openDb(ownerUrl, { upTo: 17 }).close();
  deskUrl = asRole(ownerUrl);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a database that orders text by a language', () => {
  it('is migrated, and the owner is told its lists will not be ordered as on one PC', async () => {
    const name = `tonghop_vi_${process.pid}`;
    const server = new PgDatabase(process.env.TONGHOP_TEST_PG!);
    server.exec(`DROP DATABASE IF EXISTS ${name}`).exec(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'vi'`);
    try {
      const url = new URL(process.env.TONGHOP_TEST_PG!);
      url.pathname = `/${name}`;
      const r = runCli(['migrate', '--db', url.toString()]);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/thứ tự chữ “ICU vi”.*--lc-collate=C/);
    } finally {
      server.exec(`DROP DATABASE IF EXISTS ${name}`).close();
    }
  });
});

describe('the desks’ server role', () => {
  it('has nothing until the owner grants it, and a name that is not a plain role name is refused', () => {
    // A name that is not a plain role name is refused before the store is touched (it would be spliced into GRANT).
    const bad = runCli(['grant-app-role', '--db', ownerUrl, '--role', 'x; DROP TABLE audit_log']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/không hợp lệ/);
    // Not yet granted: the desk cannot even read the store.
    expect(() => openDb(deskUrl)).toThrow(/permission denied/);
  });

  it('after the owner grants it and migrates, does a desk’s whole work: import, check, decide, export', async () => {
    const store = openDb(ownerUrl, { upTo: 17 });
    const { grantAppRole } = await import('../../../main/core/store/postgres/app-role');
    const g = grantAppRole(store, role);
    store.close();
    expect(g.appendOnly).toEqual(expect.arrayContaining(['audit_log', 'audit_chain', 'resolutions', 'corrections', 'approvals']));
    // A migration is the owner's: the desk is told so, and the store is left as it was.
    expect(() => openDb(deskUrl)).toThrow(/tonghop migrate/);
    const migrated = runCli(['migrate', '--db', ownerUrl]);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    const missing = runCli(['grant-app-role', '--db', ownerUrl, '--role', 'khong_co_vai_tro_nay']);
    expect(missing.stderr).toMatch(/CREATE ROLE/);

    const desk = createApi({ dbPath: deskUrl, now: () => '2023-07-10T08:00:00.000Z' });
    const imported = await desk.importFiles({ paths: sampleFiles().slice(0, 12) });
    expect(imported.filter((r) => r.status === 'imported').length).toBeGreaterThan(5);
    const flag = (await desk.listFlags({ status: 'open' }))[0]!;
    await desk.resolveFlag({ flagId: flag.id, action: 'accept', reason: 'Đã gọi điện xác nhận', user: 'Trần B' });
    const out = `${dir}/tong-hop.xlsx`;
    const exported = await desk.exportWorkbook({ period: '2023-06', out });
    expect(exported.cells).toBeGreaterThan(0);
    // A table the later migration added (sign_in_attempts, 0018) was granted with it: signing in records a try there.
    await desk.createAccount({ login: 'qt', name: 'Quản Trị', password: 'mat-khau-dai', roles: ['quan-tri'], user: 'cài đặt' });
    await expect(desk.signIn({ login: 'qt', password: 'sai-mat-khau' })).rejects.toThrow();
    expect((await desk.verifyAudit({})).ok).toBe(true);
    await desk.close();
  });

  it('cannot rewrite an append-only table, even by turning its triggers off, nor change the schema', () => {
    const db = openDb(deskUrl);
    const denied = /permission denied|must be owner/;
    expect(() => db.prepare("UPDATE audit_log SET reason = 'sửa lén' WHERE id = (SELECT min(id) FROM audit_log)").run()).toThrow(denied);
    expect(() => db.prepare('DELETE FROM resolutions').run()).toThrow(denied);
    expect(() => db.exec('TRUNCATE audit_log')).toThrow(denied);
    expect(() => db.exec('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toThrow(denied);
    expect(() => db.exec('DROP TABLE audit_chain')).toThrow(denied);
    expect(() => db.exec('CREATE TABLE scratch (x INT)')).toThrow(denied);
    // What the app does need stays open: a flag replaced, a pending check cleared.
    expect(() => db.prepare('DELETE FROM pending_checks').run()).not.toThrow();
    db.close();
  });
});
