/**
 * A commune row's registry code: its name as written ("Xã Diễn Kỷ", "TT Diễn Châu", "DIEN KY") looked
 * up among the communes of the return's unit valid at the return's date. One fit gives the code;
 * none or several leave it null, and the name as written stays the figure's `subunit` either way.
 */
import type { DirectoryUnit } from '../registry/directory-unit';
import { directoryOf, type UnitDirectory } from '../registry/unit-directory';
import { unitsByName } from './find-unit';

export function subunitCoder(unit: DirectoryUnit, units: UnitDirectory, date: string): (name: string) => string | null {
  const children = units.communesOf(unit.code, unit.provinceCode);
  const among = childDirectories.get(children) ?? childDirectories.set(children, directoryOf(children)).get(children)!;
  const known = new Map<string, string | null>();
  return (name) => {
    let code = known.get(name);
    if (code === undefined) {
      const found = children.length ? unitsByName(name, among, date) : [];
      code = found.length === 1 ? found[0]!.code : null;
      known.set(name, code);
    }
    return code;
  };
}

/** A unit's communes indexed once for all its returns (a directory answers one key with one list, so the list is the key here). */
const childDirectories = new WeakMap<readonly DirectoryUnit[], UnitDirectory>();
