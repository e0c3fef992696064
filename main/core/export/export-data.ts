/**
 * What the consolidated workbook shows, computed from the store before anything is written: for
 * each indicator, the parts (a column per unit, or per month for one unit), the total, the
 * year-to-date, the same period last year and the change, each with how it was made and its cells.
 * The writers turn the totals into formulas; the numbers here are their cached results.
 */
import { CodedError } from '../../../shared/errors';
import type { Database } from '../store/db';
import type { CatalogFile, CatalogIndicator } from '../../../shared/catalog';
import type { Figure } from './aggregate';
import { periodFigure, rateFigure, sumFigures, ytdFigure } from './aggregate';
import type { FigureIndex } from './load-figures';
import { loadFigures } from './load-figures';
import { exportNotes } from './export-notes';
import { provincesOfReturns } from '../store/queries/settings';
import { percentOf, sumOrNull } from './numbers';
import type { PeriodSpec } from './period-spec';
import { monthSpec, monthWords, parsePeriod, previousYear } from './period-spec';
import type { ExportColumn, UnitRef } from './unit-columns';
import { displayUnitName, reportingUnits, unitColumns } from './unit-columns';

export interface LabelledFigure { name: string; figure: Figure }

export interface IndicatorRow {
  indicator: CatalogIndicator;
  /** 0 for a main row, 1 for a "trong đó" row under its parent, 2 under that... */
  depth: number;
  /** Units layout: one per unit column; periods layout: one per month. */
  parts: Figure[];
  total: Figure;
  ytd: Figure;
  /** What the year-to-date is made of, per unit (not shown in the table, listed in the provenance). */
  ytdParts: LabelledFigure[];
  lastYear: Figure;
  lastYearParts: LabelledFigure[];
  /** Total as a percentage of last year's, one decimal; null where either is missing or last year is 0. */
  change: number | null;
}

export type Layout = 'units' | 'periods';

export interface ExportData {
  layout: Layout;
  spec: PeriodSpec;
  lastYear: PeriodSpec;
  /** "Toàn tỉnh", or the unit the periods layout is about. */
  subject: string;
  /** Headings of the part columns: "TP Vinh", "Quế Phong"... or "Tháng 4", "Tháng 5"... */
  partLabels: string[];
  columns: ExportColumn[];
  groups: { code: string; name: string }[];
  rows: IndicatorRow[];
  notes: string[];
  /** Every unit whose figures of the period are in the export, code → name: the flags that matter. */
  units: Map<string, string>;
}

export interface ExportDataOptions {
  period: string;
  layout: Layout;
  /** Periods layout: the unit's code; omitted (or "province") for the province as a whole. */
  unit?: string;
  underUnitsAt?: string;
  provinceLabel: string;
  /** The office's provinces (codes at any date); all units where none are given. */
  provinces?: string[] | null;
}

export class ExportDataError extends CodedError {
  constructor(message: string) { super('not-found', message); }
}

interface Ctx { idx: FigureIndex; spec: PeriodSpec; lastYear: PeriodSpec; lastYearUnits: UnitRef[]; provinces: string[] | null }

