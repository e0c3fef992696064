import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import {
  DEFAULT_ZIP_LIMITS,
  checkXmlSafety,
  inspectZip,
  peekZipEntryText,
  readZipDirectory,
  readZipEntryText,
  type ZipInspection,
} from '../../../main/core/file/zip-guard';
import {
  entityBombXml,
  findCentralHeader,
  makeEmptyWorkbook,
  makeEntityBombXlsx,
  makeManyEntriesZip,
  makeSheetJsWorkbook,
  makeTruncatedZip,
  makeXlsxWithFormulaNoCache,
  makeZipWithEntries,
  markEntryEncrypted,
  patchCentralField,
  patchDeclaredSize,
  patchDirectoryOffset,
} from '../../fixtures/make-bad-files';

const SAMPLES = '/work/shared/samples/returns-2023';
const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort().slice(0, 4) : [];
const MB = 1024 * 1024;
const SHEET1 = 'xl/worksheets/sheet1.xml';

function codeOf(r: ZipInspection): string {
  return r.ok ? 'ok' : r.code;
}

function entryNames(r: ZipInspection): string[] {
  return r.ok ? r.entries.map((e) => e.name) : [];
}

async function excelJsXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['Chỉ tiêu', 'Số vụ']);
  ws.addRow(['Trộm cắp', 12]);
  ws.mergeCells('A3:B3');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('inspectZip on real workbooks', () => {
  it('accepts a SheetJS xlsx and lists its parts with sizes', () => {
    const r = inspectZip(makeSheetJsWorkbook());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sheet = r.entries.find((e) => e.name === SHEET1);
    expect(sheet).toMatchObject({ method: 8, encrypted: false });
    expect(sheet!.uncompressedSize).toBeGreaterThan(sheet!.compressedSize);
    expect(entryNames(r)).toContain('[Content_Types].xml');
  });

  it('accepts an exceljs xlsx', async () => {
    expect(entryNames(inspectZip(await excelJsXlsx()))).toContain('xl/workbook.xml');
  });

  it('accepts SheetJS xlsb and ods packages', () => {
    expect(entryNames(inspectZip(makeSheetJsWorkbook('xlsb')))).toContain('xl/workbook.bin');
    expect(entryNames(inspectZip(makeSheetJsWorkbook('ods')))).toContain('content.xml');
  });

  it.skipIf(samples.length === 0)('accepts sample returns and their workbook.xml is DTD-free', () => {
    for (const f of samples) {
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, f)));
      expect(codeOf(inspectZip(bytes)), f).toBe('ok');
      const wbXml = readZipEntryText(bytes, 'xl/workbook.xml', MB);
      expect(wbXml, f).toContain('<sheets>');
      expect(checkXmlSafety(wbXml ?? '').ok, f).toBe(true);
    }
  });

  it('accepts an empty zip (end record only)', () => {
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expect(inspectZip(empty)).toEqual({ ok: true, entries: [] });
  });

  it('reads ZIP64 end records and extra fields', () => {
    const zip = makeZipWithEntries([{ name: 'a.txt', data: 'hello' }, { name: 'b.txt', data: 'world'.repeat(100) }], { zip64: true });
    const r = inspectZip(zip);
    expect(r.ok && r.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([['a.txt', 5], ['b.txt', 500]]);
    expect(readZipEntryText(zip, 'b.txt', 1000)).toBe('world'.repeat(100));
  });
});

describe('inspectZip on damaged zips', () => {
  const xlsx = makeSheetJsWorkbook();

  it('reports an xlsx cut in half as truncated', () => {
    expect(codeOf(inspectZip(makeTruncatedZip(xlsx)))).toBe('zip-truncated');
  });

  it('reports a missing end record as truncated', () => {
    expect(codeOf(inspectZip(xlsx.slice(0, xlsx.length - 10)))).toBe('zip-truncated');
    expect(codeOf(inspectZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04])))).toBe('zip-truncated');
  });

  it('reports a directory pointing past the end as truncated', () => {
    expect(codeOf(inspectZip(patchDirectoryOffset(xlsx, xlsx.length - 30)))).toBe('zip-truncated');
  });

  it('reports an entry whose local header is not at its offset as truncated', () => {
    expect(codeOf(inspectZip(patchCentralField(xlsx, SHEET1, 42, 7)))).toBe('zip-truncated');
    expect(codeOf(inspectZip(patchCentralField(xlsx, SHEET1, 42, xlsx.length + 100)))).toBe('zip-truncated');
  });

  it('reports an entry whose data runs past the end as truncated', () => {
    expect(codeOf(inspectZip(patchCentralField(xlsx, SHEET1, 20, 50 * MB)))).toBe('zip-truncated');
  });

  it('does not read outside the buffer on random bytes after a PK header', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 131) & 0xff);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    expect(codeOf(inspectZip(junk))).toBe('zip-truncated');
  });
});

