/** Debian's Chromium driven by playwright-core (no browser download); skipped where it is absent. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Console errors and page errors (a CSP violation shows up here), collected for the test to assert on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // The resource's address goes with a failed load: the console's own text does not name it.
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.location().url ? `${msg.text()} (${msg.location().url})` : msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Chromium with one page at the size and locale of the screenshots, its errors collected. */
export async function openBrowser(): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  return { browser, page, errors: watchErrors(page) };
}
