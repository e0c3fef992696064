/**
 * Realistic returns for N units and M months: figures from values.ts, inconsistencies from inject.ts,
 * workbooks in the four layout kinds, and an answer key of every figure written and every
 * inconsistency put in (the shape of the sample returns' answer-key.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogFile } from '../../shared/catalog';
import { loadCatalog } from '../../main/core/catalog/load-catalog';
import { type CommuneTable, communeIndicators, communeWeights, orderedPairs, splitCommunes } from './communes';
import { type CommuneEdit, type Injected, type UnitState, inject } from './inject';
import { type AnswerKey, type AnswerKeyValue, type GenUnit, LAYOUTS, type Layout, type MonthFigures } from './model';
import { Rng } from './prng';
import { type UnitStyle, fileStyle, monthFileName, unitStyle, wideFileName } from './style';
import { coreName, syntheticCommunes } from './units';
import { buildModel, unitSeries } from './values';
import { type ReturnDoc, planReturn, returnBytes } from './write-workbook';

export type { AnswerKey, AnswerKeyIssue, AnswerKeyValue, GenUnit, Layout } from './model';

export interface GenerateOptions {
  units: GenUnit[];
  year: number;
  months: number[];
  seed: number;
  /** Injections per unit-month; default 1/6. */
  injectRate?: number;
  /** Layouts given to the units round robin; default all four. */
  layouts?: Layout[];
  /** Folder holding indicators.json and lexicon.json; default resources/catalog. */
  catalogDir?: string;
}

export interface GeneratedFile { name: string; unit: string; build: () => Promise<Buffer> }
export interface Generated { files: GeneratedFile[]; key: AnswerKey }

interface Run { opts: GenerateOptions; cat: CatalogFile; rng: Rng; injected: Injected }

function unitStates(opts: GenerateOptions, cat: CatalogFile, months: number[], rng: Rng): UnitState[] {
  const model = buildModel(cat);
  const layouts = opts.layouts?.length ? opts.layouts : LAYOUTS;
  return opts.units.map((u, i) => {
    const layout = layouts[i % layouts.length]!;
    const needNames = layout === 'C' && !u.communes?.length;
    const unit = needNames ? { ...u, communes: syntheticCommunes(u.type, coreName(u.name), rng.fork(`names:${u.code}`)) } : u;
    return {
      unit,
      layout,
      series: unitSeries(unit, model, Math.max(...months), rng.fork(`values:${u.code}`)),
      present: new Set(months),
      communeIndicators: layout === 'C' ? communeIndicators(model, cat, rng.fork(`commune-set:${u.code}`)) : [],
    };
  });
}

/** A commune row off by a few: added, or taken from a commune that has them where a child must stay within its parent. */
function applyEdit(t: CommuneTable, edit: CommuneEdit, cat: CatalogFile): void {
  const j = t.indicators.indexOf(edit.indicator);
  if (j < 0 || t.names.length === 0) return;
  const k = edit.rng.int(1, 3);
  const start = edit.rng.int(0, t.names.length - 1);
  const small = orderedPairs(cat).some((p) => p.small === edit.indicator);
  const order = t.names.map((_, i) => (start + i) % t.names.length);
  const i = small ? (order.find((x) => t.values[x]![j]! >= k) ?? start) : start;
  t.values[i]![j] = Math.max(0, t.values[i]![j]! + (small ? -k : k));
}

function communeTable(run: Run, st: UnitState, month: number, figs: MonthFigures): CommuneTable {
  const names = st.unit.communes ?? [];
  const weights = communeWeights(names.length, run.rng.fork(`weights:${st.unit.code}`));
  const t = splitCommunes(figs, names, st.communeIndicators, weights, orderedPairs(run.cat), run.rng.fork(`split:${st.unit.code}:${month}`));
  const edit = run.injected.communeEdits.find((e) => e.unit === st.unit.code && e.month === month);
  if (edit) applyEdit(t, edit, run.cat);
  return t;
}

function makeDoc(run: Run, st: UnitState, months: number[], style: UnitStyle, rng: Rng, file: string, figs?: MonthFigures): ReturnDoc {
  const figures = Object.fromEntries(months.map((m) => [m, figs ?? st.series[m]!]));
  const communes = st.layout === 'C' ? communeTable(run, st, months[0]!, figures[months[0]!]!) : null;
  return { file, unit: st.unit, year: run.opts.year, layout: st.layout, months, figures, communes, style, rng, cat: run.cat };
}

