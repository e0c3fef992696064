import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sniffFile } from '../../../main/core/file/sniff';
import { readZipDirectory } from '../../../main/core/file/zip-guard';
import {
  CFB,
  bigRows,
  makeEncryptedOoxml,
  makeEntityBombXlsx,
  makePasswordXls,
  makeSheetJsWorkbook,
  makeTruncatedZip,
  makeZipWithEntries,
  pseudoRandomBytes,
  removeZipEntry,
} from '../../fixtures/make-bad-files';

const SAMPLES = '/work/shared/samples/returns-2023';
const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort().slice(0, 4) : [];
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;

const utf8 = (s: string) => new TextEncoder().encode(s);
const kindOf = (bytes: Uint8Array) => sniffFile(bytes).kind;

describe('sniffFile: spreadsheet packages (ZIP)', () => {
  it('recognises an xlsx written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Báo cáo').addRow(['Chỉ tiêu', 1]);
    expect(sniffFile(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual({ kind: 'xlsx' });
  });

  it('recognises an xlsx written by SheetJS (whose content types list macro types as Defaults)', () => {
    expect(sniffFile(makeSheetJsWorkbook('xlsx'))).toEqual({ kind: 'xlsx' });
  });

  it.skipIf(samples.length === 0)('recognises the sample returns as xlsx', () => {
    for (const f of samples) expect(kindOf(new Uint8Array(readFileSync(join(SAMPLES, f)))), f).toBe('xlsx');
  });

  it('recognises xlsm by its workbook content type or by a vbaProject.bin', () => {
    expect(kindOf(makeSheetJsWorkbook('xlsm'))).toBe('xlsm');
    const withVba = makeZipWithEntries([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/vbaProject.bin', data: new Uint8Array(16) },
    ]);
    expect(sniffFile(withVba)).toEqual({ kind: 'xlsm', detail: 'contains xl/vbaProject.bin' });
  });

  it('recognises xlsb and ods written by SheetJS', () => {
    expect(kindOf(makeSheetJsWorkbook('xlsb'))).toBe('xlsb');
    expect(kindOf(makeSheetJsWorkbook('ods'))).toBe('ods');
  });

  it('recognises ods from the manifest or content.xml when the mimetype entry is missing', () => {
    const noMime = removeZipEntry(makeSheetJsWorkbook('ods'), 'mimetype');
    expect(kindOf(noMime)).toBe('ods');
    const bare = makeZipWithEntries([{ name: 'content.xml', data: '<office:document-content><office:body><office:spreadsheet>' }]);
    expect(kindOf(bare)).toBe('ods');
  });

  it('reports other OpenDocument files as zip', () => {
    const odt = makeZipWithEntries([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 }]);
    expect(sniffFile(odt)).toEqual({ kind: 'zip', detail: 'OpenDocument (application/vnd.oasis.opendocument.text)' });
  });

  it('recognises Numbers, docx, an OOXML package at a non-standard path, and a plain zip', () => {
    expect(kindOf(makeZipWithEntries([{ name: 'Index/Document.iwa', data: new Uint8Array(8) }]))).toBe('numbers');
    expect(kindOf(makeZipWithEntries([{ name: 'word/document.xml', data: '<w:document/>' }]))).toBe('docx');
    const odd = makeZipWithEntries([
      { name: '[Content_Types].xml', data: '<Types><Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' },
      { name: 'book/main.xml', data: '<workbook/>' },
    ]);
    expect(sniffFile(odd)).toEqual({ kind: 'xlsx', detail: 'by content type' });
    expect(kindOf(makeZipWithEntries([{ name: 'report.txt', data: 'hello' }]))).toBe('zip');
  });

  it('recognises an empty zip as zip', () => {
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expect(sniffFile(empty)).toEqual({ kind: 'zip' });
  });

  it('reports a truncated xlsx as a zip carrying the zip-truncated code', () => {
    const r = sniffFile(makeTruncatedZip(makeSheetJsWorkbook()));
    expect(r.kind).toBe('zip');
    expect(r.detail).toMatch(/^zip-truncated: /);
  });

  it('classifies an entity-bomb xlsx by names only (the bomb is zip-guard’s job)', () => {
    expect(kindOf(makeEntityBombXlsx())).toBe('xlsx');
  });

  it('uses entry names passed in by the caller instead of re-reading the directory', () => {
    const xlsx = makeSheetJsWorkbook();
    const dir = readZipDirectory(xlsx);
    expect(sniffFile(xlsx, dir.ok ? dir.entries.map((e) => e.name) : [])).toEqual({ kind: 'xlsx' });
    expect(kindOf(makeTruncatedZip(xlsx))).toBe('zip');
    expect(sniffFile(makeTruncatedZip(xlsx), ['xl/workbook.bin']).kind).toBe('xlsb');
  });
});

