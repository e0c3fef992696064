/** Bytes of a spreadsheet -> WorkbookGrid, through SheetJS, within the limits. */
import { message } from '../../../shared/messages';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { cleanText, withoutNul } from '../text/clean-text';
import { decodeCellText } from '../text/legacy-encoding';
import { isZip } from '../file/check-spreadsheet';
import { ImportFailure } from '../file/import-failure';
import type { FileKind } from '../file/sniff';
import type { ImportLimits } from '../file/limits';
import type { CellRange, GridCell, SheetGrid, WorkbookGrid } from './grid';
import { addressOf } from './grid';
import { loadSheetJs } from './load-sheetjs';
import { capInflatedEntry, isInflateCapError } from './native-inflate';
import { memo } from '../text/memo';
import type { FontAt } from './cell-fonts';
import { legacyFontsBySheet } from './cell-fonts';

/** Shared strings repeat across returns: decode each once. */
const decode = memo((s: string) => decodeWithFont(s, null));
function decodeWithFont(s: string, font: string | null) {
  const d = decodeCellText(s, font);
  return { text: cleanText(d.text), encoding: d.encoding };
}

/** `kind` from the sniffer: BIFF (.xls) and CSV may need code pages, the zip formats never do. */
export async function readWorkbook(bytes: Uint8Array, limits: ImportLimits, kind: FileKind = 'xlsx'): Promise<WorkbookGrid> {
  const xlsx = await loadSheetJs(!isZip(kind));
  const started = Date.now();
  capInflatedEntry(limits.maxEntryBytes);
  let wb;
  try {
    // CSV is text: decode it as the sniffer found it (UTF-8/UTF-16, else Windows-1252, where TCVN3 text lives).
    const input = kind === 'csv' ? csvText(bytes) : bytes;
    wb = xlsx.read(input, {
      type: kind === 'csv' ? 'string' : 'buffer', dense: true, cellFormula: true, cellDates: true, cellStyles: true,
      cellHTML: false, sheetRows: limits.maxRowsPerSheet, WTF: false,
    });
  } catch (err) {
    if (isInflateCapError(err)) throw new ImportFailure('zip-too-large', message('refused.zip-entry-too-large', { limit: limits.maxEntryBytes / 1048576 }));
    throw new ImportFailure('unreadable', message('refused.unreadable-content', { detail: (err as Error).message.slice(0, 200) }));
  }
  if (wb.SheetNames.length > limits.maxSheets) {
    throw new ImportFailure('too-many-sheets', message('refused.too-many-sheets', { count: wb.SheetNames.length, limit: limits.maxSheets }));
  }
  const fonts = (wb as { Styles?: { Fonts?: { name?: string }[] } }).Styles?.Fonts ?? [];
  const legacyFonts = {
    tcvn3: fonts.some((f) => /^\.vn/i.test(f.name ?? '')),
    vni: fonts.some((f) => /^vni[- ]/i.test(f.name ?? '')),
    allCaps: fonts.some((f) => /^\.vn\w*h$/i.test(f.name ?? '')),
  };
  const budget = { cells: limits.maxCells };
  const fontsBySheet = legacyFonts.tcvn3 || legacyFonts.vni ? legacyFontsBySheet(bytes, wb, limits.maxEntryBytes) : new Map<string, FontAt>();
  const sheets: SheetGrid[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const hidden = Number(wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const shown = withoutNul(name);
    sheets.push(toGrid(shown, hidden, ws, budget, limits, fontsBySheet.get(name)));
    if (Date.now() - started > limits.maxMillis) {
      throw new ImportFailure('too-slow', message('refused.too-slow-sheet', { seconds: limits.maxMillis / 1000 }), shown);
    }
  });
  decodeByWorkbookHint(sheets);
  return { sheets, date1904: Boolean(wb.Workbook?.WBProps?.date1904), legacyFonts };
}

