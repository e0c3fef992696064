/**
 * A new store opens on the first-run set-up: the office chooses its province and heading, then the
 * app opens; later the settings screen changes them, and every change is on the audit log.
 * Screenshots at 1366×768, the size of an office laptop.
 */
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';

describe.skipIf(!hasChromium)('the office set-up', () => {
  const app = useOpenApp({ firstRun: true });

  it('asks a new office for its province and heading before anything else, and keeps every change on the audit log', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByTestId('nav-import').count()).toBe(0);
    await page.getByTestId('user-name').fill('Trần Thị Thư');
    await page.getByTestId('setup-province').selectOption('42');
    await page.getByTestId('setup-office').fill('Phòng Tham mưu');
    await page.getByTestId('setup-signer').fill('Nguyễn Văn Ký');
    await page.getByTestId('setup-preparer').fill('Lê Thị Lập');
    await screenshot(page, 'setup-01-first-run');
    await page.getByTestId('setup-save').click();
    await page.getByTestId('screen-import').waitFor();

    const state = await callApi(app.server, 'getSetup');
    expect(state.setup).toMatchObject({ province: '42', provinceName: 'Tỉnh Hà Tĩnh', agency: 'CÔNG AN TỈNH HÀ TĨNH', office: 'Phòng Tham mưu', place: 'Hà Tĩnh', signer: 'Nguyễn Văn Ký', preparer: 'Lê Thị Lập' });

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('screen-settings').waitFor();
    await page.getByTestId('setup-preview').waitFor();
    expect(await page.getByTestId('setup-preview').innerText()).toMatch(/CÔNG AN TỈNH HÀ TĨNH[\s\S]*PHÒNG THAM MƯU[\s\S]*Hà Tĩnh, ngày/);
    expect(await page.getByTestId('setup-preview-preparer').innerText()).toMatch(/NGƯỜI LẬP BIỂU\s+Lê Thị Lập/);
    await page.getByTestId('setup-signerTitle').fill('Phó Trưởng phòng');
    await page.getByTestId('setup-signerAuthority').fill('KT. TRƯỞNG PHÒNG');
    await page.getByTestId('setup-save').click();
    await page.getByText('Đã lưu thiết lập của Tỉnh Hà Tĩnh.').waitFor();
    await screenshot(page, 'setup-02-settings');

    const audit = (await callApi(app.server, 'listAudit')).filter((a) => a.action === 'setup');
    expect(audit.filter((a) => a.reason === 'thiết lập lần đầu').map((a) => a.target)).toContain('province');
    expect(audit.slice(-2)).toMatchObject([
      { user: 'Trần Thị Thư', target: 'signerAuthority', oldValue: '"TL. GIÁM ĐỐC"', newValue: '"KT. TRƯỞNG PHÒNG"' },
      { user: 'Trần Thị Thư', target: 'signerTitle', oldValue: '"TRƯỞNG PHÒNG"', newValue: '"Phó Trưởng phòng"' },
    ]);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
