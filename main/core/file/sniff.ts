/**
 * Decides what an imported file is from its bytes alone (extensions lie: units
 * rename .xls to .xlsx, save HTML as .xls, send PDFs). Everything here is
 * bounded: only headers, directories and the first 64 KB are looked at.
 */
import { peekZipEntryText, readZipDirectory, readZipEntryText } from './zip-guard';

export type FileKind =
  | 'xlsx'
  | 'xlsm'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'numbers'
  | 'encrypted'
  | 'csv'
  | 'text'
  | 'html'
  | 'pdf'
  | 'docx'
  | 'doc'
  | 'zip'
  | 'image'
  | 'empty'
  | 'unknown';

export interface SniffResult {
  kind: FileKind;
  detail?: string;
}

const TEXT_SAMPLE = 64 * 1024;
const SMALL_PART = 1024 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

// ---------------------------------------------------------------- ZIP family

function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

type PartReader = (name: string) => string | null;

function safeReader(bytes: Uint8Array): PartReader {
  return (name) => {
    try {
      return readZipEntryText(bytes, name, SMALL_PART);
    } catch {
      return null; // unreadable part: classify on names only
    }
  };
}

function odfMimeType(names: ReadonlySet<string>, bytes: Uint8Array, read: PartReader): string | null {
  const direct = names.has('mimetype') ? read('mimetype')?.trim() : undefined;
  if (direct?.startsWith('application/vnd.oasis.opendocument.')) return direct;
  const manifest = names.has('meta-inf/manifest.xml') ? read('META-INF/manifest.xml') : null;
  const root = manifest ? /<manifest:file-entry\b[^>]*manifest:full-path="\/"[^>]*>/.exec(manifest) : null;
  const rootType = root ? /manifest:media-type="([^"]+)"/.exec(root[0])?.[1] : undefined;
  if (rootType) return rootType;
  if (!names.has('content.xml')) return null;
  const head = peekZipEntryText(bytes, 'content.xml', SMALL_PART) ?? '';
  if (/<office:spreadsheet[\s>]/.test(head)) return 'application/vnd.oasis.opendocument.spreadsheet';
  return head.includes('<office:document-content') ? 'application/vnd.oasis.opendocument' : null;
}

/** Override content types by lower-cased part name (Defaults only map extensions, and SheetJS lists macro types there). */
function overrideTypes(ct: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of ct.matchAll(/<Override\b[^>]*>/g)) {
    const part = /PartName="([^"]+)"/.exec(m[0])?.[1];
    const type = /ContentType="([^"]+)"/.exec(m[0])?.[1];
    if (part && type) out.set(normalizePartName(part), type);
  }
  return out;
}

const MAIN_PART_TYPES: ReadonlyArray<{ re: RegExp; kind: FileKind }> = [
  { re: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml$/, kind: 'xlsx' },
  { re: /^application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/i, kind: 'xlsm' },
  { re: /^application\/vnd\.ms-excel\.sheet\.binary\.macroEnabled\.main$/i, kind: 'xlsb' },
  { re: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml$/, kind: 'docx' },
];

/** For packages whose main part is not at the usual xl/ or word/ path. */
function kindFromContentTypes(ct: string): SniffResult | null {
  for (const type of overrideTypes(ct).values()) {
    const hit = MAIN_PART_TYPES.find((t) => t.re.test(type));
    if (hit) return { kind: hit.kind, detail: 'by content type' };
  }
  return null;
}

function classifyXlsx(names: ReadonlySet<string>, read: PartReader): SniffResult {
  if (names.has('xl/vbaproject.bin')) return { kind: 'xlsm', detail: 'contains xl/vbaProject.bin' };
  const ct = names.has('[content_types].xml') ? read('[Content_Types].xml') : null;
  const main = ct ? overrideTypes(ct).get('xl/workbook.xml') : undefined;
  if (main && /macroEnabled/i.test(main)) return { kind: 'xlsm', detail: 'macro-enabled workbook content type' };
  return { kind: 'xlsx' };
}

