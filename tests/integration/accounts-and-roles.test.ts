/**
 * Issue 19, part 3, through the contract as the edges call it (dispatch with a session per edge):
 * a store without accounts works as before; once it has one, each person signs in and is refused
 * (forbidden-role) what their role may not do and allowed what it may; the audit log records the
 * person signed in, not a typed name; a wrong password gets no hint of what was wrong; passwords
 * are scrypt hashes of N >= 2^14. Browser mode's session cookie and the CLI's --login likewise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Result } from '../../shared/api';
import type { Role } from '../../shared/roles';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { EdgeSession } from '../../main/http/dispatch';
import { dispatch } from '../../main/http/dispatch';
import { kdfOf } from '../../main/core/api/password';
import { serve } from '../../main/http/serve';
import { runCli } from '../helpers/cli';
import { backupTo } from '../../main/core/store/backup';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let core: Core;
let clock = 0;
const call = (session: EdgeSession, method: Method, args: unknown = {}) => dispatch(core, method, args, 'app', session);
const value = <T>(r: Result<unknown>): T => { if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`); return r.value as T; };
const PASSWORDS = { qt: 'quan-tri-123', nl: 'nhap-lieu-123', kt: 'kiem-tra-123', ld: 'lanh-dao-123' };
const sessions: Record<string, EdgeSession> = {};
const lastAudit = async () => (await core.listAudit({})).at(-1)!;

beforeAll(async () => {
  core = createApi({ dbPath: await storeTarget(dir), now: () => new Date(Date.UTC(2023, 6, 1, 8, 0, clock++)).toISOString() });
  await core.importFiles({ paths: [path.join(SAMPLES_DIR, 'TP Vinh T06.2023.xlsx')] });
}, 60_000);
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a store without accounts', () => {
  it('needs no sign-in and records the name typed, as before', async () => {
    const nobody: EdgeSession = { login: null };
    expect(value(await call(nobody, 'whoAmI'))).toEqual({ signInRequired: false, account: null });
    expect(value<unknown[]>(await call(nobody, 'listFigures', { period: '2023-06' })).length).toBeGreaterThan(0);
    value(await call(nobody, 'approvePeriod', { unit: '425', period: '2023-06', user: 'Trần Thị Gõ Tên', reason: 'duyệt thử' }));
    expect(await lastAudit()).toMatchObject({ action: 'approve-period', user: 'Trần Thị Gõ Tên' });
    value(await call(nobody, 'unlockPeriod', { unit: '425', period: '2023-06', user: 'Trần Thị Gõ Tên', reason: 'mở lại' }));
  });

  it('takes a quản trị as its first account, which turns sign-in on', async () => {
    const nobody: EdgeSession = { login: null };
    const first = await call(nobody, 'createAccount', { login: 'nl', name: 'Nhập Liệu', password: PASSWORDS.nl, roles: ['nhap-lieu'], user: 'Người cài đặt' });
    expect(first).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    value(await call(nobody, 'createAccount', { login: 'QT', name: 'Quản Trị Viên', password: PASSWORDS.qt, roles: ['quan-tri'], user: 'Người cài đặt' }));
    expect(await lastAudit()).toMatchObject({ action: 'create-account', user: 'Người cài đặt', target: 'Quản Trị Viên (qt)' });
    expect(value(await call(nobody, 'whoAmI'))).toEqual({ signInRequired: true, account: null });
    expect(await call(nobody, 'listFigures', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    expect(await call(nobody, 'createAccount', { login: 'x2', name: 'X', password: 'mat-khau-1', roles: ['quan-tri'], user: 'X' })).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });
});

describe('with accounts', () => {
  beforeAll(async () => {
    sessions.qt = { login: null };
    expect(value(await call(sessions.qt, 'signIn', { login: 'qt', password: PASSWORDS.qt }))).toEqual({ login: 'qt', name: 'Quản Trị Viên', roles: ['quan-tri'] });
    const made: [string, string, Role[]][] = [['nl', 'Nguyễn Nhập Liệu', ['nhap-lieu']], ['kt', 'Lê Kiểm Tra', ['kiem-tra']], ['ld', 'Phạm Lãnh Đạo', ['lanh-dao']]];
    for (const [login, name, roles] of made) {
      value(await call(sessions.qt, 'createAccount', { login, name, password: PASSWORDS[login as keyof typeof PASSWORDS], roles, user: 'tên gõ tay' }));
      expect(await lastAudit()).toMatchObject({ action: 'create-account', user: 'Quản Trị Viên (qt)', target: `${name} (${login})` });
      sessions[login] = { login: null };
      value(await call(sessions[login]!, 'signIn', { login, password: PASSWORDS[login as keyof typeof PASSWORDS] }));
    }
  }, 30_000);

  it('stores each password as a scrypt hash of N >= 2^14, never the password', () => {
    const rows = core.db.prepare('SELECT login, password_hash FROM accounts').all() as { login: string; password_hash: string }[];
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      const k = kdfOf(r.password_hash);
      expect(k, r.login).not.toBeNull();
      expect(k!.N).toBeGreaterThanOrEqual(2 ** 14);
      expect(k!.salt.length).toBeGreaterThanOrEqual(16);
      expect(r.password_hash).not.toContain(PASSWORDS[r.login as keyof typeof PASSWORDS]);
    }
    // Each salt its own: the same scheme never gives two people the same hash.
    expect(new Set(rows.map((r) => kdfOf(r.password_hash)!.salt.toString('hex'))).size).toBe(4);
  });

  it('tells each person who they are', async () => {
    expect(value(await call(sessions.kt!, 'whoAmI'))).toEqual({ signInRequired: true, account: { login: 'kt', name: 'Lê Kiểm Tra', roles: ['kiem-tra'] } });
  });

  it('lets nhập liệu type a return, and records the person, not the name typed', async () => {
    const r = await call(sessions.nl!, 'enterFigures', { unit: '425', period: '2023-07', source: 'paper', ref: 'BC giấy 7', user: 'Kẻ Mạo Danh',
      figures: [{ indicator: 'LL_GIUPDO', measure: 'period', value: -3, raw: '-3' }] });
    expect(r).toMatchObject({ ok: true, value: { entered: 1 } });
    const entry = (await core.listAudit({})).filter((a) => a.action === 'enter-figure').at(-1)!;
    expect(entry.user).toBe('Nguyễn Nhập Liệu (nl)');
    expect((await core.listAudit({})).some((a) => a.user.includes('Mạo Danh'))).toBe(false);
  });

  /** What each role may not do, refused with forbidden-role naming the role needed. */
  const refused: [string, Method, unknown, string][] = [
    ['nl', 'resolveFlag', { flagId: 'x', action: 'accept', reason: 'r', user: 'u' }, 'kiểm tra'],
    ['nl', 'approvePeriod', { period: '2023-07', user: 'u' }, 'lãnh đạo'],
    ['nl', 'listAccounts', {}, 'quản trị'],
    ['kt', 'enterFigures', { unit: '425', period: '2023-07', source: 'paper', ref: 'r', user: 'u', figures: [{ indicator: 'LL_GIUPDO', measure: 'period', value: 1 }] }, 'nhập liệu'],
    ['kt', 'startImport', { paths: [SAMPLES_DIR] }, 'nhập liệu'],
    ['kt', 'unlockPeriod', { period: '2023-07', user: 'u', reason: 'r' }, 'lãnh đạo'],
    ['ld', 'resolveFlag', { flagId: 'x', action: 'accept', reason: 'r', user: 'u' }, 'kiểm tra'],
    ['ld', 'mapLabel', { label: 'l', indicator: 'LL_GIUPDO', user: 'u' }, 'nhập liệu'],
    ['ld', 'createAccount', { login: 'ab', name: 'A', password: 'mat-khau-1', roles: ['quan-tri'], user: 'u' }, 'quản trị'],
    ['qt', 'approvePeriod', { period: '2023-07', user: 'u' }, 'lãnh đạo'],
    ['qt', 'enterFigures', { unit: '425', period: '2023-07', source: 'paper', ref: 'r', user: 'u', figures: [{ indicator: 'LL_GIUPDO', measure: 'period', value: 1 }] }, 'nhập liệu'],
    ['qt', 'saveSetup', { province: '40', user: 'u' }, 'lãnh đạo'],
  ];
  it.each(refused)('refuses %s the call %s (needs %s)', async (login, method, args, role) => {
    const before = (await core.listAudit({})).length;
    const r = await call(sessions[login]!, method, args);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
    if (!r.ok) expect(r.error.message).toContain(`“${role}”`);
    expect((await core.listAudit({})).length).toBe(before);
  });

  it('lets kiểm tra resolve a flag and lãnh đạo approve and unlock, each on the log under their name', async () => {
    const flag = (await core.listFlags({ unit: '425', period: '2023-07', rule: 'negative_value', status: 'open' }))[0]!;
    value(await call(sessions.kt!, 'resolveFlag', { flagId: flag.id, action: 'accept', reason: 'số đúng theo công văn', user: 'ai đó' }));
    expect(await lastAudit()).toMatchObject({ action: 'accept-flag', user: 'Lê Kiểm Tra (kt)' });
    value(await call(sessions.ld!, 'approvePeriod', { unit: '425', period: '2023-07', user: 'ai đó' }));
    expect(await lastAudit()).toMatchObject({ action: 'approve-period', user: 'Phạm Lãnh Đạo (ld)' });
    value(await call(sessions.ld!, 'unlockPeriod', { unit: '425', period: '2023-07', user: 'ai đó', reason: 'bổ sung' }));
    expect(await lastAudit()).toMatchObject({ action: 'unlock-period', user: 'Phạm Lãnh Đạo (ld)' });
  });

  it('lets every signed-in person read', async () => {
    for (const login of ['nl', 'kt', 'ld', 'qt']) {
      expect((await call(sessions[login]!, 'listFigures', { period: '2023-06' })).ok, login).toBe(true);
      expect((await call(sessions[login]!, 'listAudit', {})).ok, login).toBe(true);
    }
  });

  it('refuses a wrong password and an unknown login alike, with no hint of which was wrong', async () => {
    const s: EdgeSession = { login: 'kt' };
    const wrong = await call(s, 'signIn', { login: 'nl', password: 'sai-mat-khau' });
    const unknown = await call({ login: null }, 'signIn', { login: 'khong-co', password: PASSWORDS.nl });
    expect(wrong).toEqual({ ok: false, error: { code: 'sign-in-failed', message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
    expect(unknown).toEqual(wrong);
    // A failed sign-in leaves nobody signed in at that edge.
    expect(s.login).toBeNull();
  });

  it('lets quản trị change roles, reset a password and deactivate, each on the log, and keeps one quản trị', async () => {
    value(await call(sessions.qt!, 'setAccountRoles', { login: 'nl', roles: ['nhap-lieu', 'kiem-tra'], user: 'x' }));
    expect(await lastAudit()).toMatchObject({ action: 'set-account-roles', user: 'Quản Trị Viên (qt)', oldValue: 'nhập liệu', newValue: 'nhập liệu, kiểm tra' });
    // Roles count from the next call, without signing in again.
    expect((await call(sessions.nl!, 'resolveFlag', { flagId: 'khong-co', action: 'accept', reason: 'r', user: 'u' })).ok).toBe(false);
    expect(await call(sessions.nl!, 'resolveFlag', { flagId: 'khong-co', action: 'accept', reason: 'r', user: 'u' })).not.toMatchObject({ error: { code: 'forbidden-role' } });
    value(await call(sessions.qt!, 'resetPassword', { login: 'kt', password: 'mat-khau-moi-1', user: 'x' }));
    const reset = await lastAudit();
    expect(reset).toMatchObject({ action: 'reset-password', user: 'Quản Trị Viên (qt)', oldValue: null, newValue: null });
    expect(JSON.stringify(reset)).not.toContain('mat-khau-moi-1');
    expect(await call({ login: null }, 'signIn', { login: 'kt', password: PASSWORDS.kt })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    expect((await call({ login: null }, 'signIn', { login: 'kt', password: 'mat-khau-moi-1' })).ok).toBe(true);
    value(await call(sessions.qt!, 'deactivateAccount', { login: 'ld', user: 'x' }));
    expect(await lastAudit()).toMatchObject({ action: 'deactivate-account', user: 'Quản Trị Viên (qt)', target: 'Phạm Lãnh Đạo (ld)' });
    // Signed out at the next call; and a deactivated account's right password signs nobody in.
    expect(await call(sessions.ld!, 'listFigures', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    expect(await call({ login: null }, 'signIn', { login: 'ld', password: PASSWORDS.ld })).toMatchObject({ ok: false, error: { code: 'sign-in-failed', message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
    expect(await call(sessions.qt!, 'deactivateAccount', { login: 'qt', user: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(await call(sessions.qt!, 'setAccountRoles', { login: 'qt', roles: ['lanh-dao'], user: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const list = value<{ login: string; active: boolean }[]>(await call(sessions.qt!, 'listAccounts'));
    expect(list.map((a) => [a.login, a.active])).toEqual([['kt', true], ['ld', false], ['nl', true], ['qt', true]]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect(await core.verifyAudit({})).toMatchObject({ ok: true });
  });

  it('signs out', async () => {
    const s: EdgeSession = { login: null };
    value(await call(s, 'signIn', { login: 'kt', password: 'mat-khau-moi-1' }));
    value(await call(s, 'signOut'));
    expect(value(await call(s, 'whoAmI'))).toEqual({ signInRequired: true, account: null });
  });
});

describe('browser mode', () => {
  it('signs in with an HttpOnly, SameSite=Strict session cookie beside the secret, and answers a refused role 403', async () => {
    const staticDir = fs.mkdtempSync(path.join(dir, 'static-'));
    const server = await serve({ api: core, staticDir, secret: 'geheim' });
    try {
      const origin = server.url.replace(/\/$/, '');
      const post = (method: string, body: unknown, cookie: string) => fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin }, body: JSON.stringify(body) });
      const secret = 'tonghop_k=geheim';
      const anon = await post('listFigures', {}, secret);
      expect(anon.status).toBe(401);
      const signIn = await post('signIn', { login: 'nl', password: PASSWORDS.nl }, secret);
      expect(signIn.status).toBe(200);
      const set = signIn.headers.get('set-cookie') ?? '';
      expect(set).toMatch(/^tonghop_s=[\w-]{20,}; HttpOnly; SameSite=Strict; Path=\//);
      const session = `${secret}; ${set.split(';')[0]}`;
      expect((await post('listFigures', { period: '2023-06' }, session)).status).toBe(200);
      const refused = await post('approvePeriod', { period: '2023-07', user: 'u' }, session);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'forbidden-role', needed: ['lanh-dao'] } });
      // Without the launch's secret the session cookie alone opens nothing.
      expect((await post('listFigures', {}, set.split(';')[0]!)).status).toBe(403);
      // A made-up session token signs nobody in.
      expect((await post('listFigures', {}, `${secret}; tonghop_s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(401);
      const out = await post('signOut', {}, session);
      expect(out.headers.get('set-cookie')).toMatch(/^tonghop_s=; .*Max-Age=0/);
      expect((await post('listFigures', {}, session)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('browser mode, a password changed in one browser', () => {
  it('gives that browser a new session token and signs the other browser out', async () => {
    const server = await serve({ api: core, staticDir: fs.mkdtempSync(path.join(dir, 'static-')), secret: 'geheim' });
    try {
      const origin = server.url.replace(/\/$/, '');
      const post = (method: string, body: unknown, cookie: string) => fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin }, body: JSON.stringify(body) });
      const secret = 'tonghop_k=geheim';
      const signedIn = async () => `${secret}; ${((await post('signIn', { login: 'nl', password: PASSWORDS.nl }, secret)).headers.get('set-cookie') ?? '').split(';')[0]}`;
      const [a, b] = [await signedIn(), await signedIn()];
      expect((await post('listFigures', {}, b)).status).toBe(200);
      const changed = await post('changeOwnPassword', { currentPassword: PASSWORDS.nl, newPassword: 'nhap-lieu-doi-1' }, a);
      expect(changed.status).toBe(200);
      const fresh = `${secret}; ${(changed.headers.get('set-cookie') ?? '').split(';')[0]}`;
      expect(fresh).not.toBe(a);
      expect((await post('listFigures', {}, fresh)).status).toBe(200);
      const other = await post('listFigures', {}, b);
      expect(other.status).toBe(401);
      expect(other.headers.get('set-cookie')).toMatch(/^tonghop_s=; .*Max-Age=0/);
      // Back as it was, for the tests that follow.
      expect((await post('changeOwnPassword', { currentPassword: 'nhap-lieu-doi-1', newPassword: PASSWORDS.nl }, fresh)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the command line', () => {
  it('signs in with --login and the password from TONGHOP_PASSWORD or stdin, and refuses what the role may not do', async () => {
    const db = path.join(dir, 'cli.db');
    await backupTo(core.db, db);
    const approve = ['approve', '--db', db, '--unit', '425', '--period', '2023-06', '--reason', 'đã xem'];
    const nobody = runCli(approve.concat(['--user', 'Gõ Tên']));
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('Cần đăng nhập');
    const clerk = runCli(['--login', 'nl', ...approve], { env: { TONGHOP_PASSWORD: PASSWORDS.nl } });
    expect(clerk.status).toBe(2);
    expect(clerk.stderr).toContain('cần quyền “lãnh đạo”');
    const wrong = runCli(['--login', 'kt', ...approve], { env: { TONGHOP_PASSWORD: 'sai' } });
    expect(wrong.stderr).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(wrong.status).toBe(2);
    // The administrator's password typed on stdin; quản trị may not approve either, but may list accounts' reads.
    const admin = runCli(['--login', 'qt', 'files', '--db', db], { input: `${PASSWORDS.qt}\n` });
    expect(admin.status).toBe(0);
    expect(admin.stderr).toContain('Mật khẩu:');
  }, 180_000);
});