export function buildExportData(db: Database, catalog: CatalogFile, opts: ExportDataOptions): ExportData {
  const spec = parsePeriod(opts.period);
  const lastYear = previousYear(spec);
  // Without an office's provinces, those the imported returns came from (not the whole country).
  const provinces = opts.provinces === undefined ? provincesOfReturns(db) : opts.provinces;
  const ctx: Ctx = { idx: loadFigures(db, [spec.year, lastYear.year]), spec, lastYear, lastYearUnits: reportingUnits(db, lastYear.start, lastYear.end, provinces), provinces };
  const all = unitColumns(db, spec, lastYear, opts.underUnitsAt, ctx.provinces);
  if (all.length === 0) throw new ExportDataError(`Không có đơn vị báo cáo nào của tỉnh trong ${opts.period}`);
  const columns = opts.layout === 'units' ? all : [subjectColumn(all, ctx, opts)];
  const build = opts.layout === 'units' ? (i: CatalogIndicator) => unitsRow(ctx, columns, i) : (i: CatalogIndicator) => periodsRow(ctx, columns[0]!, i);
  const rows = buildRows(catalog, build);
  const members = columns.flatMap((c) => c.members);
  return {
    layout: opts.layout, spec, lastYear,
    subject: opts.layout === 'units' || isProvince(opts.unit) ? opts.provinceLabel : displayUnitName(columns[0]!.unit.name),
    partLabels: opts.layout === 'units' ? columns.map((c) => c.shortName) : spec.monthNumbers.map((n) => `Tháng ${n}`),
    columns, groups: catalog.groups, rows,
    notes: exportNotes(db, { idx: ctx.idx, spec, lastYear, columns, catalog, underUnitsAt: opts.underUnitsAt }),
    units: new Map(members.map((u) => [u.code, displayUnitName(u.name)])),
  };
}

function isProvince(unit: string | undefined): boolean {
  return unit === undefined || unit === '' || unit === 'province';
}

/** The periods layout's one column: a unit (found by its code, or as a member merged into it), or the province. */
function subjectColumn(all: ExportColumn[], ctx: Ctx, opts: ExportDataOptions): ExportColumn {
  if (isProvince(opts.unit)) {
    const province: UnitRef = { id: 0, code: 'province', name: opts.provinceLabel, level: 'province', validFrom: ctx.spec.start, validTo: null };
    return { unit: province, shortName: opts.provinceLabel, members: all.flatMap((c) => c.members), lastYearMembers: ctx.lastYearUnits };
  }
  const col = all.find((c) => c.unit.code === opts.unit) ?? all.find((c) => c.members.some((m) => m.code === opts.unit));
  if (!col) throw new ExportDataError(`Không có đơn vị mã “${opts.unit}” trong ${opts.period}`);
  return col;
}

/** Rows in catalog order within each group; rates last, once the rows they are computed from exist. */
function buildRows(catalog: CatalogFile, build: (i: CatalogIndicator) => IndicatorRow): IndicatorRow[] {
  const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
  const rows = new Map<string, IndicatorRow>();
  for (const i of catalog.indicators) if (i.kind !== 'rate') rows.set(i.code, build(i));
  for (const i of catalog.indicators) if (i.kind === 'rate') rows.set(i.code, rateRow(i, rows, byCode));
  const order = new Map(catalog.groups.map((g, n) => [g.code, n]));
  return catalog.indicators
    .map((i, n) => ({ i, n }))
    .sort((a, b) => (order.get(a.i.group) ?? 99) - (order.get(b.i.group) ?? 99) || a.n - b.n)
    .map(({ i }) => ({ ...rows.get(i.code)!, depth: depthOf(i, byCode) }));
}

function depthOf(i: CatalogIndicator, byCode: Map<string, CatalogIndicator>): number {
  let depth = 0;
  for (let p = i.parent; p && depth < 5; p = byCode.get(p)?.parent) depth++;
  return depth;
}

function unitsRow(ctx: Ctx, columns: ExportColumn[], ind: CatalogIndicator): IndicatorRow {
  const parts = columns.map((c) => memberSum(c.members, (u) => periodFigure(ctx.idx, u.code, ind, ctx.spec)));
  const ytdParts = columns.map((c) => ({ name: c.shortName, figure: memberSum(c.members, (u) => ytdFigure(ctx.idx, u.code, ind, ctx.spec)) }));
  const lastYearParts = ctx.lastYearUnits.map((u) => ({ name: displayUnitName(u.name), figure: periodFigure(ctx.idx, u.code, ind, ctx.lastYear) }));
  const total = formulaFigure(sumOrNull(parts.map((p) => p.value)), 'Cộng các đơn vị (công thức SUM trong biểu)');
  const ytd = formulaFigure(sumOrNull(ytdParts.map((p) => p.figure.value)), 'Cộng lũy kế năm của các đơn vị');
  const lastYear = formulaFigure(sumOrNull(lastYearParts.map((p) => p.figure.value)), 'Cộng số cùng kỳ năm trước của các đơn vị');
  return { indicator: ind, depth: 0, parts, total, ytd, ytdParts, lastYear, lastYearParts, change: percentOf(total.value, lastYear.value) };
}

