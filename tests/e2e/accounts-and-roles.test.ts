/**
 * Issue 19, part 3, in the browser at 1366×768: once the store has accounts the app asks for a
 * sign-in (a wrong password gets one message for any mistake); a reviewer sees the screens of their
 * role, without the import, typed entry, mapping and accounts screens, and the set-up's save is
 * disabled with a tooltip naming the role it needs; the administrator sees the accounts screen and
 * makes an account there; the header names the person signed in, with a sign-out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postApi } from './helpers/server';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';

const SHOTS = process.env.TONGHOP_ROLE_SHOTS;

describe.skipIf(!hasChromium)('people and roles', () => {
  const app = useOpenApp();

  it('signs in, shows each role its screens, hides and disables what the role may not do', async () => {
    const { page, server } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const shot = async (name: string) => {
      const file = await screenshot(page, name);
      if (SHOTS) { fs.mkdirSync(SHOTS, { recursive: true }); fs.copyFileSync(file, path.join(SHOTS, `${name}.png`)); }
    };
    // No account yet: the app works as before, and the accounts screen offers the first (quản trị) account.
    await app.shell.go('accounts');
    await page.getByTestId('account-new').waitFor();
    expect(await page.getByTestId('account-new-role-quan-tri').isChecked()).toBe(true);
    await page.getByTestId('user-name').fill('Người cài đặt');
    await page.getByTestId('account-new-login').fill('qt');
    await page.getByTestId('account-new-name').fill('Trần Quản Trị');
    await page.getByTestId('account-new-password').fill('quan-tri-123');
    await page.getByTestId('account-create').click();
    // The first account turns sign-in on.
    await page.getByTestId('screen-signin').waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);
    await page.getByTestId('signin-login').fill('qt');
    await page.getByTestId('signin-password').fill('sai-mat-khau');
    await page.getByTestId('signin-submit').click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
    await shot('roles-01-sign-in');

    await page.getByTestId('signin-password').fill('quan-tri-123');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('signed-in-name').waitFor();
    expect(await page.getByTestId('signed-in-name').innerText()).toBe('Trần Quản Trị');
    // quản trị: the accounts screen, and none of the clerk's.
    await page.getByTestId('screen-figures').or(page.getByTestId('screen-accounts')).first().waitFor();
    expect(await page.getByTestId('nav-import').count()).toBe(0);
    await app.shell.go('accounts');
    await page.getByTestId('account-new-login').fill('kt');
    await page.getByTestId('account-new-name').fill('Lê Kiểm Tra');
    await page.getByTestId('account-new-password').fill('kiem-tra-123');
    await page.getByTestId('account-new-role-nhap-lieu').uncheck();
    await page.getByTestId('account-new-role-kiem-tra').check();
    await page.getByTestId('account-create').click();
    await page.getByTestId('account-kt').waitFor();
    await shot('roles-02-accounts');

    const audit = await postApi(server, 'listAudit');
    // Signed-in calls only: this request has no session cookie.
    expect(audit.ok).toBe(false);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('screen-signin').waitFor();
    await page.getByTestId('signin-login').fill('KT');
    await page.getByTestId('signin-password').fill('kiem-tra-123');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('signed-in-name').waitFor();
    // kiểm tra: figures, flags, status... but no import, typed entry, mapping or accounts.
    const nav = await app.shell.navTexts();
    expect(nav).toEqual(expect.arrayContaining(['Số liệu', 'Cần kiểm tra', 'Nhật ký']));
    for (const hidden of ['Nhập báo cáo', 'Nhập tay', 'Đối chiếu nhãn', 'Tài khoản']) expect(nav).not.toContain(hidden);
    // The default (import) screen gives way to the first one the role has.
    await page.getByTestId('screen-figures').waitFor();
    await app.shell.go('settings');
    const save = page.getByTestId('setup-save');
    await save.waitFor();
    expect(await save.isDisabled()).toBe(true);
    expect(await save.getAttribute('title')).toBe('Tài khoản của bạn không có quyền làm việc này: cần quyền “lãnh đạo”');
    await shot('roles-03-reviewer-settings');
    // A refused call typed by hand (#/accounts) does not show the screen either.
    await page.goto(new URL('#/accounts', server.url).href);
    await page.getByTestId('screen-figures').waitFor();
    expect(app.errors).toEqual([]);
  }, 120_000);
});
