/** Số liệu: the AG Grid of units × indicators and the provenance panel. */
import type { Locator, Page } from 'playwright-core';

const BODY = '.ag-grid-scrolling-container';
const TOTAL = '.ag-grid-pinned-bottom-rows-container';

export class FiguresPage {
  constructor(readonly page: Page) {}

  grid(): Locator {
    return this.page.getByTestId('figures-grid');
  }

  /** Body rows (AG Grid 36 keeps a row's pinned and scrolling cells in one row element). */
  rows(): Locator {
    return this.grid().locator(`${BODY} .ag-row`);
  }

  async waitForRows(): Promise<void> {
    await this.rows().first().waitFor();
  }

  async selectPeriod(period: string): Promise<void> {
    await this.page.getByTestId('filter-period').selectOption(period);
    await this.waitForRows();
  }

  /** One indicator (its code), a group ("group:III"), or all (""). */
  async selectIndicator(choice: string): Promise<void> {
    await this.page.getByTestId('filter-indicator').selectOption(choice);
  }

  /** The unit's row is the one whose label starts with its code. */
  async cell(unitCode: string, indicator: string): Promise<Locator> {
    const row = this.rows().filter({ has: this.page.locator('.ag-cell[col-id="label"]', { hasText: `${unitCode} · ` }) }).first();
    return row.locator(`.ag-cell[col-id="${indicator}"]`);
  }

  /** Every number shown in the grid's body. */
  cellTexts(): Promise<string[]> {
    return this.grid().locator(`${BODY} .ag-cell:not([col-id="label"])`).allInnerTexts();
  }

  /** The indicator groups' headings over the columns. */
  groupHeadings(): Promise<string[]> {
    return this.grid().locator('.ag-header-group-text').allInnerTexts();
  }

  totalTexts(): Promise<string[]> {
    return this.grid().locator(`${TOTAL} .ag-cell:not([col-id="label"])`).allInnerTexts();
  }

  async openProvenance(unitCode: string, indicator: string): Promise<string> {
    await (await this.cell(unitCode, indicator)).click();
    const panel = this.page.getByTestId('provenance');
    await panel.locator('.trail li').first().waitFor();
    return panel.innerText();
  }
}