function classifyZip(entryNames: readonly string[], bytes: Uint8Array): SniffResult {
  const names = new Set(entryNames.map(normalizePartName));
  const read = safeReader(bytes);
  if (names.has('xl/workbook.bin')) return { kind: 'xlsb' };
  if (names.has('xl/workbook.xml')) return classifyXlsx(names, read);
  if (names.has('index/document.iwa')) return { kind: 'numbers' };
  const odf = odfMimeType(names, bytes, read);
  if (odf?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods' };
  if (odf) return { kind: 'zip', detail: `OpenDocument (${odf})` };
  if (names.has('word/document.xml')) return { kind: 'docx' };
  const ct = names.has('[content_types].xml') ? read('[Content_Types].xml') : null;
  return (ct && kindFromContentTypes(ct)) || { kind: 'zip' };
}

function sniffZip(bytes: Uint8Array, zipEntries?: string[]): SniffResult {
  if (zipEntries) return classifyZip(zipEntries, bytes);
  const dir = readZipDirectory(bytes);
  // A damaged archive is still reported as a zip; the detail carries the zip-guard code.
  if (!dir.ok) return { kind: 'zip', detail: `${dir.code}: ${dir.detail}` };
  return classifyZip(dir.entries.map((e) => e.name), bytes);
}

// ------------------------------------------------- OLE2 / Compound File (CFB)
// Parsed by hand with every chain walk capped by the sector count, so a
// crafted FAT loop cannot hang the import (SheetJS's reader does not guard this).

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const MINI_SECTOR = 64;
const MAX_DIR_ENTRIES = 4096;

interface Cfb {
  bytes: Uint8Array;
  dv: DataView;
  sectorSize: number;
  sectorCount: number;
  fatSectors: number[];
  miniCutoff: number;
  firstMiniFat: number;
  major: number;
}

interface CfbEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

function sectorOffset(cfb: Cfb, n: number): number {
  return (n + 1) * cfb.sectorSize;
}

function validSector(cfb: Cfb, n: number): boolean {
  return n < MAX_REGULAR_SECTOR && n < cfb.sectorCount;
}

/** Out-of-file reads end a chain instead of throwing (the last sector may be short). */
function u32At(cfb: Cfb, at: number): number {
  return at + 4 <= cfb.bytes.length ? cfb.dv.getUint32(at, true) : END_OF_CHAIN;
}

function readDifat(cfb: Cfb, fatCount: number, firstDifat: number, difatCount: number): number[] {
  const out: number[] = [];
  const want = Math.min(fatCount, cfb.sectorCount);
  for (let i = 0; i < 109 && out.length < want; i++) out.push(u32At(cfb, 0x4c + i * 4));
  const perSector = cfb.sectorSize / 4 - 1;
  let sector = firstDifat;
  for (let hops = 0; hops < difatCount && out.length < want && validSector(cfb, sector); hops++) {
    const base = sectorOffset(cfb, sector);
    for (let i = 0; i < perSector && out.length < want; i++) out.push(u32At(cfb, base + i * 4));
    sector = u32At(cfb, base + perSector * 4);
  }
  return out;
}

function openCfb(bytes: Uint8Array): Cfb | null {
  if (bytes.length < 512 || !startsWith(bytes, CFB_MAGIC)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const cfb: Cfb = {
    bytes, dv, sectorSize,
    sectorCount: Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize)),
    fatSectors: [],
    miniCutoff: dv.getUint32(0x38, true),
    firstMiniFat: dv.getUint32(0x3c, true),
    major: dv.getUint16(0x1a, true),
  };
  cfb.fatSectors = readDifat(cfb, dv.getUint32(0x2c, true), dv.getUint32(0x44, true), dv.getUint32(0x48, true));
  return cfb;
}

/** Next sector in a chain from a FAT (regular or mini) stored in `tableSectors`. */
function nextInTable(cfb: Cfb, tableSectors: readonly number[], n: number): number {
  const per = cfb.sectorSize / 4;
  const tableSector = tableSectors[Math.floor(n / per)];
  if (tableSector === undefined || !validSector(cfb, tableSector)) return END_OF_CHAIN;
  return u32At(cfb, sectorOffset(cfb, tableSector) + (n % per) * 4);
}

