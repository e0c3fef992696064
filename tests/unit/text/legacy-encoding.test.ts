import { describe, it, expect } from 'vitest';
import tcvn3Table from '../../../resources/encodings/tcvn3.json';
import vniTable from '../../../resources/encodings/vni.json';
import {
  decodeCellText,
  decodeLegacy,
  detectLegacyEncoding,
  encodeLegacy,
  encodingForFont,
  type LegacyEncoding,
} from '../../../main/core/text/legacy-encoding';

const TABLES: Record<LegacyEncoding, Record<string, string>> = { tcvn3: tcvn3Table, vni: vniTable };
const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni'];
const isUpper = (c: string): boolean => c !== c.toLowerCase();

/** Real labels, names and phrases of the returns (DOMAIN.md), all carrying Vietnamese diacritics. */
const VIETNAMESE = [
  'Số nhà ở hỗ trợ hộ nghèo theo kế hoạch năm',
  'Số nhà ở đã xây dựng, bàn giao cho hộ nghèo',
  'Số hồ sơ định danh điện tử đã thu nhận',
  'Số tài khoản định danh điện tử đã kích hoạt',
  'Tổng số hồ sơ thủ tục hành chính tiếp nhận',
  'Số hồ sơ tiếp nhận trực tuyến',
  'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
  'Số đợt tuyên truyền',
  'Số lượt người tham dự tuyên truyền',
  'Tổng số tổ chức, mô hình tự quản về an ninh, trật tự',
  'Nhóm liên gia tự quản',
  'Tổ an ninh nhân dân',
  'Tổ hòa giải',
  'Tổ phòng cháy, chữa cháy',
  'Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng',
  'Số đợt cai nghiện ma túy tại cộng đồng',
  'Số người nghiện được cai nghiện tại cộng đồng',
  'Số người đã từ bỏ được ma túy',
  'Diện tích cây thuốc phiện bị phát hiện, triệt phá',
  'Tổng số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi',
  'Súng các loại',
  'Lựu đạn, bom, mìn, đạn pháo',
  'Kíp nổ',
  'Công cụ hỗ trợ',
  'Thuốc nổ',
  'Số đối tượng ra đầu thú',
  'Trong đó: đối tượng có lệnh truy nã',
  'Công an huyện Diễn Châu',
  'Thị xã Thái Hòa',
  'Huyện Quỳnh Lưu',
  'Lũy kế',
  'Tổng cộng',
  'Biểu số 01',
  'Đơn vị tính: người',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Nghệ An, ngày 23 tháng 5 năm 2023',
  'Thái Hòa',
  'Hoà',
  'Kỳ Sơn',
  'Tương Dương',
  'Yên Thành',
  'Đô Lương',
  'Nam Đàn',
  'Hoàng Mai',
  'tài khoản',
];

/** Text that must never be taken for legacy text. */
const NOT_LEGACY = [
  ...VIETNAMESE.map((s) => s.normalize('NFC')),
  ...VIETNAMESE.map((s) => s.normalize('NFD')),
  'Tổ hoà giải',
  'THÁI HÒA',
  'Hòa',
  'Khánh Hòa',
  'Thanh Hoá',
  'Tân Kì',
  'Mã số',
  'tên',
  'có',
  'Ô tô',
  'Dien Chau',
  'DIEN CHAU',
  'Trong thang',
  'Luy ke',
  'Total',
  'Number of weapons recovered',
  'café',
  'Zürich',
  'São Paulo',
  '25°C',
  '± 5%',
  '1.800',
  '23,7',
  '3.970/4.363',
  '1,5 triệu',
  '-',
  '',
];

