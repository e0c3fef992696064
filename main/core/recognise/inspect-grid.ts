/**
 * A workbook -> what the import would read from it, cell by cell, storing nothing: `inspect` on
 * the command line and the import screen's preview. Every table of every sheet is shown, whatever
 * the sender and period turn out to be.
 */
import type { InspectLine } from '../../../shared/types';
import type { LabelIndex } from '../catalog/match-label';
import type { WorkbookGrid } from '../read/grid';
import { recogniseTables } from './recognise-sheet';
import type { CellFigure, SheetReading } from './types';

interface Placed { order: number[]; line: InspectLine }

export function inspectGrid(file: string, grid: WorkbookGrid, labels: LabelIndex): InspectLine[] {
  const lines: Placed[] = [];
  grid.sheets.forEach((sheet, s) => {
    if (sheet.hidden) return;
    for (const reading of recogniseTables(sheet, labels)) lines.push(...inspectTable(file, reading, s));
  });
  return lines.sort((a, b) => compare(a.order, b.order)).map((l) => l.line);
}

function inspectTable(file: string, reading: SheetReading, s: number): Placed[] {
  const out: Placed[] = [];
  const line = (f: CellFigure, rowLabel: string, indicator: string | null, rest: Pick<InspectLine, 'evidence' | 'suggestions'>) => {
    const column = reading.columns[f.cell.replace(/\d+$/, '')];
    const role = !column || column.role === 'unknown' ? f.role : column.role;
    out.push({
      order: [s, ...position(f.cell)],
      line: { file, sheet: reading.sheet, cell: f.cell, rowLabel, columnHeader: column?.header ?? '', role, value: f.value, raw: f.raw, indicator, measure: f.measure, approx: f.approx, ...rest },
    });
  };
  // In a list the row's label; in a table of communes the commune's name.
  for (const f of reading.figures) line(f, f.rowLabel ?? f.label, f.indicator, { evidence: f.evidence ?? [] });
  for (const u of reading.unmapped) for (const f of u.cells) line(f, u.label, null, { evidence: [], suggestions: u.suggestions });
  return out;
}

function position(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
