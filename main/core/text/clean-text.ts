import { memo } from './memo';

/**
 * Text as people type it in Excel: NFD or NFC, non-breaking and double spaces, zero-width marks.
 * Everything that compares text goes through here first (after legacy decoding, which needs the
 * soft hyphen that this strips).
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u2007\u202f\u3000]+/g;

export const cleanText = memo((s: string): string => s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim());

/** Where the tone mark sits in "oa", "oe", "uy" varies ("hoà"/"hòa", "thuỷ"/"thủy"); put it on the first vowel. */
export function canonicalTones(s: string): string {
  const nfd = s.normalize('NFD');
  // o/u + (a|e|y) + tone at the end of a word: move the tone onto the first vowel.
  const moved = nfd.replace(/(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu, '$1$3$2');
  return moved.normalize('NFC');
}

/** Lower case, Vietnamese-aware, canonical tones, clean spaces. */
export const foldCase = memo((s: string): string => canonicalTones(cleanText(s).toLocaleLowerCase('vi')));

/** Without diacritics, for names typed without them ("DIEN CHAU"). */
export const stripDiacritics = memo(stripDiacriticsOnce);

/** The definition: the letters decomposed (NFD), their combining marks dropped, đ as d. */
export function stripDiacriticsByNfd(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Each precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF) whose decomposition is an ASCII
 * letter and marks of U+0300–U+036F only, to that letter; đ and Đ to d and D. A text of ASCII and
 * these letters alone decomposes letter by letter (every one of them is a starter, so no mark
 * moves across a letter), hence stripped letter by letter it is exactly stripDiacriticsByNfd's.
 */
const LATIN_BASE = ((): Uint8Array => {
  const out = new Uint8Array(0x1f00);
  out[0x111] = 0x64; // đ
  out[0x110] = 0x44; // Đ
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let cp = from; cp <= to; cp++) {
      const nfd = String.fromCharCode(cp).normalize('NFD');
      if (/^[A-Za-z][\u0300-\u036f]+$/.test(nfd)) out[cp] = nfd.charCodeAt(0);
    }
  }
  return out;
})();

/**
 * stripDiacriticsByNfd without the normalising where the text allows (a unit's or label's name:
 * ASCII and Vietnamese letters), half its time; any other character, that function itself.
 * The whole country's 30,000 unit names are stripped at each start, not memoised (memo would keep
 * them all and push the labels' out).
 */
export function stripDiacriticsOnce(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s;
  if (s.length > 1000) return stripDiacriticsByNfd(s); // a name or label is short; no long argument list below
  const codes = new Array<number>(s.length);
  for (let k = 0; k < i; k++) codes[k] = s.charCodeAt(k);
  for (; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    if (cp < 0x80) { codes[i] = cp; continue; }
    const base = cp < 0x1f00 ? LATIN_BASE[cp]! : 0;
    if (base === 0) return stripDiacriticsByNfd(s);
    codes[i] = base;
  }
  return String.fromCharCode(...codes);
}

/**
 * Text without NUL characters: invisible where they were (Excel shows `_x0000_` as nothing; a
 * pasted one is not seen), and PostgreSQL's text cannot hold them, so a shared store alone would
 * refuse what a SQLite store keeps. Dropped from a file's cells and from what a desk sends alike.
 */
export function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}
