/**
 * Cheap structural checks on ZIP containers (xlsx, xlsm, xlsb, ods) before a
 * parser inflates them. Only the central directory is read; declared sizes are
 * used to refuse zip bombs up front, and `readZipEntryBytes` caps real output
 * because declared sizes can lie.
 */
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  maxRatio: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressed: 300 * MB,
  maxEntryUncompressed: 200 * MB,
  maxRatio: 200,
};

/** Small parts legitimately compress very well (e.g. a 40 KB styles.xml), so the ratio test starts here. */
export const RATIO_CHECK_MIN_BYTES = MB;

export type ZipErrorCode =
  | 'zip-truncated'
  | 'zip-too-many-entries'
  | 'zip-too-large'
  | 'zip-ratio'
  | 'zip-encrypted-entry';

export type ZipInspection =
  | { ok: true; entries: ZipEntryInfo[] }
  | { ok: false; code: ZipErrorCode; detail: string };

export type XmlSafety = { ok: true } | { ok: false; code: 'xml-doctype'; detail: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

interface DirEntry extends ZipEntryInfo {
  localOffset: number;
}

interface Directory {
  count: number;
  size: number;
  offset: number;
  /** Where the directory must end: the (ZIP64) EOCD record start. */
  limit: number;
}

type DirResult = { ok: true; entries: DirEntry[] } | { ok: false; code: ZipErrorCode; detail: string };

class Truncated extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u16(dv: DataView, at: number): number {
  if (at < 0 || at + 2 > dv.byteLength) throw new Truncated(`read past end at ${at}`);
  return dv.getUint16(at, true);
}

function u32(dv: DataView, at: number): number {
  if (at < 0 || at + 4 > dv.byteLength) throw new Truncated(`read past end at ${at}`);
  return dv.getUint32(at, true);
}

/** 64-bit fields beyond 2^53 cannot describe a real file in memory, so treat them as corrupt. */
function u64(dv: DataView, at: number): number {
  if (at < 0 || at + 8 > dv.byteLength) throw new Truncated(`read past end at ${at}`);
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Truncated(`64-bit field out of range at ${at}`);
  return Number(v);
}

/** The EOCD sits in the last 22 + 65535 bytes (it may be followed by a comment). */
function findEocd(dv: DataView): number {
  const last = dv.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (dv.getUint32(at, true) !== SIG_EOCD) continue;
    if (at + EOCD_SIZE + dv.getUint16(at + 20, true) <= dv.byteLength) return at;
  }
  return -1;
}

function readZip64Directory(dv: DataView, eocd: number): Directory | null {
  const locator = eocd - 20;
  if (locator < 0 || u32(dv, locator) !== SIG_ZIP64_LOCATOR) return null;
  const at = u64(dv, locator + 8);
  if (at + 56 > locator || u32(dv, at) !== SIG_ZIP64_EOCD) {
    throw new Truncated('ZIP64 end-of-directory record missing');
  }
  return { count: u64(dv, at + 32), size: u64(dv, at + 40), offset: u64(dv, at + 48), limit: at };
}

function readDirectoryBounds(dv: DataView): Directory {
  const eocd = findEocd(dv);
  if (eocd < 0) throw new Truncated('end-of-central-directory record not found');
  const zip64 = readZip64Directory(dv, eocd);
  if (zip64) return zip64;
  const count = u16(dv, eocd + 10);
  const size = u32(dv, eocd + 12);
  const offset = u32(dv, eocd + 16);
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    throw new Truncated('ZIP64 markers without a ZIP64 locator');
  }
  return { count, size, offset, limit: eocd };
}

/** ZIP64 extra field (0x0001) holds, in order, only the fields whose 32-bit value is saturated. */
function applyZip64Extra(dv: DataView, extraAt: number, extraLen: number, e: DirEntry): void {
  let at = extraAt;
  const end = extraAt + extraLen;
  while (at + 4 <= end) {
    const id = u16(dv, at);
    const len = u16(dv, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (e.uncompressedSize === U32_MAX) { e.uncompressedSize = u64(dv, p); p += 8; }
      if (e.compressedSize === U32_MAX) { e.compressedSize = u64(dv, p); p += 8; }
      if (e.localOffset === U32_MAX) { e.localOffset = u64(dv, p); }
      return;
    }
    at += 4 + len;
  }
}

const utf8 = new TextDecoder('utf-8');