function csvText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Short legacy words ("Tæ", "Kݪp næ") read as plausibly either way, so shape alone leaves them.
 * Where a workbook's other cells were clearly in one legacy encoding (and none in the other),
 * its remaining Latin-1 cells are read as that encoding too, unless they make sense as Unicode.
 */
function decodeByWorkbookHint(sheets: SheetGrid[]): void {
  const counts = { tcvn3: 0, vni: 0 };
  for (const s of sheets) for (const row of s.rows) for (const c of row ?? []) if (c?.legacy) counts[c.legacy]++;
  const encoding = counts.tcvn3 >= 3 && counts.vni === 0 ? 'tcvn3' : counts.vni >= 3 && counts.tcvn3 === 0 ? 'vni' : null;
  if (!encoding) return;
  const font = encoding === 'tcvn3' ? '.VnTime' : 'VNI-Times';
  for (const s of sheets) for (const row of s.rows) for (const c of row ?? []) {
    if (!c || c.legacy || typeof c.v !== 'string' || !/[\u00a1-\u00ff]/.test(c.raw)) continue;
    const d = decodeWithFont(c.raw, font);
    if (d.encoding) { c.v = d.text; c.legacy = d.encoding; }
  }
}

function toGrid(name: string, hidden: boolean, ws: WorkSheet, budget: { cells: number }, limits: ImportLimits, fontAt?: FontAt): SheetGrid {
  const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  if (merges.length > limits.maxMerges) {
    throw new ImportFailure('too-many-merges', message('refused.too-many-merges', { count: merges.length, limit: limits.maxMerges }), name);
  }
  const hiddenRows = new Set<number>();
  (ws['!rows'] ?? []).forEach((row, r) => { if (row?.hidden) hiddenRows.add(r); });
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const out: (GridCell | undefined)[] = [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell) continue;
      const g = toCell(cell, fontAt?.(r, c));
      if (!g) continue;
      if (--budget.cells < 0) {
        throw new ImportFailure('too-many-cells', message('refused.too-many-cells', { limit: limits.maxCells }), name, addressOf(r, c));
      }
      out[c] = g;
    }
    rows[r] = out;
  }
  return { name, hidden, rows, merges, hiddenRows };
}

function toCell(cell: CellObject, font: string | undefined): GridCell | undefined {
  const formula = cell.f ? { formula: withoutNul(cell.f) } : {};
  // SheetJS gives a formula with no cached result as type 'z' with v = 0: that is not a zero.
  if (cell.f && (cell.t === 'z' || cell.v === undefined)) return { v: null, raw: '', ...formula, error: 'no-cached-value' };
  switch (cell.t) {
    case 'n': {
      // A number cell holding NaN or beyond a double (<v>NaN</v>, <v>1e309</v>) is the error Excel shows for it, not a figure:
      // SQLite stored NaN as NULL and refused the file, PostgreSQL kept NaN, and an infinity broke every sum.
      const v = cell.v as number;
      if (!Number.isFinite(v)) { const shown = Number.isNaN(v) ? '#NUM!' : '#DIV/0!'; return { v: null, raw: shown, ...formula, error: shown }; }
      return { v, raw: withoutNul(cell.w ?? String(cell.v)), ...formula };
    }
    case 's': {
      const typed = withoutNul(String(cell.v ?? ''));
      const decoded = font ? decodeWithFont(typed, font) : decode(typed);
      return { v: decoded.text, raw: typed, ...formula, ...(decoded.encoding ? { legacy: decoded.encoding } : {}) };
    }
    case 'b':
      return { v: Boolean(cell.v), raw: String(cell.v), ...formula };
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const iso = Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
      const shown = cell.w === undefined ? undefined : withoutNul(cell.w);
      return { v: shown ?? iso ?? null, raw: shown ?? String(cell.v), ...formula, ...(iso ? { date: iso } : {}) };
    }
    case 'e':
      return { v: null, raw: cell.w ?? '#ERR', ...formula, error: cell.w ?? '#ERR' };
    default:
      return undefined;
  }
}