describe('inspectZip limits', () => {
  const xlsx = makeSheetJsWorkbook();

  it('uses the documented defaults', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({ maxEntries: 10_000, maxTotalUncompressed: 300 * MB, maxEntryUncompressed: 200 * MB, maxRatio: 200 });
  });

  it('refuses an entry whose declared size is huge', () => {
    const r = inspectZip(patchDeclaredSize(xlsx, SHEET1, 0xfffffff0));
    expect(codeOf(r)).toBe('zip-too-large');
    expect(!r.ok && r.detail).toContain(SHEET1);
  });

  it('refuses entries whose declared sizes add up past the total', () => {
    const zip = makeZipWithEntries([1, 2, 3].map((i) => ({ name: `p${i}.xml`, data: 'a'.repeat(100_000) })));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 250_000 };
    expect(codeOf(inspectZip(zip, limits))).toBe('zip-too-large');
    expect(codeOf(inspectZip(zip))).toBe('ok');
  });

  it('refuses a declared expansion ratio above the limit, but only beyond 1 MB', () => {
    expect(codeOf(inspectZip(patchDeclaredSize(xlsx, SHEET1, 50 * MB)))).toBe('zip-ratio');
    const zeros = (n: number) => makeZipWithEntries([{ name: 'z.xml', data: new Uint8Array(n) }]);
    expect(codeOf(inspectZip(zeros(2 * MB)))).toBe('zip-ratio');
    expect(codeOf(inspectZip(zeros(900 * 1024)))).toBe('ok');
  });

  it('refuses more entries than allowed, before walking the directory', () => {
    expect(codeOf(inspectZip(makeManyEntriesZip(10_001)))).toBe('zip-too-many-entries');
    expect(codeOf(inspectZip(makeManyEntriesZip(6), { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 }))).toBe('zip-too-many-entries');
    expect(codeOf(inspectZip(makeManyEntriesZip(5), { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 }))).toBe('ok');
  });

  it('refuses an encrypted entry', () => {
    const r = inspectZip(markEntryEncrypted(xlsx, SHEET1));
    expect(codeOf(r)).toBe('zip-encrypted-entry');
  });

  it('readZipDirectory lists entries without applying size limits', () => {
    const r = readZipDirectory(patchDeclaredSize(xlsx, SHEET1, 0xfffffff0));
    expect(r.ok && r.entries.find((e) => e.name === SHEET1)?.uncompressedSize).toBe(0xfffffff0);
  });
});