describe('sniffFile: OLE2 compound files', () => {
  it('recognises BIFF8 and BIFF5 xls written by SheetJS', () => {
    expect(sniffFile(makeSheetJsWorkbook('biff8'))).toEqual({ kind: 'xls', detail: 'BIFF8' });
    expect(sniffFile(makeSheetJsWorkbook('biff5'))).toEqual({ kind: 'xls', detail: 'BIFF5' });
  });

  it('recognises an xls whose Workbook stream is outside the mini stream (> 4 KB)', () => {
    const xls = makeSheetJsWorkbook('biff8', bigRows());
    const cfb = CFB.read(xls, { type: 'buffer' });
    expect(CFB.find(cfb, 'Workbook')!.content.length).toBeGreaterThan(4096);
    expect(kindOf(xls)).toBe('xls');
  });

  it('recognises a bare BIFF2 worksheet', () => {
    expect(sniffFile(makeSheetJsWorkbook('biff2')).kind).toBe('xls');
  });

  it('reports an encrypted OOXML container (password-protected xlsx) as encrypted', () => {
    const r = sniffFile(makeEncryptedOoxml());
    expect(r.kind).toBe('encrypted');
    expect(r.detail).toMatch(/OOXML/);
  });

  it('reports an xls with a FILEPASS record as encrypted, in the mini stream and in regular sectors', () => {
    for (const xls of [makePasswordXls(), makePasswordXls(bigRows())]) {
      expect(sniffFile(xls)).toEqual({ kind: 'encrypted', detail: 'password-protected xls (FILEPASS record)' });
    }
  });

  it('recognises a doc and leaves other compound files unknown', () => {
    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, 'WordDocument', new Uint8Array(600));
    expect(kindOf(new Uint8Array(CFB.write(doc, { type: 'buffer' })))).toBe('doc');
    const other = CFB.utils.cfb_new();
    CFB.utils.cfb_add(other, 'PowerPoint Document', new Uint8Array(600));
    expect(kindOf(new Uint8Array(CFB.write(other, { type: 'buffer' })))).toBe('unknown');
  });

  it('terminates on a cyclic FAT and on a short damaged compound file', () => {
    const xls = makeSheetJsWorkbook('biff8').slice();
    const dv = new DataView(xls.buffer);
    const fatAt = (dv.getUint32(0x4c, true) + 1) * 512;
    const dirStart = dv.getUint32(0x30, true);
    dv.setUint32(fatAt + dirStart * 4, dirStart, true); // directory chain points to itself
    expect(kindOf(xls)).toBe('xls');
    expect(sniffFile(xls.slice(0, 300))).toEqual({ kind: 'unknown', detail: 'damaged OLE2 compound file' });
  });
});

