import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/core/catalog/load-catalog';
import { buildLabelIndex, matchLabel } from '../../../main/core/catalog/match-label';
import { indexLexicon, normalizeLabel } from '../../../main/core/catalog/normalize-label';

const { catalog, lexicon } = loadCatalog();
const lex = indexLexicon(lexicon);
const index = buildLabelIndex(catalog.indicators, lex);
const match = (label: string, unit?: string, parentAbove?: string | null) => matchLabel(index, label, { unit: unit ?? null, parentAbove: parentAbove ?? null });

describe('normalising a label', () => {
  it('folds NFD, case, spaces, tone placement, prefixes and abbreviations', () => {
    const nfd = '- Trong đó:  Số TK ĐDĐT   đã kích hoạt'.normalize('NFD');
    const n = normalizeLabel(nfd, lex);
    expect(n.isPart).toBe(true);
    expect(n.tokens).toEqual(['tài', 'khoản', 'định', 'danh', 'điện', 'tử', 'kích', 'hoạt']);
    expect(normalizeLabel('Tổ hoà giải', lex).tokens).toEqual(normalizeLabel('TỔ HÒA GIẢI', lex).tokens);
    expect(normalizeLabel('3. Súng các loại (khẩu)', lex)).toMatchObject({ tokens: ['súng'], bracketUnit: 'khẩu' });
  });
});

describe('matching a label to the catalog', () => {
  it.each([
    ['Số tài khoản định danh điện tử đã kích hoạt', 'DD_KICHHOAT'],
    ['SỐ TK ĐDĐT ĐÃ KÍCH HOẠT', 'DD_KICHHOAT'],
    ['Kích hoạt tài khoản định danh điện tử', 'DD_KICHHOAT'],
    ['Tổng số VK, VLN, CCHT thu hồi', 'VK_TONG'],
    ['Vũ khí, VLN, CCHT thu hồi (tổng)', 'VK_TONG'],
    ['- Công cụ hỗ trợ', 'VK_CCHT'],
    ['Số buổi tuyên truyền', 'TT_DOT'],
    ['Tổ phòng cháy chữa cháy', 'MH_PCCC'],
    ['Tổ PCCC', 'MH_PCCC'],
  ])('%s → %s', (label, code) => {
    expect(match(label).indicator).toBe(code);
  });

  it.each([
    ['Hồ sơ cấp TK ĐDĐT mức 2 đã thu nhận', 'hồ sơ', 'DD_THUNHAN'],
    ['Số đợt cai nghiện tại cộng đồng', 'đợt', 'CN_DOT'],
    ['Người nghiện được cai nghiện ma túy tại cộng đồng', 'người', 'CN_NGHIEN'],
    ['16.3 Kíp nổ các loại', 'cái', 'VK_KIP'],
  ])('uses the row\'s unit of measure to tell close indicators apart: %s (%s) → %s', (label, unit, code) => {
    expect(match(label, unit).indicator).toBe(code);
  });

  it('reads a "trong đó" part under its parent', () => {
    expect(match('- Trong đó: truy nã', 'đ.tượng', 'DT_DAUTHU')).toMatchObject({ indicator: 'DT_TRUYNA' });
    // The same words with no parent above are not enough.
    expect(match('- Trong đó: truy nã', 'đ.tượng', null).indicator).toBeNull();
  });

  it.each([
    ['Số vụ tai nạn giao thông', 'vụ'],
    ['Số người nghiện', 'người'],
    ['Số đối tượng bị bắt', 'đối tượng'],
    ['Số hồ sơ định danh điện tử bị từ chối', 'hồ sơ'],
    ['Số súng tự chế', 'khẩu'],
    ['Số hộ nghèo', 'hộ'],
    ['Tổng số tiền hỗ trợ', 'triệu đồng'],
    ['Số camera an ninh lắp đặt', 'cái'],
    ['Số người cai nghiện tại cơ sở', 'người'],
    ['Số tài khoản ĐDĐT chưa kích hoạt', 'tài khoản'],
    ['Số hồ sơ định danh điện tử đã thu nhận nhưng bị trả lại', 'hồ sơ'],
  ])('never guesses %s into an indicator', (label, unit) => {
    expect(match(label, unit).indicator).toBeNull();
  });

  it('offers the closest indicators as suggestions', () => {
    const r = match('Số hồ sơ định danh điện tử bị từ chối', 'hồ sơ');
    expect(r.indicator).toBeNull();
    if (r.indicator === null) expect(r.suggestions[0]?.indicator).toBe('DD_THUNHAN');
  });

  it('refuses a match whose unit of measure disagrees', () => {
    expect(match('Súng các loại', 'kg').indicator).toBeNull();
    expect(match('Súng các loại', 'khẩu').indicator).toBe('VK_SUNG');
  });

  it('uses a mapping a person confirmed', () => {
    const withMapping = buildLabelIndex(catalog.indicators, lex, [{ label: 'Số người cai nghiện tại cơ sở', indicator: 'CN_NGHIEN' }]);
    expect(matchLabel(withMapping, 'số người cai nghiện tại cơ sở').indicator).toBe('CN_NGHIEN');
  });
});

describe('matching on evidence (issue 14)', () => {
  it('never suggests an indicator the row\'s ĐVT rules out', () => {
    const r = match('Số lượt người tham dự tuyên truyền', 'đợt');
    expect(r.indicator).toBeNull();
    if (r.indicator === null) expect(r.suggestions.map((s) => s.indicator)).not.toContain('TT_LUOT');
  });

  it('lets the ĐVT tell apart indicators that hold all of the label\'s words', () => {
    expect(match('Tuyên truyền', 'đợt').indicator).toBe('TT_DOT');
    expect(match('Tuyên truyền', 'lượt')).toMatchObject({ indicator: 'TT_LUOT', how: 'unit-decides' });
    // Without a ĐVT the words alone do not decide.
    expect(match('Tuyên truyền').indicator).toBeNull();
  });

  it('reads a unit the catalog lists as the same thing ("người" for "đối tượng") as agreeing', () => {
    expect(match('Số đối tượng ra đầu thú', 'người').indicator).toBe('DT_DAUTHU');
    expect(match('Số đối tượng ra đầu thú', 'khẩu').indicator).toBeNull();
  });

  it('gives each suggestion its evidence: words, ĐVT and the row above', () => {
    const r = match('- Công cụ HT', 'cái', 'VK_TONG');
    expect(r.indicator).toBeNull();
    if (r.indicator !== null) return;
    expect(r.suggestions[0]).toMatchObject({ indicator: 'VK_CCHT' });
    expect(r.suggestions[0]!.evidence).toEqual(expect.arrayContaining([
      { kind: 'words', words: ['công', 'cụ'] }, { kind: 'unit', unit: 'cái' },
      { kind: 'under', indicator: 'VK_TONG', name: 'Tổng số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi' },
    ]));
  });

  it('maps a "trong đó" part to the only child of the row above that holds its words', () => {
    expect(match('Trong đó: trực tuyến', 'hồ sơ', 'DVC_TONG')).toMatchObject({ indicator: 'DVC_TRUCTUYEN', how: 'part-of-above' });
    expect(match('Trong đó: trực tuyến', 'hồ sơ', null).indicator).toBeNull();
  });
});
