/**
 * A number typed the Vietnamese way: "1.234" is 1234, "23,7" is 23.7, "1.234,5" is 1234.5.
 * A lone dot before other than three digits ("2.5") is read as a decimal point, as people type it
 * on an English keyboard. Returns null when the text is not a number.
 */
export function parseTypedNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (!/^-?[\d.,]+$/.test(s)) return null;
  let normal: string;
  if (s.includes(',')) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  if ((normal.match(/\./g) ?? []).length > 1) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}
