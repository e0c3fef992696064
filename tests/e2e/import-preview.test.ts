/**
 * "Xem trước" on the import screen: a dry run that shows every figure cell the import would read,
 * with each column's role and each row's indicator, stores nothing, and imports on confirmation (issue 14).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import type { Method } from '../../shared/api';
import { SAMPLES } from './helpers/answer-key';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';

describe.skipIf(!hasChromium)('previewing an import', () => {
  const app = useOpenApp();

  const ask = <M extends Method>(method: M, args: object = {}) => callApi(app.server, method, args);

  it('shows each figure cell with its column\'s role and row\'s indicator, stores nothing, then imports on confirmation', async () => {
    const name = 'BC_T01_2023_412.xlsx';
    const key = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'answer-key.json'), 'utf8')) as { values: { file: string }[] };
    const expected = key.values.filter((v) => v.file === name).length;
    await app.page.getByTestId('import-path').fill(path.join(SAMPLES, name));
    await app.page.getByTestId('import-preview').click();
    const panel = app.page.getByTestId('import-preview-panel');
    await panel.waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(expected);
    const text = await panel.innerText();
    expect(text).toContain('lũy kế');
    expect(text).toContain('DD_KICHHOAT');
    expect(await ask('listFiles')).toEqual([]);
    await screenshot(app.page, '12-nhap-bao-cao-xem-truoc');
    await app.page.getByTestId('import-preview-confirm').click();
    await app.page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    expect((await ask('listFiles')).map((f) => [f.name, f.outcome])).toEqual([[name, 'imported']]);
    expect(await ask('listFigures', { all: true })).toHaveLength(expected);
  }, 120_000);
});
