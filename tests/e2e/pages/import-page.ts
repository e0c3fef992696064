/** Nhập báo cáo. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Types a path on this machine and imports it; waits for the batch's summary. */
  async importPath(p: string): Promise<void> {
    await this.page.getByTestId('import-path').fill(p);
    await this.page.getByTestId('import-submit').click();
    await this.page.getByTestId('import-summary').waitFor({ timeout: 180_000 });
  }

  summary(): Promise<string> {
    return this.page.getByTestId('import-summary').innerText();
  }

  rowCount(): Promise<number> {
    return this.page.locator('[data-testid=import-results] tbody tr').count();
  }

  rejectedMessages(): Promise<string[]> {
    return this.page.locator('[data-testid=import-results] tr.status-rejected td.message').allInnerTexts();
  }

  /** Names the unit of a file refused for want of one; returns the row's new outcome. */
  async assignUnit(file: string, unitCode: string): Promise<string> {
    const row = this.page.locator('[data-testid=import-results] tbody tr').filter({ hasText: file });
    await row.locator('.assign-unit select').selectOption(unitCode);
    await row.locator('.assign-unit button').click();
    await row.locator('.badge-imported').waitFor();
    return row.locator('.badge').innerText();
  }

  async loadDemo(): Promise<string> {
    await this.page.getByTestId('load-demo').click();
    const notice = this.page.locator('.notice, [data-testid=import-summary]').first();
    await notice.waitFor({ timeout: 180_000 });
    return notice.innerText();
  }
}