/** Sector numbers of a chain; the step cap turns a cyclic FAT into a short read. */
function chain(cfb: Cfb, table: readonly number[], start: number, max: number, limit: number): number[] {
  const out: number[] = [];
  for (let n = start; n < MAX_REGULAR_SECTOR && n < limit && out.length < max; n = nextInTable(cfb, table, n)) {
    out.push(n);
  }
  return out;
}

function readDirEntry(cfb: Cfb, at: number): CfbEntry {
  const nameLen = Math.min(64, cfb.dv.getUint16(at + 0x40, true));
  const chars = Math.max(0, Math.floor(nameLen / 2) - 1);
  const name = new TextDecoder('utf-16le').decode(cfb.bytes.subarray(at, at + chars * 2));
  const low = cfb.dv.getUint32(at + 0x78, true);
  // Version 3 files may leave garbage in the high size word.
  const high = cfb.major === 4 ? cfb.dv.getUint32(at + 0x7c, true) : 0;
  return { name, type: cfb.bytes[at + 0x42] ?? 0, start: cfb.dv.getUint32(at + 0x74, true), size: high * 2 ** 32 + low };
}

function listCfbEntries(cfb: Cfb): CfbEntry[] {
  const perSector = cfb.sectorSize / 128;
  const dirSectors = chain(cfb, cfb.fatSectors, cfb.dv.getUint32(0x30, true), MAX_DIR_ENTRIES / perSector, cfb.sectorCount);
  const entries: CfbEntry[] = [];
  for (const s of dirSectors) {
    for (let i = 0; i < perSector; i++) {
      const at = sectorOffset(cfb, s) + i * 128;
      if (at + 128 <= cfb.bytes.length) entries.push(readDirEntry(cfb, at));
    }
  }
  return entries;
}

/** Copies `unit`-sized pieces at the given file offsets, up to `total` bytes. */
function gather(bytes: Uint8Array, offsets: readonly number[], unit: number, total: number): Uint8Array {
  const out = new Uint8Array(Math.min(total, offsets.length * unit));
  offsets.forEach((off, i) => {
    const len = Math.min(unit, out.length - i * unit);
    if (len > 0) out.set(bytes.subarray(off, off + len), i * unit);
  });
  return out;
}

/** First `maxBytes` of a stream, from the mini stream when the stream is small. */
function readStreamHead(cfb: Cfb, root: CfbEntry, entry: CfbEntry, maxBytes: number): Uint8Array {
  const want = Math.min(entry.size, maxBytes);
  if (entry.size >= cfb.miniCutoff) {
    const sectors = chain(cfb, cfb.fatSectors, entry.start, Math.ceil(want / cfb.sectorSize), cfb.sectorCount);
    return gather(cfb.bytes, sectors.map((s) => sectorOffset(cfb, s)), cfb.sectorSize, want);
  }
  const miniFat = chain(cfb, cfb.fatSectors, cfb.firstMiniFat, cfb.sectorCount, cfb.sectorCount);
  const rootSectors = chain(cfb, cfb.fatSectors, root.start, cfb.sectorCount, cfb.sectorCount);
  const miniLimit = rootSectors.length * (cfb.sectorSize / MINI_SECTOR);
  const minis = chain(cfb, miniFat, entry.start, Math.ceil(want / MINI_SECTOR), miniLimit);
  const offsets = minis.map((m) => {
    const pos = m * MINI_SECTOR;
    return sectorOffset(cfb, rootSectors[Math.floor(pos / cfb.sectorSize)] ?? 0) + (pos % cfb.sectorSize);
  });
  return gather(cfb.bytes, offsets, MINI_SECTOR, want);
}

