import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { coreName, loadUnits } from '../../../main/core/registry/load-units';
import { foldCase, stripDiacritics } from '../../../main/core/text/clean-text';
import { checkUnit, flagKey } from '../../../tools/generate/check';
import { type AnswerKey, type GenerateOptions, type Generated, formatKey, generate, generateFigures, writeGenerated } from '../../../tools/generate/generate';
import { RULE_NAMES } from '../../../tools/generate/inject';
import type { Series } from '../../../tools/generate/model';
import { parseViNumber } from '../../../tools/generate/sheet-plan';
import { nationalUnits, ngheAnDistricts } from '../../../tools/generate/units';

const OPTS: GenerateOptions = { units: ngheAnDistricts().slice(0, 4), year: 2023, months: [1, 2, 3], seed: 7, injectRate: 0.5 };
const cat = loadCatalog().catalog;

let dir = '';
let gen: Generated;
const books = new Map<string, XLSX.WorkBook>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-gen-'));
  gen = generate(OPTS);
  await writeGenerated(gen, dir);
  for (const f of gen.key.files) books.set(f, XLSX.read(fs.readFileSync(path.join(dir, f)), { cellFormula: true }));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The unit's figures as the key lists them (the corrected file where there are two), for the reference check. */
function seriesFromKey(key: AnswerKey, unit: string): { series: Series; present: number[] } {
  const series: Series = {};
  const resubmitted = new Set(key.issues.filter((i) => i.rule === 'conflicting_resubmission').map((i) => i.files![0]));
  for (const v of key.values) {
    if (v.unit !== unit || v.commune !== null || resubmitted.has(v.file)) continue;
    const cell = ((series[v.month] ??= {})[v.indicator] ??= { period: 0, ytd: null });
    if (v.column === 'period') cell.period = v.value;
    else cell.ytd = v.value;
  }
  if (key.layouts[unit] === 'D') {
    for (const ind of cat.indicators.filter((i) => i.kind === 'flow')) {
      let sum = 0;
      for (const m of Object.keys(series).map(Number).sort((a, b) => a - b)) {
        const c = series[m]![ind.code];
        if (c) c.ytd = sum = Math.round((sum + c.period) * 1e4) / 1e4;
      }
    }
  }
  return { series, present: Object.keys(series).map(Number) };
}

/** Every relation, value and year-to-date flag the reference check raises on the figures in the key. */
function flagsOf(key: AnswerKey): Set<string> {
  const out = new Set<string>();
  for (const unit of Object.keys(key.units)) {
    const { series, present } = seriesFromKey(key, unit);
    const wide = key.layouts[unit] === 'D';
    for (const f of checkUnit(cat, series, { present, ytdReported: !wide, rates: !wide })) out.add(`${unit}|${flagKey(f)}`);
  }
  return out;
}

const COMPANION: Record<string, string> = { ytd_decrease: 'ytd_mismatch', rate_out_of_range: 'rate_mismatch' };

describe('generated returns', () => {
  it('writes every file of the key, and each opens with SheetJS and exceljs', async () => {
    expect(gen.key.files.length).toBeGreaterThanOrEqual(9);
    expect(fs.readdirSync(dir).sort()).toEqual([...gen.key.files, 'answer-key.json'].sort());
    for (const f of gen.key.files) {
      expect(books.get(f)!.SheetNames.length).toBeGreaterThan(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(path.join(dir, f)) as unknown as ArrayBuffer);
      expect(wb.worksheets.length).toBeGreaterThan(0);
    }
  });

  it('has every figure of the key at its sheet and cell, as a number or Vietnamese text', () => {
    expect(gen.key.values.length).toBeGreaterThan(500);
    for (const v of gen.key.values) {
      const cell = books.get(v.file)!.Sheets[v.sheet]?.[v.cell] as XLSX.CellObject | undefined;
      const where = `${v.file} ${v.sheet}!${v.cell}`;
      expect(cell, where).toBeDefined();
      const got = typeof cell!.v === 'number' ? cell!.v : parseViNumber(String(cell!.v));
      expect(got, where).toBeCloseTo(v.value, 9);
    }
  });

  it('uses all four layouts, text numbers in B and commune names in C', () => {
    expect(new Set(Object.values(gen.key.layouts))).toEqual(new Set(['A', 'B', 'C', 'D']));
    const b = gen.key.values.filter((v) => gen.key.layouts[v.unit] === 'B');
    expect(b.every((v) => typeof books.get(v.file)!.Sheets[v.sheet]![v.cell]!.v === 'string')).toBe(true);
    const c = gen.key.values.filter((v) => v.commune !== null);
    expect(c.length).toBeGreaterThan(50);
    const unitC = Object.keys(gen.key.layouts).find((u) => gen.key.layouts[u] === 'C')!;
    expect(ngheAnDistricts().find((u) => u.code === unitC)!.communes).toContain(c[0]!.commune);
  });

  it('gives formula cells a cached numeric result', () => {
    let formulas = 0;
    for (const wb of books.values()) {
      for (const ws of Object.values(wb.Sheets)) {
        for (const [addr, cell] of Object.entries(ws)) {
          if (addr.startsWith('!') || !(cell as XLSX.CellObject).f) continue;
          formulas++;
          expect(typeof (cell as XLSX.CellObject).v, addr).toBe('number');
        }
      }
    }
    expect(formulas).toBeGreaterThan(10);
  });

  it('is reproducible from its seed, key and workbooks byte for byte', async () => {
    const again = formatKey(generate(OPTS).key);
    expect(fs.readFileSync(path.join(dir, 'answer-key.json'), 'utf8')).toBe(again);
    expect(formatKey(generate({ ...OPTS, seed: 8 }).key)).not.toBe(again);
    const file = gen.files[0]!;
    expect((await generate(OPTS).files[0]!.build()).equals(fs.readFileSync(path.join(dir, file.name)))).toBe(true);
  });
});

