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
export const stripDiacritics = memo((s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'));

/**
 * Text without NUL characters: invisible where they were (Excel shows `_x0000_` as nothing; a
 * pasted one is not seen), and PostgreSQL's text cannot hold them, so a shared store alone would
 * refuse what a SQLite store keeps. Dropped from a file's cells and from what a desk sends alike.
 */
export function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}
