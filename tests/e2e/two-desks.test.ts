/**
 * Two desks on one PostgreSQL store (issue 19), on the PostgreSQL run: two app instances (browser
 * mode, each its own process) share the store; a reviewer at the second desk resolves a flag and
 * the first desk's Cần kiểm tra screen counts one open flag fewer without anyone reloading it.
 * Screenshot at 1366x768 in test-artifacts/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { sampleFiles, tempDir } from '../helpers/samples';
import { onPostgres, storeTarget } from '../helpers/store-target';
import { hasChromium, openBrowser, screenshot } from './helpers/browser';
import type { BrowserMode } from './helpers/server';
import { callApi, startBrowserMode } from './helpers/server';
import { AppShell } from './pages/app-shell';
import { FlagsPage } from './pages/flags-page';

describe.skipIf(!onPostgres || !hasChromium)('two desks on one shared store', () => {
  let desk1: BrowserMode;
  let desk2: BrowserMode;
  let ui: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    const store = await storeTarget(tempDir());
    const clerk = createApi({ dbPath: store });
    await clerk.saveSetup({ province: '40', user: 'kiểm thử' });
    await clerk.importFiles({ paths: sampleFiles(), user: 'Nguyễn Văn A' });
    await clerk.close();
    [desk1, desk2] = await Promise.all([startBrowserMode({ store }), startBrowserMode({ store })]);
    ui = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await ui?.browser.close();
    await desk1?.stop();
    await desk2?.stop();
  });

  it('shows on the first desk, unreloaded, a flag the second desk resolved', async () => {
    await ui.page.setViewportSize({ width: 1366, height: 768 });
    const shell = new AppShell(ui.page);
    await shell.open(desk1.openUrl);
    await shell.go('flags');
    const flags = new FlagsPage(ui.page);
    await flags.waitForRows();
    const before = await flags.total();
    const open = await callApi(desk2, 'listFlags', { status: 'open', limit: 1 });
    await callApi(desk2, 'resolveFlag', { flagId: open[0]!.id, action: 'accept', reason: 'Đã xác minh ở bàn thứ hai', user: 'Lê Thị B' });
    // The screen asks for the store's change stamp every 3 s: within two rounds, the count is the new one.
    await expect.poll(() => flags.total(), { timeout: 10_000, interval: 250 }).toBe(before - 1);
    await screenshot(ui.page, '40-hai-ban-cung-kho');
    expect(ui.errors).toEqual([]);
  });
});
