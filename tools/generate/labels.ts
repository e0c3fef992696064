/**
 * How a district writes an indicator's label: the catalog name, its aliases and variants written here,
 * with abbreviations (ĐDĐT, TK, VK, VLN, CCHT, ANTT, PCCC, đ.tượng, TTHC), "- " / "+ " / "Trong đó:"
 * prefixes for parts, stray spaces. Every variant means the same indicator: an importer must map it,
 * or leave it for a person, but never to another indicator.
 */
import type { CatalogIndicator } from '../../shared/catalog';
import type { Rng } from './prng';

const VARIANTS: Record<string, string[]> = {
  NHA_KH: ['Kế hoạch xây dựng nhà ở cho hộ nghèo năm', 'Số nhà hỗ trợ hộ nghèo theo kế hoạch năm', 'Số nhà ở hỗ trợ hộ nghèo (kế hoạch năm)'],
  NHA_XD: ['Số nhà đã xây dựng, bàn giao cho hộ nghèo', 'Nhà ở cho hộ nghèo đã xây dựng, bàn giao', 'Số nhà ở đã XD, bàn giao cho hộ nghèo'],
  DD_THUNHAN: ['Số hồ sơ ĐDĐT đã thu nhận', 'Thu nhận hồ sơ cấp TK ĐDĐT', 'Số hồ sơ định danh điện tử đã tiếp nhận', 'Hồ sơ cấp tài khoản ĐDĐT mức 2 đã thu nhận'],
  DD_KICHHOAT: ['Số TK ĐDĐT đã kích hoạt', 'Số tài khoản ĐDĐT được kích hoạt', 'Tài khoản định danh điện tử đã kích hoạt'],
  DVC_TONG: ['Tổng số hồ sơ TTHC tiếp nhận', 'Tổng số hồ sơ thủ tục hành chính đã tiếp nhận', 'Tổng số hồ sơ DVC đã tiếp nhận'],
  DVC_TRUCTUYEN: ['Số hồ sơ tiếp nhận qua DVC trực tuyến', 'Hồ sơ tiếp nhận trực tuyến', 'Trong đó: số hồ sơ tiếp nhận trực tuyến'],
  DVC_TYLE: ['Tỉ lệ hồ sơ tiếp nhận trực tuyến', 'Tỷ lệ tiếp nhận hồ sơ trực tuyến', 'Tỷ lệ hồ sơ trực tuyến (%)'],
  TT_DOT: ['Tuyên truyền (số đợt)', 'Số buổi tuyên truyền', 'Số cuộc tuyên truyền', 'Số đợt tổ chức tuyên truyền'],
  TT_LUOT: ['Số lượt người nghe tuyên truyền', 'Lượt người tham dự tuyên truyền', 'Số lượt người tham gia tuyên truyền'],
  MH_TONG: ['Tổng số mô hình tự quản về ANTT', 'Tổng số tổ chức, mô hình tự quản về ANTT', 'Tổng số tổ chức, mô hình tự quản về an ninh trật tự'],
  MH_LIENGIA: ['Số nhóm liên gia tự quản', 'Nhóm liên gia tự quản'],
  MH_ANND: ['Số tổ an ninh nhân dân', 'Tổ an ninh nhân dân'],
  MH_HOAGIAI: ['Tổ hoà giải', 'Số tổ hòa giải', 'Tổ hòa giải'],
  MH_PCCC: ['Tổ PCCC', 'Tổ phòng cháy chữa cháy', 'Số tổ PCCC'],
  LL_GIUPDO: ['Số người lầm lỗi được giúp đỡ tại cộng đồng', 'Người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng', 'Quản lý, giáo dục, giúp đỡ người lầm lỗi tại cộng đồng (người)'],
  CN_DOT: ['Số đợt cai nghiện tại cộng đồng', 'Số đợt tổ chức cai nghiện ma tuý tại cộng đồng', 'Cai nghiện ma túy tại cộng đồng (số đợt)'],
  CN_NGHIEN: ['Số người nghiện cai nghiện tại cộng đồng', 'Người nghiện được cai nghiện ma túy tại cộng đồng', 'Số người nghiện được cai nghiện ma tuý tại cộng đồng'],
  CN_TUBO: ['Số người đã từ bỏ ma túy', 'Trong đó: số người đã từ bỏ được ma túy', 'Số người cai nghiện thành công'],
  TP_DIENTICH: ['Diện tích cây thuốc phiện triệt phá', 'Diện tích cây thuốc phiện đã phát hiện, triệt phá'],
  VK_TONG: ['Tổng số VK, VLN, CCHT thu hồi', 'Vũ khí, VLN, CCHT thu hồi (tổng)', 'Tổng số vũ khí, VLN, CCHT đã thu hồi', 'Tổng số VK, VLN, CCHT vận động thu hồi'],
  VK_SUNG: ['Súng các loại', 'Súng'],
  VK_LUUDAN: ['Lựu đạn, bom, mìn, đạn pháo', 'Lựu đạn, bom mìn, đạn pháo'],
  VK_KIP: ['Kíp nổ', 'Kíp nổ các loại'],
  VK_CCHT: ['Công cụ hỗ trợ', 'CCHT các loại'],
  VK_THUOCNO: ['Thuốc nổ', 'Thuốc nổ các loại'],
  DT_DAUTHU: ['Số đối tượng đầu thú', 'Số đ.tượng ra đầu thú', 'Đối tượng ra đầu thú'],
  DT_TRUYNA: ['Trong đó: truy nã', 'Trong đó: đối tượng truy nã', 'Đối tượng có lệnh truy nã', 'Trong đó: đ.tượng có lệnh truy nã'],
};