describe('readZipEntryText / peekZipEntryText', () => {
  const xlsx = makeSheetJsWorkbook();

  it('reads a small part and returns null for a missing one', () => {
    expect(readZipEntryText(xlsx, '[Content_Types].xml', MB)).toContain('<Types');
    expect(readZipEntryText(xlsx, '[content_types].XML', MB)).toContain('<Types'); // OPC names are case-insensitive
    expect(readZipEntryText(xlsx, 'xl/nothing.xml', MB)).toBeNull();
  });

  it('reads stored entries', () => {
    const zip = makeZipWithEntries([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }]);
    expect(readZipEntryText(zip, 'mimetype', 100)).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(() => readZipEntryText(zip, 'mimetype', 10)).toThrow(/larger than 10 bytes/);
  });

  it('throws a clear error when a part inflates past maxBytes', () => {
    expect(() => readZipEntryText(xlsx, SHEET1, 100)).toThrow(/"xl\/worksheets\/sheet1\.xml" is larger than 100 bytes/);
  });

  it('caps real output even when the declared size lies (zip bomb under 1 MB declared)', () => {
    const bomb = patchDeclaredSize(makeZipWithEntries([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(50 * MB) }]), SHEET1, 900_000);
    expect(codeOf(inspectZip(bomb))).toBe('ok'); // the directory looks harmless...
    expect(() => readZipEntryText(bomb, SHEET1, MB)).toThrow(/larger than/); // ...but inflation is capped
  });

  it('throws on an encrypted entry', () => {
    expect(() => readZipEntryText(markEntryEncrypted(xlsx, SHEET1), SHEET1, MB)).toThrow(/encrypted/);
  });

  it('decodes a UTF-16 part with BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<a>ồ</a>', 'utf16le')]);
    expect(readZipEntryText(makeZipWithEntries([{ name: 'p.xml', data: utf16 }]), 'p.xml', 100)).toBe('<a>ồ</a>');
  });

  it('peeks at the start of a huge part without inflating it all', () => {
    const big = '<office:document-content><office:body><office:spreadsheet>' + ' '.repeat(20 * MB);
    const zip = makeZipWithEntries([{ name: 'content.xml', data: big }]);
    const head = peekZipEntryText(zip, 'content.xml', 64 * 1024);
    expect(head?.startsWith('<office:document-content>')).toBe(true);
    expect(head!.length).toBeLessThanOrEqual(64 * 1024);
    expect(peekZipEntryText(zip, 'absent.xml', 1024)).toBeNull();
  });
});

describe('checkXmlSafety', () => {
  it('accepts ordinary OOXML parts', () => {
    const xlsx = makeSheetJsWorkbook();
    expect(checkXmlSafety(readZipEntryText(xlsx, SHEET1, MB) ?? '')).toEqual({ ok: true });
    expect(checkXmlSafety('<t>a &lt;!DOCTYPE b&gt;</t>')).toEqual({ ok: true }); // escaped text is harmless
  });

  it('refuses the billion-laughs entity bomb', () => {
    const r = checkXmlSafety(entityBombXml());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('xml-doctype');
  });

  it('refuses a lone ENTITY declaration and a lower-case doctype', () => {
    expect(checkXmlSafety('<!ENTITY x SYSTEM "file:///etc/passwd">').ok).toBe(false);
    expect(checkXmlSafety('<?xml version="1.0"?><!doctype x><x/>').ok).toBe(false);
  });

  it('catches the bomb inside an xlsx whose directory looks harmless', () => {
    const bomb = makeEntityBombXlsx();
    expect(codeOf(inspectZip(bomb))).toBe('ok');
    const xml = readZipEntryText(bomb, SHEET1, MB) ?? '';
    expect(xml).toContain('<!ENTITY l9');
    expect(checkXmlSafety(xml)).toMatchObject({ ok: false, code: 'xml-doctype' });
  });
});

describe('fixture builders', () => {
  it('builds an xlsx with a formula that has no cached value', () => {
    const bytes = makeXlsxWithFormulaNoCache();
    expect(readZipEntryText(bytes, SHEET1, MB)).toContain('<c r="D5"><f>SUM(D1:D4)</f></c>');
    // SheetJS drops a value-less cell unless asked for stubs; then it is a 'z' (empty) cell with its formula.
    expect(XLSX.read(bytes, { type: 'buffer' }).Sheets['Sheet1']!['D5']).toBeUndefined();
    const ws = XLSX.read(bytes, { type: 'buffer', cellFormula: true, sheetStubs: true }).Sheets['Sheet1']!;
    expect(ws['D4']?.v).toBe(4);
    expect(ws['D5']).toMatchObject({ t: 'z', f: 'SUM(D1:D4)' });
  });

  it('builds a workbook with one sheet and no cells', () => {
    const wb = XLSX.read(makeEmptyWorkbook(), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Sheet1']);
    expect(Object.keys(wb.Sheets['Sheet1']!).filter((k) => !k.startsWith('!'))).toEqual([]);
  });

  it('writes zips that inflate back to their input', () => {
    const data = 'Báo cáo '.repeat(1000);
    const zip = makeZipWithEntries([{ name: 'a/ư.txt', data }]);
    expect(readZipEntryText(zip, 'a/ư.txt', MB)).toBe(data);
    expect(findCentralHeader(zip, 'a/ư.txt')).toBeGreaterThan(0);
  });
});
