/**
 * Which unit sent a return: from the title ("CÔNG AN HUYỆN ANH SƠN", "CA phường Thành Vinh"), the
 * file name ("H. Anh Sơn T01.2023", "BC_T03_2023_422") or the sheet name, by name, date and
 * province together (a code alone is reused across eras, a name across provinces). Type words
 * ("H.", "TX", "X.") are evidence: "H. Kỳ Anh" names a district, never a commune "Kỳ Anh". Names
 * compare without regard to tone placement and, for text typed without diacritics, without
 * diacritics.
 */
import { foldCase, stripDiacritics } from '../text/clean-text';
import type { DirectoryUnit } from '../registry/directory-unit';
import type { UnitDirectory } from '../registry/unit-directory';

export type { DirectoryUnit, UnitDirectory };

export type UnitEvidence = 'title' | 'file-name' | 'file-code' | 'sheet-name';
export interface UnitHit { unit: DirectoryUnit; evidence: UnitEvidence; text: string }

/** Provinces a name may be looked up in (null: the whole country). */
export type ProvinceSet = ReadonlySet<string> | null;

const TYPE_WORDS: [RegExp, string[]][] = [
  [/^(?:thanh pho|tp\.?)\s+/, ['thanh_pho']],
  [/^(?:thi xa|tx\.?)\s+/, ['thi_xa']],
  [/^(?:huyen|h\.)\s*/, ['huyen']],
  [/^(?:quan|q\.)\s*/, ['quan']],
  [/^(?:thi tran|tt\.?)\s+/, ['thi_tran']],
  [/^(?:dac khu)\s+/, ['dac_khu']],
  [/^(?:phuong|p\.)\s*/, ['phuong']],
  [/^(?:xa|x\.)\s*/, ['xa']],
];

/** Type words as file names write them, one or two words before the name ("h", "tx", "thi xa"). */
const TYPE_BEFORE: Record<string, string> = {
  'thanh pho': 'thanh_pho', tp: 'thanh_pho', 'thi xa': 'thi_xa', tx: 'thi_xa', huyen: 'huyen', h: 'huyen', quan: 'quan', q: 'quan',
  'thi tran': 'thi_tran', tt: 'thi_tran', 'dac khu': 'dac_khu', phuong: 'phuong', p: 'phuong', xa: 'xa', x: 'xa',
};

export function validAt(u: DirectoryUnit, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || date <= u.validTo);
}

/** A reporting unit (not a province) valid at the date, within the provinces where some are given. */
function fits(u: DirectoryUnit, date: string, provinces: ProvinceSet): boolean {
  return validAt(u, date) && u.level !== 'province' && (!provinces || provinces.has(u.provinceCode));
}

const ascii = (s: string) => stripDiacritics(foldCase(s));

/** The province a title line names ("CÔNG AN TỈNH HÀ TĨNH", "CÔNG AN THÀNH PHỐ HÀ NỘI"), valid at the date. */
export function provincesInTitle(line: string, units: UnitDirectory, date: string): DirectoryUnit[] {
  const m = /^(?:cong an|ca)\s+(?:(tinh|thanh pho|tp\.?)\s+)?(.+)$/.exec(ascii(line).replace(/\s+/g, ' ').trim());
  if (!m) return [];
  const name = m[2]!.replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const found = units.named(name).filter((u) => u.level === 'province' && validAt(u, date));
  // "CÔNG AN THÀNH PHỐ VINH" names no province (Vinh is a district-level city); "... THÀNH PHỐ HÀ NỘI" does.
  const type = m[1] === undefined ? null : m[1] === 'tinh' ? 'tinh' : 'thanh_pho';
  return found.filter((u) => !type || u.type === type);
}

/** Units named by a title line such as "CÔNG AN HUYỆN X" (not the province above it). */
export function unitsInTitle(line: string, units: UnitDirectory, date: string, provinces: ProvinceSet = null): DirectoryUnit[] {
  const s = ascii(line);
  const m = /^(?:cong an|ca)\s+(.+)$/.exec(s);
  if (!m || /^tinh\b/.test(m[1]!) || provincesInTitle(line, units, date).length > 0) return [];
  return unitsByName(m[1]!, units, date, provinces);
}

