/**
 * The source excerpt shows the table's header over the figure's column (issue 17): a figure far
 * below its header (a commune detail sheet, a long summary) comes with the header rows, so the
 * reviewer tells "Trong kỳ" from "Lũy kế"; the period's and the year-to-date's figures of one row
 * are under different headings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { parseA1 } from '../../shared/cell-address';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir('tonghop-preview-');
let core: Core | undefined;
afterAll(async () => { await core?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const header = (p: { header?: { rows: string[][] } | null }, col: number) => (p.header?.rows ?? []).map((r) => r[col] ?? '').join(' ').trim();

describe('the source excerpt', () => {
  it('brings the header rows over a figure far below them, worded for its column', async () => {
    core = createApi({ dbPath: await storeTarget(dir, 's.db') });
    const name = 'H. Quỳ Hợp T06.2023.xlsx';
    await core.importFiles({ paths: [path.join(SAMPLES_DIR, name)] });
    const figures = (await core.listFigures({})).filter((f) => f.file === name);
    // The last figure of each sheet, and its row's other measure (period / year-to-date).
    const sheets = [...new Set(figures.map((f) => f.sheet))];
    let checked = 0;
    let withBoth = 0;
    for (const sheet of sheets) {
      const last = figures.filter((f) => f.sheet === sheet).sort((a, b) => parseA1(a.cell)!.row - parseA1(b.cell)!.row).at(-1)!;
      const twin = figures.find((f) => f.sheet === sheet && f.indicator === last.indicator && f.subunit === last.subunit && f.period === last.period && f.measure !== last.measure);
      const p = await core.previewCell({ file: name, sheet, cell: last.cell, radius: 3 });
      if (parseA1(last.cell)!.row - 3 <= 1) continue; // the header is in the window itself
      expect(p.header, `${sheet}!${last.cell}`).toBeTruthy();
      // The header's rows come before the window's, in the same columns.
      expect(parseA1(p.header!.origin)!.row).toBeLessThan(parseA1(p.origin)!.row);
      expect(p.header!.rows.every((r) => r.length === p.rows[0]!.length)).toBe(true);
      const words = header(p, p.target.col);
      // A commune sheet's header names the indicator over its column; a sheet with both measures of a row, the measure.
      expect(words, `${sheet}!${last.cell}`).toMatch(/\p{L}/u);
      if (twin) {
        expect(words, `${sheet}!${last.cell}`).toMatch(last.measure === 'ytd' ? /lũy kế|luỹ kế|từ đầu năm|cộng dồn/i : /trong kỳ|kỳ này|tháng|thực hiện/i);
        const q = await core.previewCell({ file: name, sheet, cell: twin.cell, radius: 3 });
        expect(header(q, q.target.col)).not.toBe(words);
        withBoth++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(withBoth).toBeGreaterThan(0);
  });
});
