/** The frame around every screen: navigation, user name, language. */
import type { Page } from 'playwright-core';

export type ScreenName = 'import' | 'entry' | 'mapping' | 'figures' | 'flags' | 'status' | 'trend' | 'export' | 'audit' | 'catalog' | 'history' | 'backup' | 'settings' | 'accounts';

export class AppShell {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('screen-import').waitFor();
  }

  async go(screen: ScreenName): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await this.page.getByTestId(`screen-${screen}`).waitFor();
  }

  async setUser(name: string): Promise<void> {
    await this.page.getByTestId('user-name').fill(name);
  }

  async setLanguage(lang: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId('language').selectOption(lang);
  }

  title(): Promise<string> {
    return this.page.locator('.screen-title').innerText();
  }

  navTexts(): Promise<string[]> {
    return this.page.locator('.nav-item').allInnerTexts();
  }
}
