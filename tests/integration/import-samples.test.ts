import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget } from '../helpers/store-target';
import type { FigureRow, ImportFileResult } from '../../shared/types';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { answerKey, sampleFiles, tempDir } from '../helpers/samples';

describe('importing the 106 sample returns', () => {
  const dir = tempDir();
  let core: Core;
  let results: ImportFileResult[];
  let figures: FigureRow[];
  const key = answerKey();

  beforeAll(async () => {
    core = createApi({ dbPath: await storeTarget(dir) });
    results = await core.importFiles({ paths: sampleFiles() });
    figures = await core.listFigures({ all: true });
  });
  afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('imports every file', () => {
    expect(results).toHaveLength(106);
    expect(results.filter((r) => r.status !== 'imported').map((r) => `${r.file}: ${r.error?.message}`)).toEqual([]);
  });

  it('reads every figure of the answer key with its unit, period, indicator, measure, value and cell', () => {
    const byCell = new Map(figures.map((f) => [`${f.file}|${f.sheet}|${f.cell}`, f]));
    const wrong: string[] = [];
    for (const v of key.values) {
      const f = byCell.get(`${v.file}|${v.sheet}|${v.cell}`);
      const expected = { unit: v.unit, subunit: v.commune, period: `${v.year}-${String(v.month).padStart(2, '0')}`, indicator: v.indicator, measure: v.column };
      if (!f) { wrong.push(`missing ${v.file} ${v.sheet}!${v.cell} ${v.indicator}`); continue; }
      const got = { unit: f.unit, subunit: f.subunit, period: f.period, indicator: f.indicator, measure: f.measure };
      if (JSON.stringify(got) !== JSON.stringify(expected) || Math.abs(f.value - v.value) > 1e-9) {
        wrong.push(`${v.file} ${v.sheet}!${v.cell}: got ${JSON.stringify({ ...got, value: f.value })}, want ${JSON.stringify({ ...expected, value: v.value })}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(wrong).toHaveLength(0);
  });

  it('stores no figure the answer key does not have (none under a wrong indicator)', () => {
    const keyed = new Set(key.values.map((v) => `${v.file}|${v.sheet}|${v.cell}`));
    expect(figures.filter((f) => !keyed.has(`${f.file}|${f.sheet}|${f.cell}`))).toEqual([]);
    expect(figures).toHaveLength(key.values.length);
  });

  it('keeps the text as typed beside the value', () => {
    const typed = figures.find((f) => f.file === 'TX Thái Hòa T02.2023.xlsx' && f.cell === 'D14');
    expect(typed).toMatchObject({ raw: '1.005', value: 1005 });
    const dash = figures.find((f) => f.file === 'TX Thái Hòa T02.2023.xlsx' && f.cell === 'E41');
    expect(dash).toMatchObject({ raw: '-', value: 0 });
  });

  it('lets the corrected resubmission supersede the original', async () => {
    const current = await core.listFigures({ unit: '422', period: '2023-03' });
    expect(new Set(current.map((f) => f.file))).toEqual(new Set(['BC_T03_2023_422 (sua lai).xlsx']));
    expect(figures.filter((f) => f.file === 'BC_T03_2023_422.xlsx').length).toBeGreaterThan(0);
  });

  it('adds nothing when the same files are imported again, and says so', async () => {
    const again = await core.importFiles({ paths: sampleFiles().slice(0, 5) });
    expect(again.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(again[0]!.warnings?.[0]).toMatch(/giống hệt tệp/);
    expect(await core.listFigures({ all: true })).toHaveLength(figures.length);
  });
});
