/**
 * "Dừng" right after an import of the sample folder starts, on a store of its own: the screen says
 * how far it got, what it shows matches what the store holds, and no file is in by halves. Then
 * the same folder again finishes the batch, the files already in skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from './helpers/server';
import type { Method } from '../../shared/api';
import { SAMPLES } from './helpers/answer-key';
import { hasChromium, screenshot } from './helpers/browser';
import { useOpenApp } from './helpers/open-app';
import { ImportPage } from './pages/import-page';

/** Counts in the summary line: "Đã nhập: 3 tệp", "Bị từ chối: 0"... */
const count = (summary: string, label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(summary)![1]!.replace(/\./g, ''));

describe.skipIf(!hasChromium)('stopping an import', () => {
  const app = useOpenApp();

  /** The store's own answer, asked over the same HTTP contract the page uses. */
  const ask = <M extends Method>(method: M, args: object = {}) => callApi(app.server, method, args);

  it('stops before the next file and shows exactly what the store holds', async () => {
    const screen = new ImportPage(app.page);
    await app.page.getByTestId('import-path').fill(SAMPLES);
    // The day is typed as offices write it; one that is not on the calendar stops the import.
    expect(await screen.typeReceived('31/02/2023')).toContain('Ngày nhận không hợp lệ');
    expect(await screen.submitEnabled()).toBe(false);
    await screen.startPath(SAMPLES, '04/07/2023');
    await screen.cancel();
    await screen.waitForSummary();
    const summary = await screen.summary();
    const files = await ask('listFiles');
    expect(count(summary, 'Đã nhập')).toBe(files.filter((f) => f.outcome === 'imported').length);
    expect(count(summary, 'Bị từ chối')).toBe(files.filter((f) => f.outcome === 'rejected').length);
    expect(await screen.rowCount()).toBe(files.length);
    expect(files.length).toBeLessThan(107);
    const done = files.length;
    expect(await screen.progressText()).toBe(`Đã xử lý ${done}/107 tệp (${Math.floor((done / 107) * 100)}%)`);
    expect(await screen.stoppedNotice()).toContain(`Đã dừng theo yêu cầu: ${done}/107 tệp đã xử lý, ${107 - done} tệp chưa nhập`);
    // The day the files arrived, as typed, for each of them.
    expect(new Set(files.map((f) => f.receivedAt))).toEqual(new Set(files.length ? ['2023-07-04'] : []));
    // Every file in the store whole: as many figures as the answer key wrote into it.
    const key = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'answer-key.json'), 'utf8')) as { values: { file: string }[] };
    const figures = await ask('listFigures', { all: true });
    for (const f of files.filter((x) => x.outcome === 'imported')) {
      expect(figures.filter((g) => g.file === f.name).length, f.name).toBe(key.values.filter((v) => v.file === f.name).length);
    }
    expect(figures.every((g) => files.some((f) => f.name === g.file))).toBe(true);
    await screenshot(app.page, '11-nhap-bao-cao-da-dung');
  }, 120_000);

  it('finishes the batch when the folder is imported again', async () => {
    const screen = new ImportPage(app.page);
    const before = (await ask('listFiles')).length;
    await screen.importPath(SAMPLES);
    expect(await screen.progressValue()).toBe(100);
    const summary = await screen.summary();
    expect(count(summary, 'Đã có từ trước')).toBe((await ask('listFiles')).filter((f) => f.outcome === 'imported').length - count(summary, 'Đã nhập'));
    // A file passed over as no spreadsheet (the answer key) is on the batch's record, not among the returns.
    expect((await ask('listFiles')).length).toBe(before + 107 - count(summary, 'Đã có từ trước') - count(summary, 'Bỏ qua \\(không phải bảng tính\\)'));
    expect((await ask('listFiles')).filter((f) => f.outcome === 'imported')).toHaveLength(106);
    expect(app.errors).toEqual([]);
  }, 200_000);
});
