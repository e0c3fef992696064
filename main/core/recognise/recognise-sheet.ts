/**
 * One sheet -> figures with their cells. Two orientations: a list (an indicator per row, columns
 * for the period, the year to date or each month) and a detail sheet (a commune per row, an
 * indicator per column, a "Tổng cộng" row for the unit).
 */
import type { LabelIndex } from '../catalog/match-label';
import { matchLabel } from '../catalog/match-label';
import { normalizeLabel } from '../catalog/normalize-label';
import type { SheetGrid } from '../read/grid';
import { addressOf, cellText } from '../read/grid';
import { columnLetters } from '../../../shared/cell-address';
import { message } from '../../../shared/messages';
import type { CheckRole, ColumnRole } from './column-roles';
import { isCheckRole, isEndOfTable, isTotalRow, isValueRole } from './column-roles';
import type { RowChecks } from './check-columns';
import { checkDerived } from './check-columns';
import type { Header } from './find-header';
import { findHeader, mergedTextFn } from './find-header';
import { readCellValue } from './read-cell-value';
import type { CellFigure, PeriodRef, SheetReading } from './types';

/** Every table of a sheet, one below the other, each with its own heading and columns. */
export function recogniseTables(sheet: SheetGrid, labels: LabelIndex): SheetReading[] {
  const out: SheetReading[] = [];
  let from = 0;
  const titleLines: string[] = [];
  for (let header = findHeader(sheet, 0); header; header = findHeader(sheet, from)) {
    // The lines above the first heading title the sheet; those between two tables add to them.
    for (let r = from; r < header.top; r++) for (const cell of sheet.rows[r] ?? []) { const t = cellText(cell); if (t) titleLines.push(...fieldValue(t)); }
    out.push(readTable(sheet, header, labels, [...titleLines]));
    if (header.end >= sheet.rows.length) break;
    from = header.end;
  }
  return out;
}

/** The first table of a sheet. */
export function recogniseSheet(sheet: SheetGrid, labels: LabelIndex): SheetReading | null {
  return recogniseTables(sheet, labels)[0] ?? null;
}

function readTable(sheet: SheetGrid, header: Header, labels: LabelIndex, titleLines: string[]): SheetReading {
  const text = mergedTextFn(sheet);
  const detail = detailColumns(header, labels);
  const reading: SheetReading = detail.size >= 2
    ? readDetail(sheet, header, detail, titleLines)
    : readList(sheet, header, labels, titleLines, text);
  reading.columns = columnsOf(header);
  return reading;
}

/**
 * "Đơn vị báo cáo: Công an huyện Yên Thành", "Kỳ báo cáo: Tháng 3/2024": a field and its value in
 * one cell; the value is a title line of its own, so that it is read as a title would be.
 */
const FIELD = /^\s*(?:đơn vị(?: báo cáo| gửi| thực hiện)?|cơ quan(?: báo cáo)?|kỳ báo cáo|thời gian(?: báo cáo)?|kỳ|tháng báo cáo)\s*:\s*(.+)$/iu;
function fieldValue(line: string): string[] {
  const m = FIELD.exec(line);
  return m ? [line, m[1]!.trim()] : [line];
}

function columnsOf(header: Header): SheetReading['columns'] {
  const out: SheetReading['columns'] = {};
  header.roles.forEach((role, c) => {
    if (!header.paths[c] && role.kind === 'unknown') return;
    const name = role.kind === 'month' ? `month:${role.month}` : role.kind === 'ignored' ? `ignored:${role.why}` : role.kind;
    out[addressOf(0, c).replace(/\d+$/, '')] = { header: header.paths[c] ?? '', role: name };
  });
  return out;
}

function base(sheet: SheetGrid, layout: SheetReading['layout'], titleLines: string[]): SheetReading {
  return { sheet: sheet.name, layout, figures: [], unmapped: [], warnings: [], titleLines, columns: {}, references: [] };
}

const refKey = (ref: PeriodRef) => (ref.kind === 'month' ? `${ref.year ?? ''}-${ref.month}` : ref.kind);

function periodRefOf(role: ColumnRole): PeriodRef {
  if (role.kind === 'month') return { kind: 'month', month: role.month, year: role.year };
  return role.kind === 'total' ? { kind: 'total' } : { kind: 'return' };
}

