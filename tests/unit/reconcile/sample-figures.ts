/** RuleFigures for the sample returns: the answer key's values, plus the detail sheets' total rows. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { groupBy } from '../../../main/core/reconcile/figures';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { SAMPLES_DIR, type AnswerKey } from '../../helpers/samples';

/** Import order: files named in an issue's `files` come last, in that order (a resubmission is later). */
export function importOrder(key: AnswerKey): { order: string[]; superseded: Set<string> } {
  const chains = key.issues.filter((i) => i.files && i.files.length > 1).map((i) => i.files!);
  const late = new Set(chains.flat());
  const order = [...key.files.filter((f) => !late.has(f)), ...chains.flat()];
  return { order, superseded: new Set(chains.flatMap((c) => c.slice(0, -1))) };
}

export function keyFigures(key: AnswerKey): RuleFigure[] {
  const { order, superseded } = importOrder(key);
  const fileId = new Map(order.map((f, i) => [f, i + 1]));
  return key.values.map((v, i): RuleFigure => {
    const id = fileId.get(v.file)!;
    return {
      id: i + 1, fileId: id, file: v.file, fileImportedAt: new Date(Date.UTC(2023, 6, 1, 0, 0, id)).toISOString(),
      unit: v.unit, unitName: key.units[v.unit]!, subunit: v.commune, period: `${v.year}-${String(v.month).padStart(2, '0')}`,
      indicator: v.indicator, measure: v.column, role: v.commune ? 'subunit' : 'value', value: v.value, raw: String(v.value),
      sheet: v.sheet, cell: v.cell, superseded: superseded.has(v.file),
    };
  });
}

function numberOf(v: ExcelJS.CellValue): number | null {
  if (typeof v === 'number') return v;
  // A formula counts by its cached result; one without a result is no figure.
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return null;
}

/**
 * The "Tổng cộng" row under the commune rows of each detail sheet (role 'total'), which the answer
 * key leaves out: read from the workbook, its columns mapped to indicators by the commune cells.
 */
export async function detailTotals(communes: RuleFigure[]): Promise<RuleFigure[]> {
  const bySheet = groupBy(communes, (f) => `${f.file}\u0000${f.sheet}`);
  const out: RuleFigure[] = [];
  let id = 1_000_000;
  for (const rows of bySheet.values()) {
    const first = rows[0]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES_DIR, first.file));
    const ws = wb.getWorksheet(first.sheet)!;
    const columns = new Map(rows.map((f) => [f.cell.replace(/\d+$/, ''), f]));
    const lastRow = Math.max(...rows.map((f) => Number(f.cell.replace(/^[A-Z]+/, ''))));
    const totalRow = [lastRow + 1, lastRow + 2].find((r) => /tổng cộng/i.test(String(ws.getCell(`B${r}`).value ?? '')));
    if (totalRow === undefined) continue;
    for (const [col, f] of columns) {
      const value = numberOf(ws.getCell(`${col}${totalRow}`).value);
      if (value !== null) out.push({ ...f, id: id++, subunit: null, role: 'total', value, raw: String(value), cell: `${col}${totalRow}` });
    }
  }
  return out;
}