describe('encodeLegacy / decodeLegacy letters', () => {
  for (const encoding of ENCODINGS) {
    const table = TABLES[encoding];

    it(`${encoding}: has all 134 letters and encodes each as the table says`, () => {
      expect(Object.keys(table)).toHaveLength(134);
      for (const [letter, code] of Object.entries(table)) expect(encodeLegacy(letter, encoding)).toBe(code);
    });

    it(`${encoding}: round-trips every letter inside a word of its own case`, () => {
      for (const letter of Object.keys(table)) {
        // Neighbours of the same case let TCVN3 recover the case of a toned capital.
        const word = isUpper(letter) ? `B${letter}N` : `b${letter}n`;
        expect(decodeLegacy(encodeLegacy(word, encoding), encoding)).toBe(word);
      }
    });

    it(`${encoding}: round-trips every letter on its own with an all-caps font for capitals`, () => {
      for (const letter of Object.keys(table)) {
        const code = encodeLegacy(letter, encoding);
        expect(decodeLegacy(code, encoding, { allCaps: isUpper(letter) })).toBe(letter);
      }
    });
  }

  it('tcvn3: a toned capital shares the small letter code; a lone one decodes small', () => {
    expect(encodeLegacy('Ệ', 'tcvn3')).toBe(encodeLegacy('ệ', 'tcvn3'));
    expect(decodeLegacy('Ö', 'tcvn3')).toBe('ệ');
    expect(encodeLegacy('Ê', 'tcvn3')).not.toBe(encodeLegacy('ê', 'tcvn3'));
  });

  it('vni: longest match first, a base letter followed by its mark', () => {
    expect(decodeLegacy('Soá', 'vni')).toBe('Số');
    expect(decodeLegacy('ngöôøi', 'vni')).toBe('người');
    expect(decodeLegacy('thuôû', 'vni')).toBe('thuở');
    expect(decodeLegacy('Ñôn vò tính', 'vni')).toBe('Đơn vị tính');
    // A mark in the other case than its base (e.g. after PROPER()) still decodes.
    expect(decodeLegacy('Oâng', 'vni')).toBe('Ông');
  });

  it('returns NFC and leaves non-codes alone', () => {
    const out = decodeLegacy('Tæng sè: 1.800 (23,7%)', 'tcvn3');
    expect(out).toBe('Tổng số: 1.800 (23,7%)');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('whole sentences', () => {
  const sentences = [
    'Số người nghiện được cai nghiện tại cộng đồng',
    'Tổng số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi',
    'Người lầm lỗi',
    'Đơn vị tính',
  ];
  for (const encoding of ENCODINGS) {
    for (const sentence of sentences) {
      it(`${encoding}: ${sentence}`, () => {
        const legacy = encodeLegacy(sentence, encoding);
        expect(legacy).not.toBe(sentence);
        expect(decodeLegacy(legacy, encoding)).toBe(sentence);
        expect(decodeCellText(legacy)).toEqual({ text: sentence, encoding });
      });
    }
  }

  it('tcvn3 with an all-caps font: CÔNG AN HUYỆN DIỄN CHÂU', () => {
    const title = 'CÔNG AN HUYỆN DIỄN CHÂU';
    expect(decodeCellText(encodeLegacy(title, 'tcvn3'), '.VnTimeH')).toEqual({ text: title, encoding: 'tcvn3' });
    // Typists of .VnTimeH fonts type small letters; the font shows them as capitals.
    const typed = encodeLegacy(title.toLowerCase(), 'tcvn3');
    expect(decodeCellText(typed, '.VnTimeH')).toEqual({ text: title, encoding: 'tcvn3' });
    expect(decodeCellText(typed, '.VnTime')).toEqual({ text: 'công an huyện diễn châu', encoding: 'tcvn3' });
  });

  it('vni: CÔNG AN HUYỆN DIỄN CHÂU keeps its capitals without a font', () => {
    const title = 'CÔNG AN HUYỆN DIỄN CHÂU';
    expect(encodeLegacy(title, 'vni')).toBe('COÂNG AN HUYEÄN DIEÃN CHAÂU');
    expect(decodeCellText(encodeLegacy(title, 'vni'), 'VNI-Times')).toEqual({ text: title, encoding: 'vni' });
  });
});

describe('TCVN3 ư is the soft hyphen', () => {
  it('decodes U+00AD as ư', () => {
    expect(encodeLegacy('ư', 'tcvn3')).toBe('\u00ad');
    expect(decodeLegacy('Sè ng\u00adêi', 'tcvn3')).toBe('Số người');
    expect(decodeCellText('Sè ng\u00adêi')).toEqual({ text: 'Số người', encoding: 'tcvn3' });
    expect(decodeLegacy('H\u00adng Nguyªn', 'tcvn3')).toBe('Hưng Nguyên');
    expect(decodeLegacy('\u00a6', 'tcvn3')).toBe('Ư');
  });
});

describe('case recovery of TCVN3 toned capitals', () => {
  it('makes every letter of an all-caps title upper-case without a font', () => {
    const title = 'CÔNG AN HUYỆN YÊN THÀNH';
    const legacy = encodeLegacy(title, 'tcvn3');
    expect(legacy).toBe('C¤NG AN HUYÖN Y£N TH\u00b5NH');
    const { text, encoding } = decodeCellText(legacy);
    expect(encoding).toBe('tcvn3');
    expect(text).toBe(title);
    for (const ch of text.replace(/\s/g, '')) expect(isUpper(ch)).toBe(true);
  });

  it('takes the case of a toned letter from the rest of its word', () => {
    expect(decodeLegacy('HUYÖN', 'tcvn3')).toBe('HUYỆN');
    expect(decodeLegacy('huyÖn', 'tcvn3')).toBe('huyện');
    expect(decodeLegacy('HuyÖn', 'tcvn3')).toBe('Huyện');
    expect(decodeLegacy('èNG', 'tcvn3')).toBe('ỐNG');
  });

  it('reads a capital initial followed by a toned letter as title case in running text', () => {
    expect(decodeLegacy('Sè liÖu', 'tcvn3')).toBe('Số liệu');
    expect(decodeLegacy('Sè', 'tcvn3')).toBe('Số');
    expect(decodeLegacy('Sè LIÖU', 'tcvn3')).toBe('SỐ LIỆU');
    expect(decodeLegacy('AN NINH Vµ TRËT Tù', 'tcvn3')).toBe('AN NINH VÀ TRẬT TỰ');
  });

  it('keeps a word of one toned letter small unless the font is all-caps', () => {
    expect(decodeLegacy('ë', 'tcvn3')).toBe('ở');
    expect(decodeLegacy('NHµ ë', 'tcvn3')).toBe('NHÀ ở');
    expect(decodeLegacy('nhµ ë', 'tcvn3', { allCaps: true })).toBe('NHÀ Ở');
  });
});

describe('detectLegacyEncoding', () => {
  it('recognises typical TCVN3 and VNI text', () => {
    for (const text of ['BiÓu sè', 'C«ng an huyÖn DiÔn Ch©u', 'Sè ng\u00adêi', 'Tæng sè']) {
      expect(detectLegacyEncoding(text), text).toBe('tcvn3');
    }
    for (const text of ['Ñôn vò tính', 'Soá lieäu', 'Coâng an huyeän']) {
      expect(detectLegacyEncoding(text), text).toBe('vni');
    }
  });

  it(`returns null on ${NOT_LEGACY.length} ordinary strings (Unicode NFC and NFD, English, numbers)`, () => {
    expect(NOT_LEGACY.length).toBeGreaterThanOrEqual(30);
    for (const text of NOT_LEGACY) expect(detectLegacyEncoding(text), JSON.stringify(text)).toBeNull();
  });

  for (const encoding of ENCODINGS) {
    it(`${encoding}: recognises the legacy form of ${VIETNAMESE.length} labels`, () => {
      expect(VIETNAMESE.length).toBeGreaterThanOrEqual(30);
      for (const text of VIETNAMESE) {
        const legacy = encodeLegacy(text, encoding);
        expect(detectLegacyEncoding(legacy), `${legacy} (${text})`).toBe(encoding);
        expect(decodeCellText(legacy).text).toBe(text);
      }
    });
  }

  it('gives no verdict on a lone ambiguous word rather than guess', () => {
    // "sè" is Unicode "sè" or TCVN3 "số"; "Soá" is Unicode "Soá" or VNI "Số".
    expect(detectLegacyEncoding('sè')).toBeNull();
    expect(detectLegacyEncoding('Soá')).toBeNull();
    expect(detectLegacyEncoding('µm')).toBeNull();
  });
});

describe('encodingForFont', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', allCaps: false }],
    ['.VnTimeH', { encoding: 'tcvn3', allCaps: true }],
    ['.VnArial', { encoding: 'tcvn3', allCaps: false }],
    ['.VnArialH', { encoding: 'tcvn3', allCaps: true }],
    ['.VnCentury Schoolbook', { encoding: 'tcvn3', allCaps: false }],
    ['.vntime', { encoding: 'tcvn3', allCaps: false }],
    [' .VnTimeH ', { encoding: 'tcvn3', allCaps: true }],
    ['VNI-Times', { encoding: 'vni', allCaps: false }],
    ['VNI-Helve', { encoding: 'vni', allCaps: false }],
    ['VNI Times', { encoding: 'vni', allCaps: false }],
    ['vni-times', { encoding: 'vni', allCaps: false }],
  ] as const)('%s', (font, expected) => {
    expect(encodingForFont(font)).toEqual(expected);
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'VnTime', 'VNIX', 'Vni', '', null, undefined])(
    '%s is not a legacy font',
    (font) => {
      expect(encodingForFont(font)).toBeNull();
    },
  );
});

describe('decodeCellText', () => {
  it('leaves Unicode and plain text alone', () => {
    expect(decodeCellText('Số người')).toEqual({ text: 'Số người', encoding: null });
    expect(decodeCellText('Thái Hòa', 'Times New Roman')).toEqual({ text: 'Thái Hòa', encoding: null });
    expect(decodeCellText('1.800')).toEqual({ text: '1.800', encoding: null });
  });

  it('trusts a legacy font, but not over text that can only be Unicode', () => {
    expect(decodeCellText('Sè', '.VnTime')).toEqual({ text: 'Số', encoding: 'tcvn3' });
    expect(decodeCellText('Soá', 'VNI-Times')).toEqual({ text: 'Số', encoding: 'vni' });
    expect(decodeCellText('Số người', '.VnTime')).toEqual({ text: 'Số người', encoding: null });
    expect(decodeCellText('Thái Hòa Tính', '.VnTime')).toEqual({ text: 'Thái Hòa Tính', encoding: null });
  });

  it('detects legacy text under a Unicode font (values pasted into a new template)', () => {
    expect(decodeCellText('C«ng an huyÖn DiÔn Ch©u', 'Times New Roman')).toEqual({
      text: 'Công an huyện Diễn Châu',
      encoding: 'tcvn3',
    });
  });
});