function periodsRow(ctx: Ctx, col: ExportColumn, ind: CatalogIndicator): IndicatorRow {
  const parts = ctx.spec.monthNumbers.map((n) => memberSum(col.members, (u) => periodFigure(ctx.idx, u.code, ind, monthSpec(ctx.spec.year, n))));
  const ytdParts = col.members.map((u) => ({ name: displayUnitName(u.name), figure: ytdFigure(ctx.idx, u.code, ind, ctx.spec) }));
  const lastYearParts = col.lastYearMembers.map((u) => ({ name: displayUnitName(u.name), figure: periodFigure(ctx.idx, u.code, ind, ctx.lastYear) }));
  const total = ind.kind === 'flow' ? monthsTotal(parts) : latestPart(parts, ctx.spec);
  // A level has no year-to-date of its own: it is the level shown in the total column.
  const ytd = ind.kind === 'flow' ? sumFigures(ytdParts) : { ...total, method: `${total.method}; chỉ tiêu không cộng dồn` };
  const lastYear = sumFigures(lastYearParts);
  return { indicator: ind, depth: 0, parts, total, ytd, ytdParts, lastYear, lastYearParts, change: percentOf(total.value, lastYear.value) };
}

function monthsTotal(parts: Figure[]): Figure {
  return { ...formulaFigure(sumOrNull(parts.map((p) => p.value)), 'Cộng các tháng (công thức SUM trong biểu)'), fromMonths: parts.every((p) => p.fromMonths) };
}

/** A stock's or plan's total is its latest month: the cell of that month, referenced. */
function latestPart(parts: Figure[], spec: PeriodSpec): Figure {
  const k = parts.map((p) => p.value !== null).lastIndexOf(true);
  if (k < 0) return formulaFigure(null, 'Không có số liệu trong kỳ');
  return formulaFigure(parts[k]!.value, `Số của ${monthWords(spec.months[k]!)} (tháng cuối có số liệu)`);
}

function formulaFigure(value: number | null, method: string): Figure {
  return { value, method, sources: [], fromMonths: false };
}

function memberSum(members: UnitRef[], figure: (u: UnitRef) => Figure): Figure {
  return sumFigures(members.map((u) => ({ name: `${displayUnitName(u.name)} (${u.code})`, figure: figure(u) })));
}

/** A rate's every cell from its numerator's and denominator's cells in the same column. */
function rateRow(ind: CatalogIndicator, rows: Map<string, IndicatorRow>, byCode: Map<string, CatalogIndicator>): IndicatorRow {
  const num = ind.rate ? rows.get(ind.rate.numerator) : undefined;
  const den = ind.rate ? rows.get(ind.rate.denominator) : undefined;
  if (!num || !den) throw new ExportDataError(`Chỉ tiêu tỷ lệ ${ind.code} cần tử số và mẫu số có trong danh mục`);
  const names = { numerator: byCode.get(num.indicator.code)!.name, denominator: byCode.get(den.indicator.code)!.name };
  const rate = (a: Figure, b: Figure) => rateFigure(a, b, names);
  const pair = (a: LabelledFigure[], b: LabelledFigure[]) => a.map((p, k) => ({ name: p.name, figure: rate(p.figure, b[k]!.figure) }));
  const total = rate(num.total, den.total);
  const lastYear = rate(num.lastYear, den.lastYear);
  return {
    indicator: ind, depth: 0, parts: num.parts.map((p, k) => rate(p, den.parts[k]!)), total, ytd: rate(num.ytd, den.ytd),
    ytdParts: pair(num.ytdParts, den.ytdParts), lastYear, lastYearParts: pair(num.lastYearParts, den.lastYearParts),
    change: percentOf(total.value, lastYear.value),
  };
}
