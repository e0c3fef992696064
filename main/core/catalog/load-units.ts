/**
 * The unit registry from the official lists in resources/units (see SOURCES.md there): each unit
 * with its validity and successors, so that a code plus a date names one unit.
 *   2023 list   valid until 30/11/2024 where Resolution 1243 changed or abolished it;
 *   2024-12     changed units from 01/12/2024; districts' police end 28/02/2025, communes 30/06/2025;
 *   2025        the 130 communes from 01/07/2025, with the merge table as successors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../resources-dir';

export interface UnitSpec {
  key: string;
  code: string;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  source: string;
  successorKeys: string[];
}

export const ERA = {
  start: '2020-03-01',
  resolution1243: '2024-12-01',
  districtPoliceEnd: '2025-03-01',
  resolution1678: '2025-07-01',
} as const;

function readCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v.trim()])));
}

const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString().slice(0, 10);

export function loadUnits(dir = path.join(resourcesDir(), 'units')): UnitSpec[] {
  const y2023 = readCsv(path.join(dir, 'nghe-an-2023.csv'));
  const y2024 = new Map(readCsv(path.join(dir, 'nghe-an-2024-12.csv')).map((r) => [r.code!, r]));
  const changes = new Map(readCsv(path.join(dir, 'nghe-an-2023-to-2024-12-changes.csv')).map((r) => [r.code!, r]));
  const units: UnitSpec[] = [{
    key: '40@2020-03-01', code: '40', name: 'Tỉnh Nghệ An', type: 'tinh', level: 'province', parentCode: null,
    validFrom: ERA.start, validTo: null, source: 'nghe-an-2023.csv', successorKeys: [],
  }];
  const endOf = (level: string) => dayBefore(level === 'district' ? ERA.districtPoliceEnd : ERA.resolution1678);
  const make = (r: Record<string, string>, from: string, to: string | null, source: string): UnitSpec => ({
    key: `${r.code}@${from}`, code: r.code!, name: r.name!, type: r.type!, level: r.level === 'district' ? 'district' : 'commune',
    parentCode: r.parent_code || null, validFrom: from, validTo: to, source, successorKeys: [],
  });
  for (const r of y2023) {
    const change = changes.get(r.code!);
    if (!change) { units.push(make(r, ERA.start, endOf(r.level!), 'nghe-an-2023.csv')); continue; }
    const old = make(r, ERA.start, dayBefore(ERA.resolution1243), 'nghe-an-2023.csv');
    units.push(old);
    const next = y2024.get(r.code!);
    if (next) {
      const u = make(next, ERA.resolution1243, endOf(next.level!), 'nghe-an-2024-12.csv');
      old.successorKeys.push(u.key);
      units.push(u);
    }
  }
  // Resolution 1243: TX Cửa Lò went into TP Vinh.
  const cuaLo = units.find((u) => u.code === '413');
  if (cuaLo) cuaLo.successorKeys.push(`412@${ERA.start}`);

  const current = (code: string) => units.find((u) => u.code === code && u.level === 'commune' && u.validTo === endOf('commune'));
  for (const r of readCsv(path.join(dir, 'nghe-an-2025.csv'))) {
    units.push({
      key: `${r.code}@${ERA.resolution1678}`, code: r.code!, name: r.name!, type: r.type!, level: 'commune', parentCode: '40',
      validFrom: ERA.resolution1678, validTo: null, source: 'nghe-an-2025.csv', successorKeys: [],
    });
  }
  for (const m of readCsv(path.join(dir, 'nghe-an-2025-merges.csv'))) {
    current(m.old_code!)?.successorKeys.push(`${m.new_code}@${ERA.resolution1678}`);
  }
  return units;
}

/** "Huyện Diễn Châu" -> "Diễn Châu": the name without its type word. */
export function coreName(name: string): string {
  return name.replace(/^(thành phố|thị xã|huyện|quận|xã|phường|thị trấn|tỉnh)\s+/iu, '').trim();
}
