/** Danh mục chỉ tiêu: an indicator added from the screen is listed, on the audit log, and matched at the next import (issue 14). */
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import type { Method } from '../../shared/api';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';

describe.skipIf(!hasChromium)('the catalog screen', () => {
  const app = useOpenApp();

  const ask = <M extends Method>(method: M, args: object = {}) => callApi(app.server, method, args);

  it('adds an indicator in a new group, gives it another name, and puts both on the audit log', async () => {
    const page = app.page;
    await page.getByTestId('user-name').fill('Phạm Thị D');
    await page.getByTestId('nav-catalog').click();
    const form = page.getByTestId('catalog-add');
    await form.waitFor();
    const inputs = form.locator('input');
    await inputs.nth(0).fill('TNGT_VU');
    await inputs.nth(1).fill('Số vụ tai nạn giao thông');
    await inputs.nth(2).fill('vụ');
    await inputs.nth(3).fill('VII');
    await form.locator('input').nth(4).fill('TAI NẠN GIAO THÔNG');
    await form.getByRole('button').click();
    const row = page.getByTestId('catalog-TNGT_VU');
    await row.waitFor();
    await row.locator('input').fill('Tai nạn giao thông (vụ)');
    await row.getByRole('button').first().click();
    await page.locator('.notice-success').filter({ hasText: 'Tai nạn giao thông (vụ)' }).waitFor();
    await screenshot(page, '13-danh-muc-chi-tieu');
    expect((await ask('listIndicators')).find((i) => i.code === 'TNGT_VU')).toMatchObject({ group: 'VII', groupName: 'TAI NẠN GIAO THÔNG', unit: 'vụ' });
    expect((await ask('listAudit')).filter((a) => a.action.startsWith('catalog-')).map((a) => [a.action, a.user])).toEqual([
      ['catalog-add-group', 'Phạm Thị D'], ['catalog-add-indicator', 'Phạm Thị D'], ['catalog-alias', 'Phạm Thị D'],
    ]);
  }, 120_000);
});
