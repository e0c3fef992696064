/**
 * Limits that bound memory, not only time: before the parser builds anything, the shared strings,
 * each sheet's cells and merged ranges are counted in the inflated XML (inflation itself capped,
 * whatever sizes the zip declares). A workbook over a limit is refused naming the file and sheet.
 * OOXML parts only (xlsx, xlsm); other kinds rely on the reader thread's heap cap.
 */
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { readZipDirectory, readZipEntryBytes, readZipEntryText } from './zip-guard';

const SHARED_STRINGS = /^xl\/sharedStrings\d*\.xml$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const MB = 1024 * 1024;

/** Occurrences of an element's start tag, with or without a namespace prefix. */
export function countTags(xml: string, tag: string): number {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g');
  let n = 0;
  while (re.exec(xml)) n++;
  return n;
}

/** The inflated part as one-byte text (tags are ASCII), or a refusal when it is over `max` bytes. */
function partText(bytes: Uint8Array, name: string, max: number, refuse: () => ImportFailure): string | null {
  let data: Uint8Array | null;
  try {
    data = readZipEntryBytes(bytes, name, max);
  } catch (err) {
    if (/too large|maxOutputLength|larger than/i.test((err as Error).message)) throw refuse();
    return null; // damage is the parser's to report, in its own words
  }
  return data === null ? null : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
}

/** Part name -> sheet name, from workbook.xml and its relationships (names only, for messages). */
function sheetNames(bytes: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const wb = readZipEntryText(bytes, 'xl/workbook.xml', 4 * MB) ?? '';
    const rels = readZipEntryText(bytes, 'xl/_rels/workbook.xml.rels', 4 * MB) ?? '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
    }
    for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
      const part = id ? targets.get(id) : undefined;
      if (name !== undefined && part) names.set(part.toLowerCase(), name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    }
  } catch { /* names are for messages only */ }
  return names;
}

const n = (x: number) => x.toLocaleString('vi-VN');

export function checkPartCounts(bytes: Uint8Array, limits: ImportLimits): void {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return;
  // 1. Shared strings: every string the parser would build, counted before it builds one.
  for (const e of dir.entries.filter((x) => SHARED_STRINGS.test(x.name))) {
    const tooBig = () => new ImportFailure('too-many-strings', `bảng chữ dùng chung của tệp (${e.name}) lớn hơn ${n(limits.maxSharedStringsBytes / MB)} MB, vượt xa một báo cáo; không đọc tệp này`);
    const xml = partText(bytes, e.name, limits.maxSharedStringsBytes, tooBig);
    if (xml === null) continue;
    const strings = countTags(xml, 'si');
    if (strings > limits.maxSharedStrings) {
      throw new ImportFailure('too-many-strings', `tệp có ${n(strings)} chuỗi chữ dùng chung, vượt giới hạn ${n(limits.maxSharedStrings)}; không đọc tệp này`);
    }
  }
  // 2. Each sheet: its cells and merged ranges, and the workbook's cells in all.
  const names = sheetNames(bytes);
  let total = 0;
  for (const e of dir.entries.filter((x) => WORKSHEET.test(x.name))) {
    const sheet = names.get(e.name.toLowerCase()) ?? e.name;
    const tooBig = () => new ImportFailure('too-many-cells', `trang tính lớn hơn ${n(limits.maxSheetXmlBytes / MB)} MB khi giải nén, vượt xa một báo cáo; không đọc tệp này`, sheet);
    const xml = partText(bytes, e.name, limits.maxSheetXmlBytes, tooBig);
    if (xml === null) continue;
    const cells = countTags(xml, 'c');
    if (cells > limits.maxCellsPerSheet) throw new ImportFailure('too-many-cells', `trang có ${n(cells)} ô, vượt giới hạn ${n(limits.maxCellsPerSheet)} ô một trang; không đọc tệp này`, sheet);
    const merges = countTags(xml, 'mergeCell');
    if (merges > limits.maxMerges) throw new ImportFailure('too-many-merges', `trang có ${n(merges)} vùng gộp ô, vượt giới hạn ${n(limits.maxMerges)}`, sheet);
    total += cells;
    if (total > limits.maxCells) throw new ImportFailure('too-many-cells', `tệp có hơn ${n(limits.maxCells)} ô dữ liệu (giới hạn cả tệp)`, sheet);
  }
}
