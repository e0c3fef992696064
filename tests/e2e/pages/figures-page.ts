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

  /** The marks of flagged cells (each opens its cell's flags). */
  flagMarks(): Locator {
    return this.grid().locator(`${BODY} [data-testid="flag-mark"]`);
  }

  /** Where a mark sits: its row's unit code (the label before " · ") and its column's indicator. */
  async markCell(mark: Locator): Promise<{ unit: string; indicator: string }> {
    return mark.evaluate((m) => {
      const cell = m.closest('.ag-cell')!;
      const row = m.closest('.ag-row')!;
      return { unit: (row.querySelector('[col-id="label"]')?.textContent ?? '').split(' · ')[0]!.trim(), indicator: cell.getAttribute('col-id') ?? '' };
    });
  }

  /** The focused body cell, as markCell names it, and whether it carries the "asked for" outline. */
  async focusedCell(): Promise<{ unit: string; indicator: string; target: boolean } | null> {
    return this.grid().locator(`${BODY} .ag-cell-focus`).evaluateAll((cells) => {
      const cell = cells[0];
      if (!cell) return null;
      const row = cell.closest('.ag-row')!;
      return { unit: (row.querySelector('[col-id="label"]')?.textContent ?? '').split(' · ')[0]!.trim(), indicator: cell.getAttribute('col-id') ?? '', target: cell.classList.contains('cell-target') };
    });
  }

  period(): Promise<string> {
    return this.page.getByTestId('filter-period').inputValue();
  }

  async openProvenance(unitCode: string, indicator: string): Promise<string> {
    await (await this.cell(unitCode, indicator)).click();
    const panel = this.page.getByTestId('provenance');
    await panel.locator('.trail li').first().waitFor();
    return panel.innerText();
  }
}

/** The toolbar over the grid: search, columns shown, copy, download. */
export class FiguresToolbarPage {
  constructor(readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByTestId('figures-search').fill(text);
  }

  async setColumn(code: string, shown: boolean): Promise<void> {
    const chooser = this.page.getByTestId('column-chooser');
    if (!(await chooser.evaluate((d) => (d as unknown as { open: boolean }).open))) await chooser.locator('summary').click();
    await this.page.getByTestId(`column-${code}`).setChecked(shown);
    await chooser.locator('summary').click();
  }

  /** The indicator columns' ids, in the order shown. */
  columnIds(): Promise<string[]> {
    return this.page.getByTestId('figures-grid').locator('.ag-header-row-column .ag-header-cell[col-id]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id') ?? '').filter((id) => id !== 'label' && !id.startsWith('ag-Grid')));
  }

  /** The unit labels of the body rows, top to bottom. */
  rowLabels(): Promise<string[]> {
    return this.page.getByTestId('figures-grid').locator('.ag-grid-scrolling-container .ag-row')
      .evaluateAll((rows) => rows
        .map((r) => ({ index: Number(r.getAttribute('row-index')), text: r.querySelector('[col-id="label"]')?.textContent?.trim() ?? '' }))
        .sort((a, b) => a.index - b.index).map((r) => r.text));
  }

  async selectRow(label: string): Promise<void> {
    const row = this.page.getByTestId('figures-grid').locator('.ag-row').filter({ has: this.page.locator('.ag-cell[col-id="label"]', { hasText: label }) }).first();
    await row.locator('.ag-selection-checkbox input, input.ag-checkbox-input').first().check();
  }
}
