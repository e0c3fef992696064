/** Nhập báo cáo. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Types a path on this machine (and the day the files arrived, as "04/07/2023") and starts importing. */
  async startPath(p: string, receivedAt?: string): Promise<void> {
    const progress = this.page.getByTestId('import-progress');
    // The last batch's panel may still be there: wait for the new job's.
    const before = (await progress.count()) > 0 ? await progress.getAttribute('data-job') : null;
    await this.page.getByTestId('import-path').fill(p);
    if (receivedAt) await this.page.getByTestId('import-received').fill(receivedAt);
    await this.page.getByTestId('import-submit').click();
    await this.page.locator(before ? `[data-testid=import-progress]:not([data-job="${before}"])` : '[data-testid=import-progress]').waitFor();
  }

  /** Types a path on this machine and imports it; waits for the batch's summary. */
  async importPath(p: string, receivedAt?: string): Promise<void> {
    await this.startPath(p, receivedAt);
    await this.waitForSummary();
  }

  async waitForSummary(): Promise<void> {
    await this.page.getByTestId('import-summary').waitFor({ timeout: 180_000 });
  }

  /** Types the day the files arrived; the refusal shown where it is no day, else null. */
  async typeReceived(text: string): Promise<string | null> {
    await this.page.getByTestId('import-received').fill(text);
    const error = this.page.getByTestId('import-received-error');
    return (await error.count()) > 0 ? error.innerText() : null;
  }

  submitEnabled(): Promise<boolean> {
    return this.page.getByTestId('import-submit').isEnabled();
  }

  /** "Dừng": asks the running job to stop before its next file. */
  async cancel(): Promise<void> {
    await this.page.getByTestId('import-cancel').click();
  }

  /** The overall bar's value, 0–100. */
  async progressValue(): Promise<number> {
    return Number(await this.page.getByTestId('import-progress-bar').getAttribute('aria-valuenow'));
  }

  progressText(): Promise<string> {
    return this.page.getByTestId('import-progress-text').innerText();
  }

  /** The notice that says the batch was stopped part-way. */
  stoppedNotice(): Promise<string> {
    return this.page.getByTestId('import-progress').locator('.notice-warning').innerText();
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

  /** Files passed over as no spreadsheet at all (a cover letter, a scan). */
  skippedMessages(): Promise<string[]> {
    return this.page.locator('[data-testid=import-results] tr.status-skipped td.message').allInnerTexts();
  }

  skippedFiles(): Promise<string[]> {
    return this.page.locator('[data-testid=import-results] tr.status-skipped td.file-name').allInnerTexts();
  }

  /** "Cảnh báo mới: N — xem": the link to the flags the batch raised (or its "none" note). */
  flagsLink() {
    return this.page.getByTestId('summary-flags');
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
