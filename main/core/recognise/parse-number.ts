/**
 * Numbers as Vietnamese clerks type them (DOMAIN.md "Numbers as typed"): "1.800" = 1800,
 * "23,7" = 23.7, "-" = 0, "25 khẩu" carries its unit, "1,5 triệu" = 1,500,000, "gần 50%" is
 * approximate, "3.970/4.363" is two figures (not one). Pure; the text as typed is kept by the caller.
 */

export type ParsedNumber =
  | { kind: 'number'; value: number; unit?: string; approx?: boolean; percent?: boolean; dash?: boolean }
  | { kind: 'blank' }
  | { kind: 'pair'; values: [number, number] }
  | { kind: 'text'; text: string };

const DASHES = /^[-–—‒−_]+$/;
const APPROX = /^(gần|khoảng|xấp xỉ|hơn|trên|dưới|ước|ước tính|chừng|~|≈)\s*/i;
const MULTIPLIERS: [RegExp, number][] = [
  [/^(nghìn|ngàn|ng\.?)$/i, 1e3],
  [/^(triệu|tr\.?)$/i, 1e6],
  [/^(tỷ|tỉ)$/i, 1e9],
];

export function parseNumberText(input: string): ParsedNumber {
  let s = input.normalize('NFC').replace(/[\u00a0\u202f\u2007]/g, ' ').trim();
  if (s === '') return { kind: 'blank' };
  if (DASHES.test(s)) return { kind: 'number', value: 0, dash: true };
  let approx = false;
  const a = APPROX.exec(s);
  if (a) { approx = true; s = s.slice(a[0].length).trim(); }
  const pair = /^([\d.,\s]+)\s*\/\s*([\d.,\s]+)$/.exec(s);
  if (pair) {
    const x = parseDigits(pair[1]!), y = parseDigits(pair[2]!);
    if (x !== null && y !== null) return { kind: 'pair', values: [x, y] };
  }
  const m = /^([+-]?)\s*(\d[\d.,\s]*)\s*(%?)\s*(.*)$/u.exec(s);
  if (!m) return { kind: 'text', text: input };
  const [, sign, digits, pct, rest] = m as unknown as [string, string, string, string, string];
  let value = parseDigits(digits);
  if (value === null) return { kind: 'text', text: input };
  let unit = rest.trim();
  const mult = MULTIPLIERS.find(([re]) => re.test(unit.split(/\s+/)[0] ?? ''));
  if (mult) { value = round(value * mult[1]); unit = unit.split(/\s+/).slice(1).join(' '); }
  if (unit && !/^[\p{L}.%/ ]+$/u.test(unit)) return { kind: 'text', text: input };
  if (sign === '-') value = -value;
  return {
    kind: 'number', value,
    ...(unit ? { unit } : {}), ...(approx ? { approx } : {}), ...(pct ? { percent: true } : {}),
  };
}

/** "1.800" 1800, "1.234.567", "23,7", "1.234,5", "1,234.5", "1 800". Null where it is not one number. */
export function parseDigits(raw: string): number | null {
  const s = raw.replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots && commas) {
    // The separator that comes last is the decimal one.
    normal = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
    if ((normal.match(/\./g) ?? []).length > 1) return null;
  } else if (dots) {
    // Vietnamese thousands: "1.800", "1.234.567". A single dot not followed by exactly 3 digits is a decimal point.
    normal = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : dots === 1 ? s : '';
  } else if (commas) {
    // Vietnamese decimal comma: "23,7". Several commas can only be thousands ("1,234,567").
    normal = commas === 1 ? s.replace(',', '.') : /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : '';
  } else {
    normal = s;
  }
  if (!normal) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
