/**
 * The app in browser mode with Chromium on it, for one describe block: started before its tests
 * (on a store of its own), stopped after them. Its fields are set once the tests run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { openBrowser } from './browser';
import type { BrowserMode, BrowserModeOptions } from './server';
import { startBrowserMode } from './server';

export interface OpenApp { server: BrowserMode; browser: Browser; page: Page; errors: string[]; shell: AppShell }

export function useOpenApp(opts: BrowserModeOptions = {}, timeout = 120_000): OpenApp {
  const app = {} as OpenApp;
  beforeAll(async () => {
    app.server = await startBrowserMode(opts);
    Object.assign(app, await openBrowser());
    app.shell = new AppShell(app.page);
    await app.shell.open(app.server.openUrl);
  }, timeout);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
