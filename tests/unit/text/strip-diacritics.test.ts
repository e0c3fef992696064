/** The fast diacritic strip is exactly the NFD definition, on every text, not only on names. */
import { describe, expect, it } from 'vitest';
import { stripDiacritics, stripDiacriticsByNfd, stripDiacriticsOnce } from '../../../main/core/text/clean-text';

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const NAMES = ['Huyện Quế Phong', 'THỊ XÃ HOÀNG MAI', 'Đặc khu Phú Quốc', 'xã Hòa Sơn', 'xã Hoà Sơn', 'thuỷ', 'Số TK ĐDĐT đã kích hoạt', 'DIEN CHAU', ''];

describe('stripDiacriticsOnce', () => {
  it('gives what NFD and dropping the marks give, for every character up to U+2FFF, alone and beside others', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x3000; cp++) {
      const c = String.fromCharCode(cp);
      for (const s of [c, `a${c}`, `${c}b`, `${c}\u0301`, `Ệ${c}`, `${c}\u0323\u0302`, `đ${c}Đ`]) {
        if (stripDiacriticsOnce(s) !== stripDiacriticsByNfd(s)) wrong.push(JSON.stringify(s));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees on names, decomposed text, combining marks that NFD reorders, long text and random mixes', () => {
    const texts = [...NAMES, ...NAMES.map((n) => n.normalize('NFD')), ...NAMES.map((n) => n.toUpperCase()),
      'e\u0323\u0302\u05b0', 'ệ\u05b0\u0591', 'Å ﬁ ǅ', 'x'.repeat(5000) + 'ế', 'ệ'.repeat(3000)];
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const pool = `${VIETNAMESE}${VIETNAMESE.toUpperCase()} .,-/0123456789abcXYZ\u0300\u0301\u0303\u0309\u0323\u031b\u00a0\u200b`;
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: 1 + rnd(30) }, () => pool[rnd(pool.length)]).join(''));
    for (const s of texts) expect(stripDiacriticsOnce(s), JSON.stringify(s)).toBe(stripDiacriticsByNfd(s));
    for (const s of texts) expect(stripDiacritics(s)).toBe(stripDiacriticsByNfd(s));
  });

  it('returns ASCII text as it is', () => {
    const s = 'CONG AN HUYEN DIEN CHAU';
    expect(stripDiacriticsOnce(s)).toBe(s);
    expect(stripDiacriticsOnce('Quỳnh Lưu')).toBe('Quynh Luu');
  });
});
