/**
 * Vietnamese typed in the legacy font encodings TCVN3 (ABC) and VNI, as found in .xlsx cells
 * (the Windows-1252 characters of the legacy bytes), decoded to NFC Unicode, and back.
 * Tables and their provenance: resources/encodings/ (SOURCES.md). Pure: tables are built once.
 */
import tcvn3Table from '../../../resources/encodings/tcvn3.json';
import vniTable from '../../../resources/encodings/vni.json';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** A TCVN3 code decodes to one letter; `caseless` when capital and small letter share the code. */
interface Tcvn3Code {
  letter: string;
  caseless: boolean;
}

const TCVN3_DECODE = buildTcvn3Decode(tcvn3Table);
const TCVN3_ENCODE: ReadonlyMap<string, string> = new Map(Object.entries(tcvn3Table));
const VNI_DECODE = buildVniDecode(vniTable);
const VNI_ENCODE: ReadonlyMap<string, string> = new Map(Object.entries(vniTable));

function buildTcvn3Decode(table: Readonly<Record<string, string>>): ReadonlyMap<string, Tcvn3Code> {
  const byCode = new Map<string, string[]>();
  for (const [letter, code] of Object.entries(table)) byCode.set(code, [...(byCode.get(code) ?? []), letter]);
  const out = new Map<string, Tcvn3Code>();
  for (const [code, letters] of byCode) {
    // A shared code stands for the small letter; its case is recovered later from context.
    const letter = letters.length > 1 ? letters[0]!.toLowerCase() : letters[0]!;
    out.set(code, { letter, caseless: letters.length > 1 });
  }
  return out;
}