function readCentralEntry(dv: DataView, bytes: Uint8Array, at: number): { entry: DirEntry; next: number } {
  if (u32(dv, at) !== SIG_CENTRAL) throw new Truncated(`central directory entry missing at ${at}`);
  const flags = u16(dv, at + 8);
  const nameLen = u16(dv, at + 28);
  const extraLen = u16(dv, at + 30);
  const commentLen = u16(dv, at + 32);
  const nameAt = at + CENTRAL_SIZE;
  if (nameAt + nameLen + extraLen > dv.byteLength) throw new Truncated('central directory entry cut short');
  const entry: DirEntry = {
    name: utf8.decode(bytes.subarray(nameAt, nameAt + nameLen)),
    compressedSize: u32(dv, at + 20),
    uncompressedSize: u32(dv, at + 24),
    method: u16(dv, at + 10),
    encrypted: (flags & 0x0001) !== 0,
    localOffset: u32(dv, at + 42),
  };
  applyZip64Extra(dv, nameAt + nameLen, extraLen, entry);
  return { entry, next: nameAt + nameLen + extraLen + commentLen };
}

/** Offset of the entry's data; throws when the local header or the data is not in the file. */
function localDataOffset(dv: DataView, e: DirEntry): number {
  if (e.localOffset + LOCAL_SIZE > dv.byteLength || u32(dv, e.localOffset) !== SIG_LOCAL) {
    throw new Truncated(`local header of "${e.name}" missing at ${e.localOffset}`);
  }
  const dataAt = e.localOffset + LOCAL_SIZE + u16(dv, e.localOffset + 26) + u16(dv, e.localOffset + 28);
  if (dataAt + e.compressedSize > dv.byteLength) throw new Truncated(`data of "${e.name}" runs past the end`);
  return dataAt;
}

function readDirectory(bytes: Uint8Array, maxEntries: number): DirResult {
  const dv = view(bytes);
  try {
    const dir = readDirectoryBounds(dv);
    if (dir.offset + dir.size > dir.limit) {
      return { ok: false, code: 'zip-truncated', detail: `central directory (${dir.offset}+${dir.size}) points past its end record` };
    }
    if (dir.count > maxEntries) {
      return { ok: false, code: 'zip-too-many-entries', detail: `${dir.count} entries (limit ${maxEntries})` };
    }
    const entries: DirEntry[] = [];
    let at = dir.offset;
    for (let i = 0; i < dir.count; i++) {
      const { entry, next } = readCentralEntry(dv, bytes, at);
      if (next > dir.offset + dir.size) throw new Truncated('central directory entries overrun its declared size');
      localDataOffset(dv, entry);
      entries.push(entry);
      at = next;
    }
    return { ok: true, entries };
  } catch (err) {
    if (err instanceof Truncated) return { ok: false, code: 'zip-truncated', detail: err.message };
    throw err;
  }
}

function checkLimits(entries: readonly ZipEntryInfo[], limits: ZipLimits): ZipInspection | null {
  let total = 0;
  for (const e of entries) {
    if (e.encrypted) return { ok: false, code: 'zip-encrypted-entry', detail: `"${e.name}" is encrypted` };
    if (e.uncompressedSize > limits.maxEntryUncompressed) {
      return { ok: false, code: 'zip-too-large', detail: `"${e.name}" declares ${e.uncompressedSize} bytes (limit ${limits.maxEntryUncompressed})` };
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      return { ok: false, code: 'zip-too-large', detail: `entries declare over ${limits.maxTotalUncompressed} bytes in total` };
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxRatio) {
      return { ok: false, code: 'zip-ratio', detail: `"${e.name}" expands ${Math.round(ratio)}x (limit ${limits.maxRatio}x)` };
    }
  }
  return null;
}

function publicInfo(e: DirEntry): ZipEntryInfo {
  return { name: e.name, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, method: e.method, encrypted: e.encrypted };
}

/** Entry list only (no size limits), for sniffing; fails on damage or more than `maxEntries` entries. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number = DEFAULT_ZIP_LIMITS.maxEntries): ZipInspection {
  const dir = readDirectory(bytes, maxEntries);
  return dir.ok ? { ok: true, entries: dir.entries.map(publicInfo) } : dir;
}

/** Reads the central directory (no inflation) and applies `limits` to the declared sizes. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipInspection {
  const dir = readDirectory(bytes, limits.maxEntries);
  if (!dir.ok) return dir;
  return checkLimits(dir.entries, limits) ?? { ok: true, entries: dir.entries.map(publicInfo) };
}

/** Entity expansion needs a DTD; OOXML and ODF parts never carry one, so any DTD is refused. */
export function checkXmlSafety(xml: string): XmlSafety {
  const m = /<!\s*(DOCTYPE|ENTITY)/i.exec(xml);
  if (!m) return { ok: true };
  return { ok: false, code: 'xml-doctype', detail: `XML contains <!${m[1]!.toUpperCase()} at offset ${m.index}` };
}