describe('made-up units', () => {
  // "CA Tien Hai" names Thái Bình's Tiền Hải and a made-up Tiến Hải alike: the import would rightly
  // refuse such a file as ambiguous, and the scale bench would count refusals that are not the app's.
  it('never share a name with a real unit or with each other once diacritics are set aside', () => {
    const plain = (s: string) => stripDiacritics(foldCase(coreName(s)));
    const real = new Set(loadUnits().map((u) => plain(u.name)));
    const made = nationalUnits(3321, 7).map((u) => plain(u.name));
    expect(made.filter((n) => real.has(n))).toEqual([]);
    expect(new Set(made).size).toBe(made.length);
  });
});

describe('injected inconsistencies', () => {
  it('records them with the rule names of the sample key', () => {
    expect(gen.key.issues.length).toBeGreaterThan(0);
    for (const i of gen.key.issues) expect(RULE_NAMES).toContain(i.rule);
  });

  it('puts in every rule over a larger run', () => {
    const key = generate({ units: nationalUnits(12, 3), year: 2024, months: [1, 2, 3, 4, 5, 6], seed: 11, injectRate: 0.3 }).key;
    expect(new Set(key.issues.map((i) => i.rule))).toEqual(new Set(RULE_NAMES));
  });

  it('raises no flag in clean figures', () => {
    expect([...flagsOf(generate({ ...OPTS, injectRate: 0 }).key)]).toEqual([]);
  });

  it('raises exactly the recorded relation, value and year-to-date flags', () => {
    const key = generate({ units: ngheAnDistricts().slice(0, 8), year: 2023, months: [1, 2, 3, 4, 5, 6], seed: 5, injectRate: 0.3 }).key;
    const recorded = new Set(key.issues.map((i) => `${i.unit}|${flagKey(i)}`));
    for (const f of flagsOf(key)) {
      const [unit, rule, month, inds] = f.split('|');
      const explained = recorded.has(f) || key.issues.some((i) => COMPANION[i.rule] === rule && i.unit === unit && String(i.month) === month && inds!.includes(i.indicators[0]!));
      expect(explained, f).toBe(true);
    }
    const visible = key.issues.filter((i) => !['outlier', 'commune_total_mismatch', 'conflicting_resubmission', 'missing_return'].includes(i.rule));
    const flags = flagsOf(key);
    for (const i of visible) expect(flags.has(`${i.unit}|${flagKey(i)}`), JSON.stringify(i)).toBe(true);
  });

  it('leaves out missing returns and writes resubmissions as a second file', () => {
    const key = generate({ units: ngheAnDistricts().slice(0, 8), year: 2023, months: [1, 2, 3, 4, 5, 6], seed: 5, injectRate: 0.3 }).key;
    for (const i of key.issues.filter((x) => x.rule === 'missing_return')) {
      expect(key.values.some((v) => v.unit === i.unit && v.month === i.month)).toBe(false);
    }
    for (const i of key.issues.filter((x) => x.rule === 'conflicting_resubmission')) {
      const [first, second] = i.files!;
      const at = (file: string) => key.values.find((v) => v.file === file && v.indicator === i.indicators[0] && v.column === 'period' && v.commune === null)!.value;
      expect(second).toMatch(/\((sua lai|sửa lại)\)\.xlsx$/);
      expect(at(first!)).not.toBe(at(second!));
    }
  });

  it('makes commune rows add up to the unit, except where a mismatch is recorded', () => {
    const key = generate({ ...OPTS, units: ngheAnDistricts().slice(0, 12), layouts: ['C'], injectRate: 0.4 }).key;
    const sums = new Map<string, { unit: string; month: number; total: number; sum: number }>();
    for (const v of key.values) {
      const k = `${v.file}|${v.indicator}`;
      const e = sums.get(k) ?? { unit: v.unit, month: v.month, total: NaN, sum: 0 };
      if (v.commune === null && v.column === 'period') e.total = v.value;
      if (v.commune !== null) e.sum = Math.round((e.sum + v.value) * 1e4) / 1e4;
      sums.set(k, e);
    }
    const off = new Set(key.issues.filter((i) => i.rule === 'commune_total_mismatch').map((i) => `${i.unit}|${i.month}|${i.indicators[0]}`));
    expect(off.size).toBeGreaterThan(0);
    const withCommunes = new Set(key.values.filter((v) => v.commune !== null).map((v) => `${v.file}|${v.indicator}`));
    const detailed = [...sums.entries()].filter(([k]) => withCommunes.has(k));
    expect(detailed.length).toBeGreaterThan(100);
    for (const [k, e] of detailed) expect(e.sum === e.total, k).toBe(!off.has(`${e.unit}|${e.month}|${k.split('|')[1]}`));
  });

  it('gives the figures without writing files', () => {
    const figures = generateFigures({ ...OPTS, injectRate: 0 });
    expect(figures).toEqual(generate({ ...OPTS, injectRate: 0 }).key.values);
  });
});

const soffice = (process.env.PATH ?? '').split(path.delimiter).some((p) => fs.existsSync(path.join(p, 'soffice')));

describe('LibreOffice', () => {
  it.skipIf(!soffice)('converts a generated return', () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-out-'));
    try {
      const file = gen.key.files.find((f) => gen.key.values.some((v) => v.file === f && v.commune !== null))!;
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, path.join(dir, file)], { timeout: 90_000 });
      expect(r.status).toBe(0);
      const csv = fs.readFileSync(path.join(out, file.replace(/\.xlsx$/, '.csv')), 'utf8');
      expect(csv.normalize('NFC')).toContain('CÔNG AN');
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
