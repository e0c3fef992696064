/** The smaller screens: audit log, submissions, trend, export, label matching. */
import type { Locator, Page } from 'playwright-core';

export class AuditPage {
  constructor(readonly page: Page) {}

  /**
   * Every row's text, top to bottom: the grid draws only the rows in view, so it is scrolled
   * through and each row is read once (by its row index) as it comes into view.
   */
  async rowTexts(): Promise<string[]> {
    const rows = this.page.getByTestId('audit-grid').locator('.ag-grid-scrolling-container .ag-row');
    await rows.first().waitFor();
    const seen = new Map<number, string>();
    const viewport = this.page.getByTestId('audit-grid').locator('.ag-grid-viewport').first();
    for (let i = 0; i < 200; i++) {
      const batch = await rows.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('row-index')), (e as unknown as { innerText: string }).innerText] as const));
      for (const [index, text] of batch) seen.set(index, text);
      const done = await viewport.evaluate((v) => { const end = v.scrollTop + v.clientHeight >= v.scrollHeight - 2; v.scrollTop += v.clientHeight; return end; });
      if (done) break;
      await this.page.waitForTimeout(50);
    }
    await viewport.evaluate((v) => { v.scrollTop = 0; });
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }

  /**
   * Wrapped rows are measured after they are drawn, then slide to their places (AG Grid animates
   * rows): wait until every row is as tall as its text and rows have stopped moving (two reads
   * 100 ms apart agree).
   */
  async waitForRowHeights(): Promise<void> {
    const read = `[...document.querySelectorAll('[data-testid=audit-grid] .ag-row')].map((row) => {
      const cells = [...row.querySelectorAll('.ag-cell-auto-height')].map((c) => c.scrollHeight);
      const box = row.getBoundingClientRect();
      return cells.every((h) => h <= row.clientHeight + 1) ? box.top + ':' + box.height : 'short';
    }).join('|')`;
    let last = '';
    for (let i = 0; i < 50; i++) {
      const now = await this.page.evaluate<string>(read);
      if (now === last && !now.includes('short')) return;
      last = now;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`audit rows never settled: ${last}`);
  }
}

export class StatusPage {
  constructor(readonly page: Page) {}

  table(): Locator {
    return this.page.getByTestId('status-table');
  }

  async rowOf(unitCode: string): Promise<string> {
    await this.table().waitFor();
    return this.table().locator('tbody tr').filter({ hasText: `${unitCode} · ` }).first().innerText();
  }
}

export class TrendPage {
  constructor(readonly page: Page) {}

  async show(indicator: string, unit = ''): Promise<string> {
    await this.page.getByTestId('trend-indicator').selectOption(indicator);
    await this.page.getByTestId('trend-unit').selectOption(unit);
    await this.page.getByTestId('trend-chart').locator('canvas').waitFor();
    return this.page.getByTestId('trend-table').innerText();
  }
}

export class ExportPage {
  constructor(readonly page: Page) {}

  /** With "refuse while flags are open" on: the refusal's message. */
  async refused(period: string): Promise<string> {
    await this.page.getByTestId('export-period').selectOption(period);
    await this.page.getByTestId('export-strict').check();
    await this.page.getByTestId('export-submit').click();
    const notice = this.page.locator('.notice-error');
    await notice.waitFor({ timeout: 120_000 });
    return notice.innerText();
  }

  /** With it off: the downloaded workbook. */
  async download(period: string): Promise<{ name: string; bytes: Buffer }> {
    await this.page.getByTestId('export-period').selectOption(period);
    await this.page.getByTestId('export-strict').uncheck();
    const [file] = await Promise.all([this.page.waitForEvent('download', { timeout: 120_000 }), this.page.getByTestId('export-submit').click()]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}

export class MappingPage {
  constructor(readonly page: Page) {}

  async text(): Promise<string> {
    // The list's answer, not any notice: the warning to type a name shows before it.
    await this.page.locator('[data-testid=mapping-empty], [data-testid=unmapped-item], .notice-error').first().waitFor();
    return this.page.locator('.screen').innerText();
  }

  async item(label: string): Promise<Locator> {
    const item = this.page.getByTestId('unmapped-item').filter({ hasText: label });
    await item.waitFor();
    return item;
  }

  /** Confirms the item's chosen indicator; returns the success message. */
  async confirm(item: Locator): Promise<string> {
    await item.getByRole('button', { name: 'Xác nhận' }).click();
    const done = this.page.locator('.notice-success');
    await done.waitFor();
    return done.innerText();
  }
}