function findEntry(entries: readonly DirEntry[], name: string): DirEntry | undefined {
  const lower = name.toLowerCase();
  // Part names are case-insensitive in OPC, so fall back to a case-insensitive match.
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower);
}

function tooLarge(name: string, maxBytes: number): Error {
  return new Error(`zip entry "${name}" is larger than ${maxBytes} bytes once inflated`);
}

function isBufferTooLarge(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof Error && 'code' in err && err.code === 'ERR_BUFFER_TOO_LARGE');
}

function inflateCapped(data: Uint8Array, name: string, maxBytes: number): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if (isBufferTooLarge(err)) throw tooLarge(name, maxBytes);
    throw new Error(`zip entry "${name}" could not be inflated: ${(err as Error).message}`);
  }
}

/**
 * Inflates one entry, never producing more than `maxBytes` (declared sizes are ignored).
 * Returns null when the entry does not exist; throws on damage, encryption or an oversize entry.
 */
export function readZipEntryBytes(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const dir = readDirectory(bytes, DEFAULT_ZIP_LIMITS.maxEntries);
  if (!dir.ok) throw new Error(`${dir.code}: ${dir.detail}`);
  const entry = findEntry(dir.entries, name);
  if (!entry) return null;
  if (entry.encrypted) throw new Error(`zip entry "${entry.name}" is encrypted`);
  const dataAt = localDataOffset(view(bytes), entry);
  const data = bytes.subarray(dataAt, dataAt + entry.compressedSize);
  if (entry.method === 8) return inflateCapped(data, entry.name, maxBytes);
  if (entry.method !== 0) throw new Error(`zip entry "${entry.name}" uses unsupported method ${entry.method}`);
  if (data.length > maxBytes) throw tooLarge(entry.name, maxBytes);
  return data;
}

/** Decodes XML/text parts: UTF-8 by default, UTF-16 when a BOM says so. */
function decodePart(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(data);
}

/** Text of one small part such as [Content_Types].xml; null when absent, throws beyond `maxBytes`. */
export function readZipEntryText(bytes: Uint8Array, name: string, maxBytes: number): string | null {
  const data = readZipEntryBytes(bytes, name, maxBytes);
  return data === null ? null : decodePart(data);
}

/**
 * Up to about `maxBytes` of an entry's leading text, for parts that may be huge
 * (e.g. an ODS content.xml). Feeds a shrinking prefix of the compressed data so
 * the output stays capped whatever the real compression ratio.
 */
export function peekZipEntryText(bytes: Uint8Array, name: string, maxBytes: number): string | null {
  const dir = readDirectory(bytes, DEFAULT_ZIP_LIMITS.maxEntries);
  if (!dir.ok) return null;
  const entry = findEntry(dir.entries, name);
  if (!entry || entry.encrypted || (entry.method !== 0 && entry.method !== 8)) return null;
  const dataAt = localDataOffset(view(bytes), entry);
  const data = bytes.subarray(dataAt, dataAt + entry.compressedSize);
  if (entry.method === 0) return decodePart(data.subarray(0, maxBytes));
  for (let take = Math.min(data.length, maxBytes); take > 0; take = Math.floor(take / 4)) {
    try {
      const out = inflateRawSync(data.subarray(0, take), { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: maxBytes });
      return decodePart(out);
    } catch (err) {
      if (!isBufferTooLarge(err)) return null;
    }
  }
  return null;
}

/**
 * The first text of every XML part, inflating only a small compressed prefix of each: enough to
 * see a prologue (a DOCTYPE must come before the root element), bounded in output by deflate's
 * 1032:1 limit whatever the file declares. One read of the directory for all parts.
 */
export function xmlPrologues(bytes: Uint8Array, compressedBytes = 512): { name: string; head: string | null }[] {
  const dir = readDirectory(bytes, DEFAULT_ZIP_LIMITS.maxEntries);
  if (!dir.ok) return [];
  const dv = view(bytes);
  return dir.entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).map((e) => ({ name: e.name, head: prefixText(bytes, dv, e, compressedBytes) }));
}

function prefixText(bytes: Uint8Array, dv: DataView, e: DirEntry, compressedBytes: number): string | null {
  if (e.encrypted || (e.method !== 0 && e.method !== 8)) return null;
  const at = localDataOffset(dv, e);
  const data = bytes.subarray(at, at + Math.min(e.compressedSize, compressedBytes));
  if (e.method === 0) return decodePart(data);
  try {
    return decodePart(inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
  } catch {
    return null;
  }
}