function readList(sheet: SheetGrid, header: Header, labels: LabelIndex, titleLines: string[], text: (r: number, c: number) => string): SheetReading {
  const valueCols = header.roles.map((role, c) => ({ role, c })).filter(({ role, c }) => isValueRole(role) && c !== header.labelCol);
  const checkCols = header.roles.map((role, c) => ({ role, c })).filter((x): x is { role: CheckRole; c: number } => isCheckRole(x.role));
  const unitCol = header.roles.findIndex((r) => r.kind === 'unit');
  const dayCols = header.roles.map((role, c) => ({ role, c })).filter(({ role }) => role.kind === 'day').map(({ c }) => c);
  const out = base(sheet, valueCols.some((v) => v.role.kind === 'month') ? 'wide' : 'list', titleLines);
  header.roles.forEach((role, c) => {
    const col = columnLetters(c);
    if (role.kind === 'ignored') out.warnings.push(message('note.ignored-column', { sheet: sheet.name, column: col, header: header.texts[c] ?? '' }));
    if (isCheckRole(role)) out.warnings.push(message('note.other', { vi: `trang “${sheet.name}”: cột ${col} (“${header.texts[c]}”) là ${CHECK_WORDS[role.kind]}: đọc để đối chiếu, không nhập như số liệu của kỳ báo cáo` }));
  });
  const seen = new Set<string>();
  let parentAbove: string | null = null;
  let unitAbove: string | null = null;
  for (let r = header.bottom + 1; r < header.end; r++) {
    const label = cellText(sheet.rows[r]?.[header.labelCol]);
    if (!label) continue;
    if (isEndOfTable(label)) break;
    const cells: CellFigure[] = [];
    for (const { role, c } of valueCols) {
      const reading = readCellValue(sheet.rows[r]?.[c]);
      const cell = addressOf(r, c);
      if (reading.kind === 'note') { out.warnings.push(message('note.cell-skipped', { sheet: sheet.name, cell, why: reading.why })); continue; }
      if (reading.kind === 'blank') continue;
      cells.push({
        subunit: null, periodRef: periodRefOf(role), measure: role.kind === 'ytd' ? 'ytd' : 'period',
        role: role.kind === 'total' ? 'total' : 'value', value: reading.value, raw: reading.raw,
        typedUnit: reading.unit, approx: reading.approx || isEstimate(role), sheet: sheet.name, cell,
      });
    }
    // A ditto mark (") in the ĐVT column means the unit of the row above.
    const written = unitCol >= 0 ? text(r, unitCol) || null : null;
    const typedUnit: string | null = written && DITTO.test(written) ? unitAbove : written;
    if (typedUnit) unitAbove = typedUnit;
    if (cells.length === 0) continue;
    if (sheet.hiddenRows.has(r)) {
      out.warnings.push(message('note.hidden-row', { sheet: sheet.name, row: r + 1, label }));
      continue;
    }
    const match = matchLabel(labels, label, { unit: typedUnit, parentAbove });
    const labelCell = addressOf(r, header.labelCol);
    if (match.indicator === null) {
      out.unmapped.push({ label, sheet: sheet.name, cell: labelCell, typedUnit, suggestions: match.suggestions, reason: 'no-match', cells });
      continue;
    }
    const key = (f: CellFigure) => `${match.indicator}|${refKey(f.periodRef)}|${f.measure}`;
    if (cells.some((f) => seen.has(key(f)))) {
      out.unmapped.push({ label, sheet: sheet.name, cell: labelCell, typedUnit, suggestions: [{ indicator: match.indicator, name: labels.indicators.get(match.indicator)?.name ?? '', score: match.score }], reason: 'duplicate', cells });
      continue;
    }
    cells.forEach((f) => seen.add(key(f)));
    if (!normalizeLabel(label, labels.lex).isPart) parentAbove = match.indicator;
    // Written out rather than spread (a spread of these cells cost more than the rest of the row): the
    // keys of `cells` above, in their order, then the match's.
    for (const f of cells) {
      out.figures.push({
        subunit: f.subunit, periodRef: f.periodRef, measure: f.measure, role: f.role, value: f.value, raw: f.raw, typedUnit: f.typedUnit ?? typedUnit,
        approx: f.approx, sheet: f.sheet, cell: f.cell, indicator: match.indicator, label, evidence: match.evidence,
      });
    }
    if (checkCols.length > 0) readChecks(sheet, r, checkCols, cells, match.indicator, out);
    if (dayCols.length > 0) checkDays(sheet, r, dayCols, cells, out);
  }
  return out;
}

