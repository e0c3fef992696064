/**
 * The unit directory as the recogniser asks it: units by a name without diacritics, by code, and a
 * district's communes; each answer in the directory's (id) order, the same object for the same
 * unit, so answers can be compared and joined. Two ways to hold it: the whole registry in memory
 * (directoryOf, for a shared store a round trip away, and for tests), or looked up in a SQLite
 * store a name at a time (store/queries/units.ts), which spares a start the whole country.
 */
import type { DirectoryUnit } from './directory-unit';

export interface UnitDirectory {
  /** Units one of whose names, without diacritics, is `ascii` ("dien chau"). */
  named(ascii: string): readonly DirectoryUnit[];
  /** Every version of the code. */
  withCode(code: string): readonly DirectoryUnit[];
  /** The communes whose parent is the unit of `parentCode` in the province. */
  communesOf(parentCode: string, provinceCode: string): readonly DirectoryUnit[];
}

const NONE: readonly DirectoryUnit[] = Object.freeze([]);

/** A directory over units held in memory, indexed once. */
export function directoryOf(units: readonly DirectoryUnit[]): UnitDirectory {
  const byName = new Map<string, DirectoryUnit[]>();
  const byCode = new Map<string, DirectoryUnit[]>();
  const communes = new Map<string, DirectoryUnit[]>();
  const add = (index: Map<string, DirectoryUnit[]>, key: string, u: DirectoryUnit) => {
    const list = index.get(key);
    if (list) list.push(u); else index.set(key, [u]);
  };
  for (const u of units) {
    const names = u.asciiNames;
    // Each distinct name once, in order (a Set per unit cost more than the index; most have two names).
    for (let k = 0; k < names.length; k++) if (names.indexOf(names[k]!) === k) add(byName, names[k]!, u);
    add(byCode, u.code, u);
    if (u.level === 'commune' && u.parentCode !== null) add(communes, communeKey(u.parentCode, u.provinceCode), u);
  }
  return {
    named: (ascii) => byName.get(ascii) ?? NONE,
    withCode: (code) => byCode.get(code) ?? NONE,
    communesOf: (parentCode, provinceCode) => communes.get(communeKey(parentCode, provinceCode)) ?? NONE,
  };
}

const communeKey = (parentCode: string, provinceCode: string): string => `${parentCode}|${provinceCode}`;