function buildVniDecode(table: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [letter, code] of Object.entries(table)) out.set(code, letter);
  // Tolerate a mark whose case disagrees with its base letter (e.g. after Excel's PROPER());
  // the base letter decides the case. Canonical pairs win where both exist.
  for (const [letter, code] of Object.entries(table)) {
    if (code.length !== 2) continue;
    const mark = code[1]!;
    const flipped = mark === mark.toUpperCase() ? mark.toLowerCase() : mark.toUpperCase();
    if (!out.has(code[0]! + flipped)) out.set(code[0]! + flipped, letter);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fonts

/** The legacy encoding a cell's font implies, if any. `.VnTimeH`-style fonts show all capitals. */
export function encodingForFont(
  fontName: string | null | undefined,
): { encoding: LegacyEncoding; allCaps: boolean } | null {
  const name = (fontName ?? '').trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', allCaps: /h$/i.test(name) };
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', allCaps: false };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Decoding and encoding

/** Legacy text → NFC Unicode. Characters that are not legacy codes pass through unchanged. */
export function decodeLegacy(
  text: string,
  encoding: LegacyEncoding,
  opts: { allCaps?: boolean } = {},
): string {
  const out = encoding === 'tcvn3' ? decodeTcvn3(text, opts.allCaps === true) : decodeVni(text);
  return (encoding === 'vni' && opts.allCaps === true ? toUpper(out) : out).normalize('NFC');
}

/** NFC Unicode → legacy text (TCVN3 toned capitals get the small letter's code, as the encoding does). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === 'tcvn3' ? TCVN3_ENCODE : VNI_ENCODE;
  let out = '';
  for (const ch of text.normalize('NFC')) out += table.get(ch) ?? ch;
  return out;
}

function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    // Longest match first: base letter + mark, then a one-character code.
    const pair = i + 1 < text.length ? VNI_DECODE.get(text.slice(i, i + 2)) : undefined;
    if (pair !== undefined) {
      out += pair;
      i += 2;
    } else {
      const ch = text[i]!;
      out += VNI_DECODE.get(ch) ?? ch;
      i += 1;
    }
  }
  return out;
}

/** TCVN3 decoded letter by letter, toned capitals left small: enough to judge a word's shape. */
function tcvn3Letters(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch)?.letter ?? ch;
  return out;
}

function decodeTcvn3(text: string, allCaps: boolean): string {
  const chars: string[] = [];
  const caseless: boolean[] = [];
  for (const ch of text) {
    const code = TCVN3_DECODE.get(ch);
    chars.push(code?.letter ?? ch);
    caseless.push(code?.caseless ?? false);
  }
  if (allCaps) return toUpper(chars.join(''));
  if (caseless.includes(true)) recoverCase(chars, caseless);
  return chars.join('');
}

const LETTER_CACHE = new Map<string, boolean>();
/** Memoised: a cell's text repeats the same few characters, and the Unicode regex is slow. */
const isLetter = (c: string): boolean => {
  let hit = LETTER_CACHE.get(c);
  if (hit === undefined) LETTER_CACHE.set(c, (hit = /\p{L}/u.test(c)));
  return hit;
};
const isLower = (c: string): boolean => c !== c.toUpperCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase();
/** Per-letter upper case that never changes length (ß would become "SS"). */
const toUpper = (s: string): string =>
  Array.from(s, (c) => (c.toUpperCase().length === 1 ? c.toUpperCase() : c)).join('');

/**
 * TCVN3 writes a toned capital with the small letter's code. Make it a capital when the other
 * letters of its word are capitals ("HUYÖN" → "HUYỆN"). A word whose only other cased letter is
 * its initial ("Sè") reads as title case unless the rest of the text is all capitals.
 */
function recoverCase(chars: string[], caseless: boolean[]): void {
  const cased = chars.map((c, i) => !caseless[i] && isLetter(c) && (isLower(c) || isUpper(c)));
  const textHasLower = chars.some((c, i) => cased[i] && isLower(c));
  const casedTotal = cased.filter(Boolean).length;
  for (let s = 0; s < chars.length; ) {
    if (!isLetter(chars[s]!)) {
      s += 1;
      continue;
    }
    let e = s;
    while (e < chars.length && isLetter(chars[e]!)) e += 1;
    const upper = wordIsUpper(chars, cased, s, e, () => !textHasLower && casedTotal > casedIn(cased, s, e));
    for (let k = s; k < e; k += 1) if (caseless[k] && upper) chars[k] = toUpper(chars[k]!);
    s = e;
  }
}

function wordIsUpper(
  chars: readonly string[],
  cased: readonly boolean[],
  s: number,
  e: number,
  restOfTextIsCaps: () => boolean,
): boolean {
  let lower = false;
  let upper = false;
  for (let k = s + 1; k < e; k += 1) {
    if (!cased[k]) continue;
    if (isLower(chars[k]!)) lower = true;
    else upper = true;
  }
  if (lower || upper) return !lower;
  // Only the initial letter can tell: "Sè" is "Số" in running text, "SỐ" in an all-caps title.
  return cased[s] === true && isUpper(chars[s]!) && restOfTextIsCaps();
}

const casedIn = (cased: readonly boolean[], s: number, e: number): number =>
  cased.slice(s, e).filter(Boolean).length;

// ---------------------------------------------------------------------------------------------
// Detection by shape

/** Characters no legacy cell holds: Vietnamese letters outside Latin-1, combining marks. */
const UNICODE_ONLY = /[ĂăĐđĨĩŨũƠơƯư\u0300-\u036f\u1ea0-\u1ef9]/u;
const HAS_LATIN1 = /[\u00a1-\u00ff]/u;
const WORD_CHARS: ReadonlySet<string> = new Set([
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...Object.values(tcvn3Table).join(''),
  ...Object.values(vniTable).join(''),
  ...Array.from({ length: 0x100 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)).filter(isLetter),
]);

interface Votes {
  /** Words that read as Vietnamese only once decoded (short words count less). */
  evidence: number;
  /** Words that are Vietnamese as they stand but not once decoded. */
  against: number;
  /** Words that are Vietnamese neither way. */
  junk: number;
}

/**
 * Which legacy encoding the text is in, judged from its shape alone; null when it is (or may be)
 * ordinary text. Each word the decoding would change votes: for the encoding when only its decoded
 * form is a plausible Vietnamese syllable, against it when only the original is.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!HAS_LATIN1.test(text) || UNICODE_ONLY.test(text)) return null;
  const words = tokenize(text);
  const scored = (['tcvn3', 'vni'] as const)
    .map((encoding) => ({ encoding, votes: vote(words, encoding) }))
    .filter(({ votes }) => votes.evidence >= 1 && votes.against === 0 && votes.evidence > votes.junk)
    .map(({ encoding, votes }) => ({ encoding, score: votes.evidence - votes.junk }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best === undefined || (second !== undefined && second.score === best.score)) return null;
  return best.encoding;
}

function tokenize(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WORD_CHARS.has(ch)) {
      word += ch;
    } else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words;
}

function vote(words: readonly string[], encoding: LegacyEncoding): Votes {
  const votes: Votes = { evidence: 0, against: 0, junk: 0 };
  for (const word of words) {
    const decoded = encoding === 'tcvn3' ? tcvn3Letters(word) : decodeVni(word);
    const asIs = syllableScore(word, true, true);
    if (decoded.toLowerCase() === word.toLowerCase()) {
      // Untouched, but a non-ASCII word that is not Vietnamese says this is not legacy text.
      if (asIs === 0 && /\P{ASCII}/u.test(word)) votes.junk += 1;
      continue;
    }
    // TCVN3 loses case, so only a VNI decoding is held to a sensible case pattern.
    const asDecoded = syllableScore(decoded, encoding === 'vni');
    if (asDecoded === 2 && asIs === 0) votes.evidence += word.length >= 3 ? 1 : word.length === 2 ? 0.5 : 0;
    else if (asDecoded === 0 && asIs === 2) votes.against += 1;
    else if (asDecoded === 0) votes.junk += 1;
  }
  return votes;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable plausibility: onset + rhyme (+ tone), 2 = usual, 1 = rare or loanword, 0 = not.

// q takes a rhyme with a u glide ("quỳnh" = q + uynh); qu the rest ("quốc" = qu + ôc).
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', ...'bcdđghklmnpqrstvx', ''];
const RHYMES: ReadonlyMap<string, 1 | 2> = new Map([
  ...rhymeEntries(
    'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uy ưa ưi ưu iêu yêu ươi ươu uôi ' +
      'oa oe oai oay uê uya uây ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât ' +
      'ec em en eng ep et êch êm ên ênh êp êt ich im in inh ip it oc om on ong op ot ôc ôm ôn ông ôp ôt ' +
      'ơm ơn ơp ơt uc um un ung up ut ưc ưng ưt iêc iêm iên iêng iêp iêt yêm yên yêt uôc uôm uôn uông ' +
      'uôt ươc ươm ươn ương ươp ươt oac oach oan oang oanh oat oăc oăn oăt uân uât uynh uyt uyên uyêt',
    2,
  ),
  ...rhymeEntries('uơ uyu oeo ưm ơc ơng oong ooc oam oap oăm oăng oen oet oem uâng uênh uêch uych uyn uyp', 1),
]);

function rhymeEntries(list: string, score: 1 | 2): Array<[string, 1 | 2]> {
  return list.split(' ').map((w) => [w, score]);
}

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;
/** Each small Vietnamese letter → the letter without its tone, and the tone mark ('' if none). */
const LETTERS: ReadonlyMap<string, { base: string; tone: string }> = new Map(
  [...'abcdefghijklmnopqrstuvwxyz', ...Object.keys(tcvn3Table).map((letter) => letter.toLowerCase())].map((ch) => {
    const nfd = ch.normalize('NFD');
    return [ch, { base: nfd.replace(TONE_MARK, '').normalize('NFC'), tone: TONE_MARK.exec(nfd)?.[0] ?? '' }];
  }),
);
const STOP_TONES = new Set(['\u0301', '\u0323']);

/**
 * How plausible `word` is as one Vietnamese syllable (case aside). With `lenient` (for text as it
 * stands) a tone that breaks the stop-coda rule only makes the word rare: hand-typed Unicode has
 * typos, and a typo must not count as evidence that the text is legacy.
 */
function syllableScore(word: string, checkCase: boolean, lenient = false): 0 | 1 | 2 {
  if (checkCase && !saneCase(word)) return 0;
  let base = '';
  let tone = '';
  let at = -1;
  let i = 0;
  for (const ch of word.toLowerCase()) {
    // Only Vietnamese letters: ñ, ö, ä... are not, though they too decompose into letter + mark.
    const letter = LETTERS.get(ch);
    if (letter === undefined || (letter.tone !== '' && at >= 0)) return 0;
    if (letter.tone !== '') [tone, at] = [letter.tone, i];
    base += letter.base;
    i += 1;
  }
  if (!/[aeiouyăâêôơư]/u.test(base)) return 1; // an abbreviation such as "ĐDĐT": no verdict
  let best: 0 | 1 | 2 = 0;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    const score = RHYMES.get(rhyme);
    if (score === undefined) continue;
    // Stop codas take only the sắc or nặng tone.
    const toneOk = !/(c|ch|p|t)$/u.test(rhyme) || STOP_TONES.has(tone);
    if (!toneOk && !lenient) continue;
    const fits = toneOk && toneFits(rhyme, at - onset.length) ? onsetFits(onset, rhyme) : 1;
    best = Math.max(best, Math.min(score, fits)) as 0 | 1 | 2;
  }
  return best;
}

