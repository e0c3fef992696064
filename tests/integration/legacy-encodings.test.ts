/** TCVN3 and VNI returns, made here from a Unicode sample with the encoding tables, read to the same figures. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { LegacyEncoding } from '../../main/core/text/legacy-encoding';
import { encodeLegacy } from '../../main/core/text/legacy-encoding';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let core: Core;
beforeAll(async () => { core = createApi({ dbPath: await storeTarget(dir) }); });
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** Every text cell re-typed in the legacy encoding; the title block in the all-caps font where the encoding has one. */
async function legacyTwin(source: string, encoding: LegacyEncoding, fonts: boolean, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((cell) => {
    // A merged cell's slaves show the master's value: encode the master once.
    if (typeof cell.value !== 'string' || cell.master.address !== cell.address) return;
    const caps = r <= 6 && cell.value === cell.value.toUpperCase();
    cell.value = encodeLegacy(cell.value, encoding);
    const name = !fonts ? 'Arial' : encoding === 'vni' ? 'VNI-Times' : caps ? '.VnTimeH' : '.VnTime';
    cell.font = { ...cell.font, name };
  })));
  const file = path.join(dir, out);
  await wb.xlsx.writeFile(file);
  return file;
}

const strip = (f: { unit: string; period: string; indicator: string; measure: string; value: number; sheet: string; cell: string; subunit: string | null }) =>
  ({ unit: f.unit, period: f.period, indicator: f.indicator, measure: f.measure, value: f.value, sheet: f.sheet, cell: f.cell, subunit: f.subunit });

const originals = new Map<string, { unit?: string | null; periods?: string[]; figures: number }>();
beforeAll(async () => {
  for (const r of await core.importFiles({ paths: ['BC_T01_2023_412.xlsx', 'H. Đô Lương - BC thang 1-2023.xlsx'].map((n) => path.join(SAMPLES_DIR, n)) })) originals.set(r.file, r);
});

describe.each([
  ['tcvn3', true], ['vni', true], ['tcvn3', false], ['vni', false],
] as [LegacyEncoding, boolean][])('a %s return (fonts named: %s)', (encoding, fonts) => {
  it.each(['BC_T01_2023_412.xlsx', 'H. Đô Lương - BC thang 1-2023.xlsx'])('reads %s to the same figures as its Unicode twin', async (name) => {
    const source = path.join(SAMPLES_DIR, name);
    const twin = await legacyTwin(source, encoding, fonts, `${encoding}-${fonts ? 'font' : 'shape'}-${name}`);
    const [b] = await core.importFiles({ paths: [twin] });
    const a = originals.get(name)!;
    expect(b, b?.error?.message).toMatchObject({ status: 'imported', unmapped: 0, unit: a.unit, periods: a.periods, figures: a.figures });
    const figs = await core.listFigures({ all: true });
    const of = (file: string) => figs.filter((f) => f.file === file).map(strip);
    expect(of(path.basename(twin))).toEqual(of(name));
  });
});
