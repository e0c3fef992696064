/** Returns saved again by LibreOffice (.xls BIFF8, .ods, .xlsx) read to the same figures as the originals. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import { convertWithLibreOffice, hasLibreOffice } from '../helpers/libreoffice';
import { answerKey, SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

// One return of each layout kind: list, text numbers, summary + commune detail, wide half-year.
const LAYOUTS = { A: '425', B: '414', C: '427', D: '416' };

describe.skipIf(!hasLibreOffice)('files written by LibreOffice', () => {
  const dir = tempDir();
  const key = answerKey();
  const originals = Object.values(LAYOUTS).map((unit) => key.files.find((f) => key.values.some((v) => v.file === f && v.unit === unit))!);
  let core: Core;
  beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); }, 10_000);
  afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it.each(['xls', 'ods', 'xlsx'])('reads .%s saved by LibreOffice to the answer key\'s figures', async (format) => {
    const out = fs.mkdtempSync(path.join(dir, `${format}-`));
    const converted = convertWithLibreOffice(originals.map((f) => path.join(SAMPLES_DIR, f)), format === 'xls' ? 'xls:MS Excel 97' : format, out);
    const results = await core.importFiles({ paths: converted });
    expect(results.map((r) => r.status)).toEqual(Array(originals.length).fill('imported'));
    const figures = (await core.listFigures({ all: true })).filter((f) => f.file?.endsWith(`.${format}`) && converted.some((c) => path.basename(c) === f.file));
    const expected = key.values.filter((v) => originals.includes(v.file));
    const got = new Map(figures.map((f) => [`${path.basename(f.file ?? '', `.${format}`)}|${f.sheet}|${f.cell}`, f]));
    for (const v of expected) {
      const f = got.get(`${path.basename(v.file, '.xlsx')}|${v.sheet}|${v.cell}`);
      expect(f, `${v.file} ${v.sheet}!${v.cell}`).toMatchObject({ unit: v.unit, indicator: v.indicator, measure: v.column, subunit: v.commune });
      expect(f!.value).toBeCloseTo(v.value, 9);
    }
    expect(figures).toHaveLength(expected.length);
  }, 240_000);
});