/**
 * Whether the tone sits where Vietnamese puts it (old or new style): on the last vowel with a
 * circumflex, breve or horn; else on the last vowel before a final consonant; else, in an open
 * rhyme, on the first of two vowels (either for oa, oe, uy) or the middle of three.
 */
function toneFits(rhyme: string, at: number): boolean {
  if (at < 0) return true;
  const vowels: number[] = [];
  let marked = -1;
  for (let i = 0; i < rhyme.length; i += 1) {
    if (!'aeiouyăâêôơư'.includes(rhyme[i]!)) continue;
    vowels.push(i);
    if ('ăâêôơư'.includes(rhyme[i]!)) marked = i;
  }
  if (marked >= 0) return at === marked;
  if (vowels.length < rhyme.length || vowels.length === 1) return at === vowels[vowels.length - 1];
  if (vowels.length === 3) return at === vowels[1];
  return rhyme === 'oa' || rhyme === 'oe' || rhyme === 'uy' || at === vowels[0];
}

/** Spelling rules between onset and rhyme; breaking one is rare (loanwords, names), not impossible. */
function onsetFits(onset: string, rhyme: string): 0 | 1 | 2 {
  const front = /^[ieêy]/u.test(rhyme);
  if (onset === 'q') return rhyme.startsWith('u') ? 2 : 0;
  if (onset === 'p') return 1;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !front) return 1;
  if ((onset === 'c' || onset === 'ng') && front) return 1;
  if (onset === 'qu' && /^[ou]/u.test(rhyme)) return 1;
  return 2;
}

