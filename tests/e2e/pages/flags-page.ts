/** Cần kiểm tra: the queue (infinite row model), a flag's detail, the decision form. */
import type { Locator, Page } from 'playwright-core';

export class FlagsPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('flags-grid').locator('.ag-grid-scrolling-container .ag-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows().first().waitFor();
  }

  detail(): Locator {
    return this.page.getByTestId('flag-detail');
  }

  async open(index: number): Promise<void> {
    await this.rows().nth(index).locator('.ag-cell[col-id="rule"]').click();
    await this.detail().waitFor();
  }

  message(): Promise<string> {
    return this.page.getByTestId('flag-message').innerText();
  }

  sources(): Promise<string[]> {
    return this.page.getByTestId('flag-source').allInnerTexts();
  }

  highlightedCell(): Locator {
    return this.page.getByTestId('source-preview').locator('td.target');
  }

  /** The row number beside the highlighted cell, and the column letter above it. */
  async highlightedRowNumber(): Promise<string> {
    return this.highlightedCell().locator('xpath=../th').innerText();
  }

  async highlightedColumnLetter(): Promise<string> {
    // Its place in the row (the row number's th counts, as the corner th does in the header).
    const index = await this.highlightedCell().locator('xpath=preceding-sibling::*').count();
    return this.page.getByTestId('source-preview').locator('thead th').nth(index).innerText();
  }

  count(): Promise<string> {
    return this.page.getByTestId('flag-count').innerText();
  }

  /** The header's total ("1.234 cảnh báo") as a number, once countFlags has answered. */
  async total(): Promise<number> {
    const text = await this.page.getByTestId('flag-total').innerText();
    return Number(text.match(/^([\d.]+) cảnh báo/)![1]!.replace(/\./g, ''));
  }

  bySeverity(): Promise<string> {
    return this.page.getByTestId('flag-by-severity').innerText();
  }

  async filterSeverity(severity: '' | 'error' | 'warning' | 'info'): Promise<void> {
    await this.page.getByTestId('flag-severity').selectOption(severity);
  }

  async filterRule(rule: string): Promise<void> {
    await this.page.getByTestId('flag-rule').selectOption(rule);
  }

  /** The severity badges of the rows the grid holds. */
  severityTexts(): Promise<string[]> {
    return this.rows().locator('.ag-cell[col-id="severity"]').allInnerTexts();
  }

  /** C, the new value, a reason, and record. */
  async correct(value: string, reason: string): Promise<void> {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.press('c');
    await this.page.getByTestId('resolve-value').fill(value);
    await this.page.getByTestId('resolve-reason').fill(reason);
    await this.page.getByTestId('resolve-submit').click();
    // An earlier decision's notice may still be there: wait for this one's.
    await this.page.locator('.notice-success', { hasText: 'Sửa số liệu' }).waitFor();
  }

  /** Presses a key with the focus on the page, not in a field. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async resolve(reason: string): Promise<void> {
    await this.page.getByTestId('resolve-reason').fill(reason);
    await this.page.getByTestId('resolve-submit').click();
    await this.page.locator('.notice-success').waitFor();
  }
}
