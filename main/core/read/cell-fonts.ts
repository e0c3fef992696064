/**
 * Which legacy font each cell of an .xlsx uses. SheetJS does not give a cell's font, and a TCVN3 or
 * VNI font is what says how the cell's bytes are to be read, so for workbooks that declare such a
 * font the sheet XML is scanned once for the style of each cell. Other workbooks skip this.
 */
import { columnIndex } from '../../../shared/cell-address';
import type { WorkBook } from '@e965/xlsx';
import { readZipEntryText } from '../file/zip-guard';

export type FontAt = (r: number, c: number) => string | undefined;

interface Styles { Fonts?: { name?: string }[]; CellXf?: { fontId?: number }[] }

const LEGACY_FONT = /^(\.vn|vni[- ])/i;

export function legacyFontsBySheet(bytes: Uint8Array, wb: WorkBook, maxBytes: number): Map<string, FontAt> {
  const styles = (wb as { Styles?: Styles }).Styles;
  const paths = (wb as { Directory?: { sheets?: string[] } }).Directory?.sheets ?? [];
  const fontOfStyle = (styles?.CellXf ?? []).map((xf) => styles?.Fonts?.[xf.fontId ?? 0]?.name);
  const out = new Map<string, FontAt>();
  if (!fontOfStyle.some((f) => f && LEGACY_FONT.test(f))) return out;
  wb.SheetNames.forEach((name, i) => {
    const part = paths[i]?.replace(/^\//, '');
    const xml = part ? readZipEntryText(bytes, part, maxBytes) : null;
    if (!xml) return;
    const fonts = new Map<string, string>();
    for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)\/?>/g)) {
      const s = /\ss="(\d+)"/.exec(m[3]!);
      const font = s ? fontOfStyle[Number(s[1])] : undefined;
      if (font && LEGACY_FONT.test(font)) fonts.set(`${Number(m[2]) - 1},${columnIndex(m[1]!)}`, font);
    }
    out.set(name, (r, c) => fonts.get(`${r},${c}`));
  });
  return out;
}