describe('sniffFile: text formats', () => {
  it('recognises comma- and semicolon-separated CSV, quoted fields included', () => {
    expect(sniffFile(utf8('Đơn vị,Số vụ,Ghi chú\nCA Quận 1,12,\nCA Quận 3,4,"a, b"\n'))).toEqual({ kind: 'csv', detail: 'comma-separated, utf-8' });
    const semi = 'Đơn vị;Số vụ;Ghi chú\r\nCA Quận 1;12;"x; y\r\nz"\r\nCA Quận 3;4;\r\n';
    expect(sniffFile(utf8(semi)).detail).toBe('semicolon-separated, utf-8');
  });

  it('recognises a CSV with a title line and a BOM', () => {
    const csv = '\uFEFFBÁO CÁO SỐ LIỆU THÁNG 1\n\nA,B,C\n1,2,3\n4,5,6\n7,8,9\n';
    expect(sniffFile(utf8(csv)).kind).toBe('csv');
  });

  it('recognises tab-separated UTF-16LE text with BOM (Excel "Unicode text")', () => {
    const body = Buffer.from('Đơn vị\tSố vụ\r\nCA Quận 1\t12\r\nCA Quận 3\t4\r\n', 'utf16le');
    expect(sniffFile(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ kind: 'csv', detail: 'tab-separated, utf-16le' });
  });

  it('recognises a CSV larger than the 64 KB sample (last partial line ignored)', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `CA Phường ${i},${i},${i * 3}`).join('\n');
    expect(kindOf(utf8(`Đơn vị,Số vụ,Số người\n${rows}\n`))).toBe('csv');
  });

  it('accepts legacy 8-bit CSV (not UTF-8) as csv', () => {
    const cp1258 = new Uint8Array([...utf8('Don vi,So vu\n'), 0x43, 0xd2, 0x41, 0x2c, 0x31, 0x32, 0x0a, 0x44, 0xc3, 0x2c, 0x33, 0x0a]);
    expect(sniffFile(cp1258)).toEqual({ kind: 'csv', detail: 'comma-separated, 8-bit (not UTF-8)' });
  });

  it('recognises prose as text', () => {
    const prose = 'Kính gửi: Phòng Tham mưu,\nĐơn vị xin gửi báo cáo tháng 1.\nTrân trọng, kính chào.\nNgười lập biểu\n';
    expect(sniffFile(utf8(prose))).toEqual({ kind: 'text', detail: 'utf-8' });
  });

  it('recognises HTML after BOM/whitespace, case-insensitively, including Excel "web page" xls', () => {
    expect(kindOf(utf8('<!DOCTYPE html><html><body><table></table></body></html>'))).toBe('html');
    expect(kindOf(utf8('\uFEFF  \r\n<HTML><BODY>x</BODY></HTML>'))).toBe('html');
    expect(kindOf(utf8('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'))).toBe('html');
    expect(kindOf(utf8('<table border=1><tr><td>a,b</td></tr></table>'))).toBe('html');
  });

  it('reports zero bytes and whitespace-only files as empty', () => {
    expect(sniffFile(new Uint8Array())).toEqual({ kind: 'empty' });
    expect(sniffFile(utf8(' \r\n\t\n'))).toEqual({ kind: 'empty', detail: 'whitespace only' });
  });
});

describe('sniffFile: other binaries', () => {
  it('recognises a PDF header', () => {
    expect(kindOf(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'))).toBe('pdf');
  });

  it('recognises PNG, JPEG and GIF', () => {
    expect(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ kind: 'image', detail: 'png' });
    expect(sniffFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({ kind: 'image', detail: 'jpeg' });
    expect(sniffFile(utf8('GIF89a\u0001\u0000'))).toEqual({ kind: 'image', detail: 'gif' });
  });

  it('reports random bytes as unknown', () => {
    expect(sniffFile(pseudoRandomBytes(100_000))).toEqual({ kind: 'unknown' });
    expect(sniffFile(pseudoRandomBytes(7, 42))).toEqual({ kind: 'unknown' });
  });

  it('names other archives in the detail of unknown', () => {
    expect(sniffFile(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toEqual({ kind: 'unknown', detail: 'gzip' });
  });

  it('ignores the file extension entirely (an xls saved with an .xlsx name is still xls)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sniff-'));
    try {
      const path = join(dir, 'BC_T01_2023_999.xlsx');
      writeFileSync(path, makeSheetJsWorkbook('biff8'));
      expect(kindOf(new Uint8Array(readFileSync(path)))).toBe('xls');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sniffFile: LibreOffice output', () => {
  it.skipIf(!hasSoffice)('recognises ods and xls converted by soffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sniff-soffice-'));
    try {
      const src = join(dir, 'bao-cao.xlsx');
      writeFileSync(src, makeSheetJsWorkbook('xlsx', bigRows(50)));
      // A private profile, so a concurrently running LibreOffice cannot block the conversion.
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      for (const format of ['ods', 'xls']) {
        execFileSync('soffice', [profile, '--headless', '--convert-to', format, '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
      }
      expect(kindOf(new Uint8Array(readFileSync(join(dir, 'bao-cao.ods'))))).toBe('ods');
      expect(sniffFile(new Uint8Array(readFileSync(join(dir, 'bao-cao.xls'))))).toEqual({ kind: 'xls', detail: 'BIFF8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
