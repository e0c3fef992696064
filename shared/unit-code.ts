/**
 * Unit codes: the GSO codes of the official lists (DOMAIN.md), two digits for the province ("40"),
 * three for a district ("412"), five for a commune ("16729"). A code alone does not name a unit (new units reuse old codes); a code
 * and a date do, which the registry resolves. This module only says what a code looks like.
 */
import type { UnitCode } from './types';

const CODE = /^(\d{2}|\d{3}|\d{5})$/;
/** District and commune codes written inside other text: a file name "BC_412_T3.xlsx", a heading "Mã ĐV: 16729". */
const CODE_IN_TEXT = /(?<!\d)(\d{3}|\d{5})(?!\d)/g;

export type UnitLevel = 'province' | 'district' | 'commune';

/** The code a text is, trimmed, or null where it is not one. */
export function parseUnitCode(text: string): UnitCode | null {
  const s = text.trim();
  return CODE.test(s) ? s : null;
}

export function isUnitCode(text: string): boolean {
  return CODE.test(text);
}

/** Every code-shaped run of digits in a text, in order. */
export function unitCodesIn(text: string): UnitCode[] {
  return text.match(CODE_IN_TEXT) ?? [];
}

export function unitLevel(code: UnitCode): UnitLevel {
  return code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune';
}
