/**
 * What a PDF page says and how big it is, for checking LibreOffice's print of the workbook.
 * pdftotext (poppler-utils) where the machine has it; otherwise a small reader of LibreOffice's
 * own output: Flate streams, the page tree, each font's ToUnicode map and the text operators.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';

export const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).status === 0;

export function pageText(file: string, page: number, opts: { builtIn?: boolean } = {}): string {
  if (hasPdftotext && !opts.builtIn) {
    const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    return r.stdout.normalize('NFC');
  }
  const pdf = readPdf(fs.readFileSync(file));
  const ref = pdf.pages[page - 1];
  return ref === undefined ? '' : textOfPage(pdf, ref).normalize('NFC');
}

/** [width, height] in points of the first page's MediaBox (the page's own, else inherited). */
export function firstMediaBox(file: string): [number, number] {
  const pdf = readPdf(fs.readFileSync(file));
  const page = pdf.objects.get(pdf.pages[0]!)?.dict ?? '';
  const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(page)
    ?? /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(pdf.raw);
  if (!box) throw new Error('no /MediaBox');
  return [Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])];
}

export function pageCount(file: string): number {
  return readPdf(fs.readFileSync(file)).pages.length;
}

interface PdfObject { dict: string; stream: Buffer | null }
interface Pdf { raw: string; objects: Map<number, PdfObject>; pages: number[] }

function readPdf(buf: Buffer): Pdf {
  const raw = buf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of raw.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = body.indexOf('stream');
    if (s < 0) { objects.set(Number(m[1]), { dict: body, stream: null }); continue; }
    const start = s + 6 + (body[s + 6] === '\r' ? 2 : 1);
    const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const dict = body.slice(0, s);
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : data });
  }
  const root = [...objects].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  return { raw, objects, pages: root ? kids(objects, root[0]) : [] };
}

function kids(objects: Map<number, PdfObject>, id: number): number[] {
  const o = objects.get(id);
  if (!o) return [];
  if (!/\/Type\s*\/Pages\b/.test(o.dict)) return [id];
  const list = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
  return [...list.matchAll(/(\d+)\s+0\s+R/g)].flatMap((k) => kids(objects, Number(k[1])));
}

function deref(pdf: Pdf, text: string): string {
  const r = /^\s*(\d+)\s+0\s+R/.exec(text);
  return r ? (pdf.objects.get(Number(r[1]))?.dict ?? '') : text;
}

function textOfPage(pdf: Pdf, id: number): string {
  const page = pdf.objects.get(id)!.dict;
  const resources = deref(pdf, /\/Resources\s*(\d+\s+0\s+R|<<[\s\S]*)/.exec(page)?.[1] ?? '');
  const fontDict = deref(pdf, /\/Font\s*(\d+\s+0\s+R|<<[^>]*>>)/.exec(resources)?.[1] ?? '');
  const fonts = new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)].map((f) => [f[1]!, toUnicode(pdf, Number(f[2]))]));
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page)?.[1] ?? '';
  const streams = [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((c) => pdf.objects.get(Number(c[1]))?.stream?.toString('latin1') ?? '');
  return streams.map((s) => showText(s, fonts)).join('\n');
}

interface CMap { bytes: number; map: Map<number, string> }

function toUnicode(pdf: Pdf, fontId: number): CMap {
  const font = pdf.objects.get(fontId)?.dict ?? '';
  const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font);
  const text = ref ? (pdf.objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '') : '';
  const map = new Map<number, string>();
  const hex = (h: string) => Buffer.from(h.length % 4 ? h.padStart(h.length + (4 - (h.length % 4)), '0') : h, 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), hex(m[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [lo, hi, dst] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(dst + c - lo));
    }
  }
  const space = /<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*endcodespacerange/.exec(text);
  return { bytes: space ? space[1]!.length / 2 : 1, map };
}

/** The strings of Tj, TJ, ' and " operators, each decoded with the font set by the last Tf. */
function showText(content: string, fonts: Map<string, CMap>): string {
  let font: CMap = { bytes: 1, map: new Map() };
  const out: string[] = [];
  const tokens = /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))\s*(?:Tj|'|")/g;
  for (const t of content.matchAll(tokens)) {
    if (t[1]) { font = fonts.get(t[1]) ?? font; continue; }
    const strings = t[2] !== undefined ? [...t[2].matchAll(/<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)/g)].map((s) => s[0]) : [t[3]!];
    out.push(strings.map((s) => decode(s, font)).join(''));
  }
  return out.join(' ');
}

function decode(s: string, font: CMap): string {
  const bytes = s.startsWith('<') ? Buffer.from(s.slice(1, -1).replace(/\s/g, ''), 'hex') : literalBytes(s.slice(1, -1));
  let text = '';
  for (let k = 0; k + font.bytes <= bytes.length; k += font.bytes) {
    const code = font.bytes === 2 ? bytes.readUInt16BE(k) : bytes[k]!;
    text += font.map.get(code) ?? '';
  }
  return text;
}

function literalBytes(s: string): Buffer {
  const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const str = s.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : esc[e] ?? e));
  return Buffer.from(str, 'latin1');
}