/** Units whose name, with or without its type word, is the whole of `text` (typed or ASCII). */
export function unitsByName(text: string, units: UnitDirectory, date: string, provinces: ProvinceSet = null): DirectoryUnit[] {
  let s = ascii(text).replace(/[^a-z0-9. ]+/g, ' ').replace(/\s+/g, ' ').trim();
  let types: string[] | null = null;
  for (const [re, t] of TYPE_WORDS) { const m = re.exec(s); if (m) { types = t; s = s.slice(m[0].length).trim(); break; } }
  const exactFolded = foldCase(text);
  const found = units.named(s).filter((u) => fits(u, date, provinces) && (!types || types.includes(u.type)));
  // Where the typed text has diacritics, prefer the units whose diacritics agree ("Hoa Sơn" vs "Hòa Sơn").
  const strict = found.filter((u) => u.names.some((n) => exactFolded.includes(n)));
  return strict.length > 0 ? strict : found;
}

/** Units a file name names: by name ("H. Anh Sơn - BC thang 4-2023") or by GSO code ("BC_T03_2023_422"). */
export function unitsInFileName(fileName: string, units: UnitDirectory, date: string, provinces: ProvinceSet = null): UnitHit[] {
  const base = fileName.replace(/\.[a-z0-9]{2,5}$/i, '');
  const hits: UnitHit[] = [];
  for (const code of base.match(/(?<!\d)(\d{3}|\d{5})(?!\d)/g) ?? []) {
    if (/^(19|20)\d{2}$/.test(code)) continue;
    for (const u of units.withCode(code)) if (fits(u, date, provinces)) hits.push({ unit: u, evidence: 'file-code', text: code });
  }
  // Longest name first, so "Quỳnh Lưu" wins over a shorter name inside it.
  const words = ascii(base).replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  const best: DirectoryUnit[] = [];
  for (let n = Math.min(6, words.length); n >= 1 && best.length === 0; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const type = typeBefore(words, i);
      for (const u of units.named(words.slice(i, i + n).join(' '))) {
        if (fits(u, date, provinces) && (!type || u.type === type) && !best.includes(u)) best.push(u);
      }
    }
  }
  const s = ` ${words.join(' ')} `;
  for (const u of narrowByType(best, s)) hits.push({ unit: u, evidence: 'file-name', text: base });
  return hits;
}

/** The type word just before word `i` ("h" in "h ky anh"), two words before one ("thi xa"). */
function typeBefore(words: string[], i: number): string | null {
  if (i >= 2) { const two = TYPE_BEFORE[`${words[i - 2]} ${words[i - 1]}`]; if (two) return two; }
  return i >= 1 ? TYPE_BEFORE[words[i - 1]!] ?? null : null;
}

/** "h anh son" names the district, not the commune of the same name. */
function narrowByType(candidates: DirectoryUnit[], s: string): DirectoryUnit[] {
  if (candidates.length < 2) return candidates;
  const typed = candidates.filter((u) => {
    const words: Record<string, RegExp> = {
      huyen: /\b(huyen|h)\b/, thi_xa: /\b(thi xa|tx)\b/, thanh_pho: /\b(thanh pho|tp)\b/, quan: /\b(quan|q)\b/,
      xa: /\b(xa|x)\b/, phuong: /\b(phuong|p)\b/, thi_tran: /\b(thi tran|tt)\b/, dac_khu: /\bdac khu\b/,
    };
    return words[u.type]?.test(s) ?? false;
  });
  return typed.length > 0 ? typed : candidates;
}

/** Among several units, the reporting level of the era: districts before March 2025, communes after. */
export function preferReportingLevel(candidates: DirectoryUnit[], date: string): DirectoryUnit[] {
  const level = date < '2025-03-01' ? 'district' : 'commune';
  const at = candidates.filter((u) => u.level === level);
  return at.length > 0 ? at : candidates;
}