/** A month's return, and a second corrected file where the unit sent one again. */
function monthDocs(run: Run, st: UnitState, base: UnitStyle, month: number): ReturnDoc[] {
  const rng = run.rng.fork(`file:${st.unit.code}:${month}`);
  const style = fileStyle(base, run.cat.indicators, rng.fork('drift'));
  const name = monthFileName(st.unit, run.opts.year, month, style);
  const resub = run.injected.resubmissions.find((x) => x.unit === st.unit.code && x.month === month);
  if (!resub) return [makeDoc(run, st, [month], style, rng, name)];
  const second = `${name.replace(/\.xlsx$/, '')} ${rng.chance(0.7) ? '(sua lai)' : '(sửa lại)'}.xlsx`;
  return [makeDoc(run, st, [month], style, rng, name, resub.original), makeDoc(run, st, [month], style, rng.fork('second'), second)];
}

function unitDocs(run: Run, st: UnitState, months: number[]): ReturnDoc[] {
  const base = unitStyle(st.layout, run.cat.indicators, run.rng.fork(`style:${st.unit.code}`));
  if (st.layout !== 'D') return months.filter((m) => st.present.has(m)).flatMap((m) => monthDocs(run, st, base, m));
  const halves = [months.filter((m) => m <= 6), months.filter((m) => m > 6)].filter((h) => h.length > 0);
  return halves.map((h) => {
    const rng = run.rng.fork(`file:${st.unit.code}:${h[0]}-${h[h.length - 1]}`);
    const style = fileStyle(base, run.cat.indicators, rng.fork('drift'));
    return makeDoc(run, st, h, style, rng, wideFileName(st.unit, run.opts.year, h, style));
  });
}

/** Distinct file names: two units never share a name, but a clash gets the unit code. */
function uniqueNames(docs: ReturnDoc[]): void {
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.file)) d.file = d.file.replace(/\.xlsx$/, ` (${d.unit.code}).xlsx`);
    seen.add(d.file);
  }
}

function keyOf(run: Run, states: UnitState[], docs: ReturnDoc[], months: number[]): AnswerKey {
  const { year } = run.opts;
  const values: AnswerKeyValue[] = docs.flatMap((d) =>
    planReturn(d).figures.map((f) => ({ unit: d.unit.code, year, month: f.month, indicator: f.indicator, column: f.column, value: f.value, file: d.file, sheet: f.sheet, cell: f.cell, commune: f.commune })));
  return {
    province: run.opts.units[0]?.province ?? 'Nghệ An',
    year,
    months,
    seed: run.opts.seed,
    layouts: Object.fromEntries(states.map((s) => [s.unit.code, s.layout])),
    units: Object.fromEntries(states.map((s) => [s.unit.code, s.unit.name])),
    values,
    issues: run.injected.issues,
    files: docs.map((d) => d.file).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

function plan(opts: GenerateOptions): { docs: ReturnDoc[]; key: AnswerKey } {
  const months = [...new Set(opts.months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (months.length === 0) throw new Error('generate: no month in 1..12');
  const cat = loadCatalog(opts.catalogDir).catalog;
  const rng = new Rng(opts.seed);
  const states = unitStates(opts, cat, months, rng);
  const count = Math.round(opts.units.length * months.length * (opts.injectRate ?? 1 / 6));
  const run: Run = { opts, cat, rng, injected: inject(states, cat, opts.year, count, rng.fork('inject')) };
  const docs = states.flatMap((st) => unitDocs(run, st, months));
  uniqueNames(docs);
  // Named after any clash was resolved: the original first, the corrected second.
  for (const r of run.injected.resubmissions) {
    r.issue.files = docs.filter((d) => d.unit.code === r.unit && d.layout !== 'D' && d.months[0] === r.month).map((d) => d.file);
  }
  return { docs, key: keyOf(run, states, docs, months) };
}

export function generate(opts: GenerateOptions): Generated {
  const { docs, key } = plan(opts);
  const files = docs.map((d) => ({
    name: d.file,
    unit: d.unit.code,
    build: () => returnBytes(d),
  }));
  return { files, key };
}

/** The figures alone, laid out but never written: for benchmarks where writing files would dominate. */
export function generateFigures(opts: GenerateOptions): AnswerKeyValue[] {
  return plan(opts).key.values;
}

/** The key as JSON with one value or issue per line: small diffs, same bytes for the same seed. */
export function formatKey(key: AnswerKey): string {
  const parts = Object.entries(key).map(([k, v]) => {
    if (!Array.isArray(v) || v.length === 0) return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

export async function writeGenerated(g: Generated, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of g.files) fs.writeFileSync(path.join(dir, f.name), await f.build());
  fs.writeFileSync(path.join(dir, 'answer-key.json'), formatKey(g.key));
}
