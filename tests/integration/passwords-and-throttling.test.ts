/**
 * Issue 19's follow-up, through the contract as the edges call it (dispatch, a session per edge):
 * each person changes their own password given the current one, on the log without either; the
 * edge makes it the caller's own account whatever is sent. After five failed sign-ins for one login
 * within 15 minutes further attempts are refused until the oldest leaves the window, whether or not
 * the login exists, attempts sent at once included; a success starts the count again; a wrong
 * current password counts too; none of it is on the audit log, and the quản trị sees it all.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Result, Results } from '../../shared/api';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { EdgeSession } from '../../main/http/dispatch';
import { dispatch } from '../../main/http/dispatch';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let core: Core;
/** The store's clock, moved by the tests: the throttle counts by it. */
let clock = Date.UTC(2026, 2, 2, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;
const call = <M extends Method>(session: EdgeSession, method: M, args: unknown = {}) => dispatch(core, method, args, 'app', session) as Promise<Result<Results[M]>>;
const value = <T>(r: Result<T>): T => { if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`); return r.value; };
const signIn = (login: string, password: string) => call({ login: null }, 'signIn', { login, password });
const auditCount = async () => (await core.listAudit({})).length;
const PW = { qt: 'quan-tri-123', nl: 'nhap-lieu-123', kt: 'kiem-tra-123', ld: 'lanh-dao-123' };
const admin: EdgeSession = { login: null };

beforeAll(async () => {
  core = createApi({ dbPath: await storeTarget(dir), now: () => iso(clock) });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('changing one\'s own password', () => {
  it('needs someone signed in: a store without accounts has no own password, whatever `self` is sent', async () => {
    const r = await call({ login: null }, 'changeOwnPassword', { currentPassword: 'x', newPassword: 'mat-khau-moi-1', self: 'qt' });
    expect(r).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });

  it('lets a signed-in person change it, given the current one, on the log without either password', async () => {
    value(await call({ login: null }, 'createAccount', { login: 'qt', name: 'Quản Trị', password: PW.qt, roles: ['quan-tri'], user: 'Người cài đặt' }));
    value(await call(admin, 'signIn', { login: 'qt', password: PW.qt }));
    for (const [login, name, role] of [['nl', 'Nguyễn Nhập Liệu', 'nhap-lieu'], ['kt', 'Lê Kiểm Tra', 'kiem-tra'], ['ld', 'Phạm Lãnh Đạo', 'lanh-dao']] as const) {
      value(await call(admin, 'createAccount', { login, name, password: PW[login], roles: [role], user: 'x' }));
    }
    const nl: EdgeSession = { login: null };
    value(await call(nl, 'signIn', { login: 'nl', password: PW.nl }));
    const before = await auditCount();

    const wrong = await call(nl, 'changeOwnPassword', { currentPassword: 'khong-phai', newPassword: 'mat-khau-moi-1' });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong-password', message: 'Mật khẩu hiện tại không đúng' } });
    const short = await call(nl, 'changeOwnPassword', { currentPassword: PW.nl, newPassword: 'ngan' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid-arguments', issues: [{ field: 'newPassword' }] } });
    expect(await auditCount()).toBe(before);

    expect(value(await call(nl, 'changeOwnPassword', { currentPassword: PW.nl, newPassword: 'mat-khau-moi-1' }))).toEqual({ login: 'nl' });
    const entry = (await core.listAudit({})).at(-1)!;
    expect(entry).toMatchObject({ action: 'change-own-password', user: 'Nguyễn Nhập Liệu (nl)', target: 'Nguyễn Nhập Liệu (nl)', oldValue: null, newValue: null });
    expect(JSON.stringify(entry)).not.toMatch(/mat-khau-moi-1|nhap-lieu-123/);
    expect(await auditCount()).toBe(before + 1);
    expect(await signIn('nl', PW.nl)).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    expect((await signIn('nl', 'mat-khau-moi-1')).ok).toBe(true);
    // Still signed in at the desk where it was changed.
    expect(value(await call(nl, 'whoAmI')).account?.login).toBe('nl');
    PW.nl = 'mat-khau-moi-1';
    expect(await core.verifyAudit({})).toMatchObject({ ok: true });
  });

  it('changes only the caller\'s own account, whatever login is sent as `self`', async () => {
    const kt: EdgeSession = { login: null };
    value(await call(kt, 'signIn', { login: 'kt', password: PW.kt }));
    // kt's own current password, with the administrator's login named: kt's is changed, not qt's.
    expect(value(await call(kt, 'changeOwnPassword', { currentPassword: PW.kt, newPassword: 'kiem-tra-456', self: 'qt' }))).toEqual({ login: 'kt' });
    expect((await signIn('qt', PW.qt)).ok).toBe(true);
    expect((await signIn('qt', 'kiem-tra-456')).ok).toBe(false);
    expect((await signIn('kt', 'kiem-tra-456')).ok).toBe(true);
    PW.kt = 'kiem-tra-456';
    // Every role may: the administrator changes theirs too.
    expect(value(await call(admin, 'changeOwnPassword', { currentPassword: PW.qt, newPassword: 'quan-tri-456' }))).toEqual({ login: 'qt' });
    PW.qt = 'quan-tri-456';
    expect(await call({ login: null }, 'changeOwnPassword', { currentPassword: PW.kt, newPassword: 'mat-khau-khac-1' })).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });
});

describe('a changed password at one desk', () => {
  it('signs out every other session of that account, and a reset by the quản trị signs out all of them', async () => {
    const here: EdgeSession = { login: null };
    const there: EdgeSession = { login: null };
    for (const desk of [here, there]) value(await call(desk, 'signIn', { login: 'ld', password: PW.ld }));
    value(await call(there, 'listFlags', {}));
    value(await call(here, 'changeOwnPassword', { currentPassword: PW.ld, newPassword: 'lanh-dao-456' }));
    PW.ld = 'lanh-dao-456';
    // The desk that changed it goes on; the other was signed in with the old password.
    expect(value(await call(here, 'whoAmI')).account?.login).toBe('ld');
    value(await call(here, 'listFlags', {}));
    expect(await call(there, 'listFlags', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    expect(value(await call(there, 'whoAmI')).account).toBeNull();
    value(await call(there, 'signIn', { login: 'ld', password: PW.ld }));
    value(await call(there, 'listFlags', {}));

    value(await call(admin, 'signIn', { login: 'qt', password: PW.qt }));
    value(await call(admin, 'resetPassword', { login: 'ld', password: 'lanh-dao-789', user: 'x' }));
    PW.ld = 'lanh-dao-789';
    for (const desk of [here, there]) expect(await call(desk, 'listFlags', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    // The quản trị's own session is not the account changed: it stays.
    value(await call(admin, 'listAccounts', {}));
  });
});

describe('sign-in throttling', () => {
  const failFive = async (login: string) => {
    for (let i = 0; i < 5; i++) {
      expect(await signIn(login, `sai-${i}`)).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
      clock += 1000;
    }
  };

  it('refuses a login after five failures in 15 minutes, even with the right password, saying when to try again', async () => {
    const before = await auditCount();
    const first = clock;
    await failFive('kt');
    const refused = await signIn('kt', PW.kt);
    expect(refused).toMatchObject({ ok: false, error: { code: 'sign-in-throttled', retryAt: iso(first + 15 * MIN) } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Đăng nhập sai quá nhiều lần với tên đăng nhập này\. Hãy thử lại sau \d\d:\d\d \(khoảng 15 phút nữa\)$/);
    // Other logins are not held up by it.
    expect((await signIn('ld', PW.ld)).ok).toBe(true);
    // A minute before the oldest failure leaves the window: still refused.
    clock = first + 14 * MIN;
    expect(await signIn('kt', PW.kt)).toMatchObject({ ok: false, error: { code: 'sign-in-throttled' } });
    clock = first + 15 * MIN;
    expect(value(await signIn('kt', PW.kt)).login).toBe('kt');
    // Not one entry on the audit log for all of it.
    expect(await auditCount()).toBe(before);
  });

  it('treats a login no account has exactly alike, so a refusal tells nothing of who exists', async () => {
    clock += MIN;
    await failFive('khong-co');
    const unknown = await signIn('khong-co', 'bat-ky');
    await failFive('ld');
    const known = await signIn('ld', PW.ld);
    const shape = (r: Result<unknown>) => (r.ok ? r : { ...r, error: { ...r.error, retryAt: 'T', message: r.error.message.replace(/\d+/g, 'N') } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'sign-in-throttled' } });
    expect(shape(unknown)).toEqual(shape(known));
  });

  it('starts the count again after a successful sign-in', async () => {
    clock += 20 * MIN;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect(await signIn('nl', 'sai')).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
      expect((await signIn('nl', PW.nl)).ok).toBe(true);
    }
    // The fifth failure since the last success is what throttles.
    for (let i = 0; i < 5; i++) await signIn('nl', 'sai');
    expect(await signIn('nl', PW.nl)).toMatchObject({ ok: false, error: { code: 'sign-in-throttled' } });
  });

  it('lets no more than five of many attempts sent at once be tried', async () => {
    clock += 20 * MIN;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn('qt', `doan-${i}`)));
    const codes = answers.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'sign-in-failed')).toHaveLength(5);
    expect(codes.filter((c) => c === 'sign-in-throttled')).toHaveLength(7);
  });

  it('counts a wrong current password when changing one\'s own, so a desk left signed in is no way to guess it', async () => {
    clock += 20 * MIN;
    const kt: EdgeSession = { login: null };
    value(await call(kt, 'signIn', { login: 'kt', password: PW.kt }));
    for (let i = 0; i < 5; i++) expect(await call(kt, 'changeOwnPassword', { currentPassword: `doan-${i}`, newPassword: 'mat-khau-moi-9' })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(await call(kt, 'changeOwnPassword', { currentPassword: PW.kt, newPassword: 'mat-khau-moi-9' })).toMatchObject({ ok: false, error: { code: 'sign-in-throttled' } });
    expect((await signIn('kt', 'mat-khau-moi-9')).ok).toBe(false);
  });

  it('shows the quản trị each login\'s failures, whether an account has it, and whether it is refused now', async () => {
    const qt: EdgeSession = { login: null };
    clock += 20 * MIN;
    value(await call(qt, 'signIn', { login: 'qt', password: PW.qt }));
    // kt's lock (from the last test) is over by now; one more failing run locks it again.
    await failFive('kt');
    await signIn('kt', PW.kt);
    const list = value(await call(qt, 'listSignInFailures'));
    const row = (login: string) => list.find((r) => r.login === login);
    expect(list[0]!.login).toBe('kt');
    expect(row('kt')).toMatchObject({ known: true, failed: 5 + 5 + 5, refused: 2 + 2 + 1, lastAt: iso(clock) });
    expect(row('kt')!.lockedUntil).toBe(iso(clock - 5000 + 15 * MIN));
    expect(row('khong-co')).toMatchObject({ known: false, failed: 5, refused: 1, lockedUntil: null });
    // One wrong guess of qt's password earlier (another's password tried as it), then the five sent at once.
    expect(row('qt')).toMatchObject({ known: true, failed: 1 + 5, refused: 7 });
    // Successful sign-ins are not failures: ld's right password after its lock is not counted.
    expect(row('ld')).toMatchObject({ failed: 5, refused: 1 });
    const nl: EdgeSession = { login: null };
    value(await call(nl, 'signIn', { login: 'nl', password: PW.nl }));
    expect(await call(nl, 'listSignInFailures')).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
  });
});
