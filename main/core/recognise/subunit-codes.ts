/**
 * A commune row's registry code: its name as written ("Xã Diễn Kỷ", "TT Diễn Châu", "DIEN KY") looked
 * up among the communes of the return's unit valid at the return's date. One fit gives the code;
 * none or several leave it null, and the name as written stays the figure's `subunit` either way.
 */
import type { DirectoryUnit } from '../registry/directory-unit';
import { unitsByName } from './find-unit';

export function subunitCoder(unit: DirectoryUnit, units: DirectoryUnit[], date: string): (name: string) => string | null {
  const children = communesOf(units).get(`${unit.code}|${unit.provinceCode}`) ?? [];
  const known = new Map<string, string | null>();
  return (name) => {
    let code = known.get(name);
    if (code === undefined) {
      const found = children.length ? unitsByName(name, children, date, true) : [];
      code = found.length === 1 ? found[0]!.code : null;
      known.set(name, code);
    }
    return code;
  };
}

/**
 * The communes of the directory by their parent's code and province, in the directory's order,
 * built once per directory: each return's coder looks its own up instead of scanning the country.
 */
const indexes = new WeakMap<DirectoryUnit[], Map<string, DirectoryUnit[]>>();
function communesOf(units: DirectoryUnit[]): Map<string, DirectoryUnit[]> {
  let index = indexes.get(units);
  if (!index) {
    index = new Map();
    for (const u of units) {
      if (u.level !== 'commune' || u.parentCode === null) continue;
      const key = `${u.parentCode}|${u.provinceCode}`;
      (index.get(key) ?? index.set(key, []).get(key)!).push(u);
    }
    indexes.set(units, index);
  }
  return index;
}