const DITTO = /^\s*(?:["“”〃'‘’]+|-?\s*nt\s*-?|-\s*n\s*t\s*-|như trên|-do-)\s*$/iu;

const CHECK_WORDS: Record<CheckRole['kind'], string> = {
  plan: 'kế hoạch năm', previous: 'số của kỳ trước', 'last-year': 'số cùng kỳ năm trước', percent: 'tỷ lệ so sánh (%)', difference: 'mức tăng/giảm',
};

/** A column per day and a total: the days must add up to it. */
function checkDays(sheet: SheetGrid, r: number, cols: number[], cells: CellFigure[], out: SheetReading): void {
  const total = cells.find((f) => f.measure === 'period');
  if (!total) return;
  let sum = 0;
  for (const c of cols) { const v = readCellValue(sheet.rows[r]?.[c]); if (v.kind === 'value') sum += v.value; }
  if (Math.abs(sum - total.value) > 1e-6 * Math.max(1, Math.abs(sum))) {
    out.warnings.push(message('note.other', { vi: `trang “${sheet.name}”, ô ${total.cell}: tổng ghi ${total.raw} nhưng các ngày ${addressOf(r, cols[0]!)}:${addressOf(r, cols[cols.length - 1]!)} cộng lại được ${sum}` }));
  }
}

function isEstimate(role: ColumnRole): boolean {
  return (role.kind === 'period' || role.kind === 'month') && role.estimate === true;
}

/** The row's plan, previous, last-year, % and difference cells: % and difference checked here, the earlier periods handed on. */
function readChecks(sheet: SheetGrid, r: number, cols: { role: CheckRole; c: number }[], cells: CellFigure[], indicator: string, out: SheetReading): void {
  const own = cells.filter((f) => f.measure === 'period' && f.role === 'value');
  const row: RowChecks = { period: own.length === 1 ? own[0]!.value : null, values: {}, derived: [] };
  for (const { role, c } of cols) {
    const reading = readCellValue(sheet.rows[r]?.[c]);
    if (reading.kind !== 'value') continue;
    const cell = addressOf(r, c);
    if (role.kind === 'percent' || role.kind === 'difference') row.derived.push({ role, value: reading.value, cell });
    else {
      row.values[role.kind] = { value: reading.value, cell };
      if (role.kind !== 'plan') out.references.push({ indicator, kind: role.kind, value: reading.value, sheet: sheet.name, cell });
    }
  }
  for (const m of checkDerived(row)) out.warnings.push(message('note.other', { vi: `trang “${sheet.name}”, ${m}` }));
}

/** Columns whose heading names an indicator: a detail sheet has two or more. */
function detailColumns(header: Header, labels: LabelIndex): Map<number, { indicator: string; measure: 'period' | 'ytd' }> {
  const cols = new Map<number, { indicator: string; measure: 'period' | 'ytd' }>();
  header.texts.forEach((t, c) => {
    if (c === header.labelCol || !t) return;
    const role = header.roles[c]!;
    if (role.kind === 'stt' || role.kind === 'unit' || role.kind === 'note') return;
    const match = matchLabel(labels, t);
    if (match.indicator) cols.set(c, { indicator: match.indicator, measure: /l[uũ]y k[eế]|c[oộ]ng d[oồ]n/i.test(t) ? 'ytd' : 'period' });
  });
  return cols;
}

function readDetail(sheet: SheetGrid, header: Header, cols: Map<number, { indicator: string; measure: 'period' | 'ytd' }>, titleLines: string[]): SheetReading {
  const out = base(sheet, 'detail', titleLines);
  for (let r = header.bottom + 1; r < header.end; r++) {
    const name = cellText(sheet.rows[r]?.[header.labelCol]);
    if (!name) continue;
    if (isEndOfTable(name)) break;
    const total = isTotalRow(name);
    if (sheet.hiddenRows.has(r)) { out.warnings.push(message('note.hidden-row', { sheet: sheet.name, row: r + 1, label: name })); continue; }
    for (const [c, { indicator, measure }] of cols) {
      const reading = readCellValue(sheet.rows[r]?.[c]);
      const cell = addressOf(r, c);
      if (reading.kind === 'note') { out.warnings.push(message('note.cell-skipped', { sheet: sheet.name, cell, why: reading.why })); continue; }
      if (reading.kind === 'blank') continue;
      out.figures.push({
        subunit: total ? null : name, periodRef: { kind: 'return' }, measure, role: total ? 'total' : 'subunit',
        value: reading.value, raw: reading.raw, typedUnit: reading.unit, approx: reading.approx, sheet: sheet.name, cell,
        indicator, label: header.texts[c] ?? '', rowLabel: name,
      });
    }
  }
  return out;
}