/** BIFF record walk from BOF: a FILEPASS (0x002F) before EOF means the workbook is password-encrypted. */
function biffHasFilePass(head: Uint8Array): boolean {
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 4 || dv.getUint16(0, true) !== 0x0809) return false;
  for (let at = 0, n = 0; at + 4 <= head.length && n < 64; n++) {
    const type = dv.getUint16(at, true);
    if (type === 0x002f) return true;
    if (type === 0x000a) return false;
    at += 4 + dv.getUint16(at + 2, true);
  }
  return false;
}

function sniffCfb(bytes: Uint8Array): SniffResult {
  const cfb = openCfb(bytes);
  if (!cfb) return { kind: 'unknown', detail: 'damaged OLE2 compound file' };
  const entries = listCfbEntries(cfb);
  const stream = (name: string) => entries.find((e) => e.type === 2 && e.name.toLowerCase() === name);
  if (stream('encryptioninfo') && stream('encryptedpackage')) {
    return { kind: 'encrypted', detail: 'password-protected OOXML (EncryptionInfo/EncryptedPackage)' };
  }
  const book = stream('workbook') ?? stream('book');
  const root = entries[0];
  if (book && root) {
    if (biffHasFilePass(readStreamHead(cfb, root, book, 4096))) {
      return { kind: 'encrypted', detail: 'password-protected xls (FILEPASS record)' };
    }
    return { kind: 'xls', detail: book.name.toLowerCase() === 'book' ? 'BIFF5' : 'BIFF8' };
  }
  if (stream('worddocument')) return { kind: 'doc' };
  return { kind: 'unknown', detail: 'OLE2 compound file without a Workbook stream' };
}

// --------------------------------------------------------- other binary magic

const SIMPLE_MAGIC: ReadonlyArray<{ magic: number[]; at?: number; result: SniffResult }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], result: { kind: 'image', detail: 'png' } },
  { magic: [0xff, 0xd8, 0xff], result: { kind: 'image', detail: 'jpeg' } },
  { magic: ascii('GIF87a'), result: { kind: 'image', detail: 'gif' } },
  { magic: ascii('GIF89a'), result: { kind: 'image', detail: 'gif' } },
  { magic: [0x49, 0x49, 0x2a, 0x00], result: { kind: 'image', detail: 'tiff' } },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], result: { kind: 'image', detail: 'tiff' } },
  { magic: ascii('WEBP'), at: 8, result: { kind: 'image', detail: 'webp' } },
  { magic: [0x1f, 0x8b], result: { kind: 'unknown', detail: 'gzip' } },
  { magic: ascii('Rar!\x1a\x07'), result: { kind: 'unknown', detail: 'rar' } },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], result: { kind: 'unknown', detail: '7z' } },
];

/** %PDF may follow a little junk; readers accept it within the first 1 KB. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const pdf = ascii('%PDF-');
  for (let i = 0; i + pdf.length <= head.length; i++) if (startsWith(head, pdf, i)) return true;
  return false;
}

/** BIFF2-4 worksheets are bare BIFF streams (no OLE2 wrapper): BOF record + known sheet type. */
function isRawBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1)) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return [4, 6, 8, 16].includes(dv.getUint16(2, true)) && [0x05, 0x10, 0x20, 0x40, 0x100].includes(dv.getUint16(6, true));
}

// ---------------------------------------------------------------- text family