/** Whole-phrase abbreviations, applied to the catalog wording. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/định danh điện tử/gu, 'ĐDĐT'],
  [/tài khoản/gu, 'TK'],
  [/vũ khí/gu, 'VK'],
  [/vật liệu nổ/gu, 'VLN'],
  [/công cụ hỗ trợ/gu, 'CCHT'],
  [/an ninh, trật tự/gu, 'ANTT'],
  [/phòng cháy, chữa cháy/gu, 'PCCC'],
  [/đối tượng/gu, 'đ.tượng'],
  [/thủ tục hành chính/gu, 'TTHC'],
];

export function abbreviate(label: string): string {
  return ABBREVIATIONS.reduce((s, [re, short]) => s.replace(re, short), label);
}

/** Every way this indicator may be written, before prefixes and spacing. */
export function labelVariants(ind: CatalogIndicator): string[] {
  const base = [ind.name, ...ind.aliases, ...(VARIANTS[ind.code] ?? [])];
  const all = [...base, ...base.map(abbreviate)];
  return [...new Set(all)];
}

/** A part of the row above: "- Súng", "+ Súng", "Trong đó: súng" (first part only) or bare. */
export function partPrefix(label: string, firstPart: boolean, style: number): string {
  if (/^trong\s+đó/iu.test(label)) return label;
  if (style === 0) return `- ${label}`;
  if (style === 1) return `+ ${label}`;
  if (style === 2 && firstPart) return `Trong đó: ${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)}`;
  return label;
}

/** Typing noise: trailing spaces, a doubled space, a non-breaking space. */
export function spacing(label: string, rng: Rng, rate: number): string {
  if (!rng.chance(rate)) return label;
  const x = rng.int(0, 2);
  if (x === 0) return `${label}  `;
  if (x === 1) return label.replace(' ', '  ');
  return label.replace(' ', '\u00a0');
}

/** Each unit keeps one wording per indicator in all its returns, with an occasional change. */
export function unitLabels(indicators: CatalogIndicator[], rng: Rng): Record<string, string> {
  const preferCatalog = rng.uniform(0.2, 0.7);
  const out: Record<string, string> = {};
  for (const ind of indicators) out[ind.code] = rng.chance(preferCatalog) ? ind.name : rng.pick(labelVariants(ind));
  return out;
}

/** Units of measure as some districts write them. */
const UNIT_VARIANTS: Record<string, string[]> = {
  'đối tượng': ['đối tượng', 'đ.tượng', 'Đối tượng'],
  'lượt người': ['lượt người', 'lượt'],
  'khẩu/quả/cái': ['khẩu/quả/cái', 'khẩu, quả, cái'],
  'hồ sơ': ['hồ sơ', 'Hồ sơ'],
  'tài khoản': ['tài khoản', 'TK'],
};

export function unitOfMeasure(unit: string, rng: Rng): string {
  return rng.chance(0.6) ? unit : rng.pick(UNIT_VARIANTS[unit] ?? [unit]);
}
