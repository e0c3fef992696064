/**
 * The app in browser mode with Chromium on it, for one describe block: started before its tests
 * (on a store of its own), stopped after them. Its fields are set once the tests run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApi } from '../../../main/core/api/create-api';
import { AppShell } from '../pages/app-shell';
import { openBrowser } from './browser';
import type { BrowserMode, BrowserModeOptions } from './server';
import { callApi, startBrowserMode } from './server';

export interface OpenApp { server: BrowserMode; browser: Browser; page: Page; errors: string[]; shell: AppShell }

/** `firstRun`: leave the store without a set-up (the first-run screen); others start as Nghệ An's office. */
export function useOpenApp(opts: BrowserModeOptions & { firstRun?: boolean } = {}, timeout = 120_000): OpenApp {
  const app = {} as OpenApp;
  beforeAll(async () => {
    app.server = await startBrowserMode(opts);
    // The set-up through the HTTP API, as the first-run screen would save it.
    if (!opts.firstRun) await callApi(app.server, 'saveSetup', { province: '40', user: 'kiểm thử' });
    Object.assign(app, await openBrowser());
    app.shell = new AppShell(app.page);
    if (opts.firstRun) await app.page.goto(app.server.openUrl);
    else await app.shell.open(app.server.openUrl);
  }, timeout);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** A `prepare` that imports (and checks) these paths into the store before the app opens it. */
export function importedFirst(paths: string[], user?: string): NonNullable<BrowserModeOptions['prepare']> {
  return async (_dataDir, store) => {
    const core = createApi({ dbPath: store });
    await core.importFiles({ paths, ...(user ? { user } : {}) });
    await core.close();
  };
}