interface DecodedSample {
  text: string;
  encoding: string;
  truncated: boolean;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    // stream: true keeps a character cut by the 64 KB boundary from counting as invalid.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

function unicodeSample(sample: Uint8Array): { text: string | null; encoding: string } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { text: tryDecode(sample.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (startsWith(sample, [0xff, 0xfe])) return { text: tryDecode(sample.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(sample, [0xfe, 0xff])) return { text: tryDecode(sample.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  return { text: tryDecode(sample, 'utf-8'), encoding: 'utf-8' };
}

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 1;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1a) controls++;
  }
  return text.length ? controls / text.length : 0;
}

/**
 * UTF-8 / UTF-16 (BOM) text; otherwise NUL-free 8-bit text is still accepted as
 * text because older units export CSV in Windows-1258 or TCVN3.
 */
function decodeSample(bytes: Uint8Array): DecodedSample | null {
  const sample = bytes.subarray(0, TEXT_SAMPLE);
  const truncated = bytes.length > TEXT_SAMPLE;
  const unicode = unicodeSample(sample);
  if (unicode.text !== null) {
    return controlShare(unicode.text) > 0.01 ? null : { text: unicode.text, encoding: unicode.encoding, truncated };
  }
  if (sample.includes(0)) return null;
  const legacy = new TextDecoder('latin1').decode(sample);
  return controlShare(legacy) > 0.01 ? null : { text: legacy, encoding: '8-bit (not UTF-8)', truncated };
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/i, '');
  return /^<(!doctype\s+html|html|table)[\s>]/i.test(head);
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Per record, how many of each delimiter occur outside double quotes (quoted newlines stay in the record). */
function delimiterCounts(text: string, dropLast: boolean): number[][] {
  const records: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let content = false;
  for (const ch of text) {
    if (ch === '"') { inQuotes = !inQuotes; content = true; continue; }
    if (inQuotes) continue;
    if (ch === '\n' || ch === '\r') {
      if (content) records.push(counts);
      counts = [0, 0, 0];
      content = false;
      continue;
    }
    const d = DELIMITERS.indexOf(ch as Delimiter);
    if (d >= 0) counts[d] = (counts[d] ?? 0) + 1;
    if (ch !== ' ') content = true;
  }
  if (content && !dropLast && !inQuotes) records.push(counts);
  return records;
}

function modeOf(values: readonly number[]): { value: number; freq: number } {
  const freq = new Map<number, number>();
  for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1);
  let best = { value: 0, freq: 0 };
  for (const [value, f] of freq) if (f > best.freq || (f === best.freq && value > best.value)) best = { value, freq: f };
  return best;
}

/** The delimiter shared, with one count, by most non-empty records (a single record needs ≥2 delimiters). */
function pickDelimiter(records: readonly number[][]): Delimiter | null {
  let best: { d: Delimiter; share: number; value: number } | null = null;
  for (const [i, d] of DELIMITERS.entries()) {
    const { value, freq } = modeOf(records.map((r) => r[i] ?? 0));
    const share = records.length ? freq / records.length : 0;
    const enough = records.length === 1 ? value >= 2 : freq >= 2 && share > 0.5;
    if (!enough) continue;
    if (!best || share > best.share || (share === best.share && value > best.value)) best = { d, share, value };
  }
  return best?.d ?? null;
}

function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma';
}

function sniffText(bytes: Uint8Array): SniffResult | null {
  const decoded = decodeSample(bytes);
  if (!decoded) return null;
  const { text, encoding, truncated } = decoded;
  if (text.trim() === '') return { kind: 'empty', detail: 'whitespace only' };
  if (looksLikeHtml(text)) return { kind: 'html', detail: encoding };
  // JSON and XML have commas too, but no rows of a table.
  if (/^\s*[{[<]/.test(text)) return { kind: 'text', detail: `${encoding}, structured` };
  const delimiter = pickDelimiter(delimiterCounts(text, truncated));
  if (delimiter) return { kind: 'csv', detail: `${delimiterName(delimiter)}-separated, ${encoding}` };
  return { kind: 'text', detail: encoding };
}

// ---------------------------------------------------------------- entry point

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/**
 * Classifies a file by content. `zipEntries` may be passed when the caller
 * already read the zip directory (zip-guard), to avoid reading it twice.
 */
export function sniffFile(bytes: Uint8Array, zipEntries?: string[]): SniffResult {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes, zipEntries);
  if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes);
  if (isPdf(bytes)) return { kind: 'pdf' };
  const simple = SIMPLE_MAGIC.find((m) => startsWith(bytes, m.magic, m.at ?? 0));
  if (simple) return simple.result;
  if (isRawBiff(bytes)) return { kind: 'xls', detail: 'BIFF2-4 (no OLE2 container)' };
  return sniffText(bytes) ?? { kind: 'unknown' };
}