/** All small, all capitals, or a capital initial: what real words look like. */
function saneCase(word: string): boolean {
  const rest = word.slice(1);
  return word === word.toLowerCase() || word === word.toUpperCase() || rest === rest.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Decode one cell's text: by its font when the font is a legacy one, else by the text's shape.
 * `encoding` is null when the text was left as it is. A legacy font over text that is plainly
 * Unicode (Vietnamese letters outside Latin-1, or words that only make sense as they stand) is
 * ignored: people paste Unicode into old templates.
 */
export function decodeCellText(
  text: string,
  fontName?: string | null,
): { text: string; encoding: LegacyEncoding | null } {
  const byFont = encodingForFont(fontName);
  const encoding = byFont ? (fontApplies(text, byFont.encoding) ? byFont.encoding : null) : detectLegacyEncoding(text);
  if (encoding === null) return { text, encoding: null };
  const decoded = decodeLegacy(text, encoding, { allCaps: byFont?.allCaps === true });
  return decoded === text ? { text, encoding: null } : { text: decoded, encoding };
}

function fontApplies(text: string, encoding: LegacyEncoding): boolean {
  if (UNICODE_ONLY.test(text)) return false;
  const votes = vote(tokenize(text), encoding);
  return !(votes.against > 0 && votes.evidence === 0);
}
