/** The units a generation run writes returns for: Nghệ An's real districts, or any number of made-up ones. */
import fs from 'node:fs';
import path from 'node:path';
import { coreName, loadUnits } from '../../main/core/registry/load-units';
import type { UnitSpec } from '../../main/core/registry/load-units';
import { SOURCE_RESOURCES_DIR } from '../../main/core/source-dirs';
import { foldCase, stripDiacritics } from '../../main/core/text/clean-text';
import type { GenUnit } from './model';
import { Rng } from './prng';

export type { GenUnit } from './model';
/** "Huyện Diễn Châu" -> "Diễn Châu": the registry's rule, for made-up names too. */
export { coreName };

const unitsDir = () => path.join(SOURCE_RESOURCES_DIR, 'units');

/** Syllables of Vietnamese place names, so that synthetic names look like the real ones. */
const SYLLABLES = [
  'An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Thạnh', 'Long', 'Xuân', 'Đông', 'Tây', 'Hưng', 'Phước', 'Thuận',
  'Lộc', 'Mỹ', 'Hải', 'Sơn', 'Quảng', 'Thanh', 'Vĩnh', 'Yên', 'Gia', 'Kim', 'Lạc', 'Thái', 'Đức', 'Trung',
  'Cát', 'Hà', 'Hồng', 'Ninh', 'Quỳnh', 'Diễn', 'Nghĩa', 'Lâm', 'Định', 'Châu', 'Điền', 'Giang', 'Khánh',
  'Thọ', 'Phong', 'Hiệp', 'Minh', 'Tiến', 'Lương', 'Văn', 'Cẩm', 'Hương', 'Kỳ',
];

const TYPE_WORD: Record<string, string> = { huyen: 'Huyện', thi_xa: 'Thị xã', thanh_pho: 'Thành phố', quan: 'Quận', xa: 'Xã', phuong: 'Phường', thi_tran: 'Thị trấn', dac_khu: 'Đặc khu' };

interface CsvRow { level: string; code: string; name: string; type: string; parent: string }

function readCsv(file: string): CsvRow[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [level = '', code = '', name = '', type = '', parent = ''] = l.split(',').map((s) => s.trim());
    return { level, code, name, type, parent };
  });
}

/** The 21 district-level units of Nghệ An in 2023 with their communes (resources/units/nghe-an-2023.csv). */
export function ngheAnDistricts(dir = unitsDir()): GenUnit[] {
  const rows = readCsv(path.join(dir, 'nghe-an-2023.csv'));
  return rows
    .filter((r) => r.level === 'district')
    .map((d) => ({
      code: d.code,
      name: d.name,
      type: d.type,
      province: 'Nghệ An',
      communes: rows.filter((r) => r.level === 'commune' && r.parent === d.code).map((r) => r.name),
    }));
}

/**
 * The units of any province that report at a date, from the national registry: its district-level
 * units with their communes before March 2025, its commune police units from then on (no subunits).
 */
export function provinceUnits(code: string, date: string, all: UnitSpec[] = loadUnits()): GenUnit[] {
  const at = (u: UnitSpec) => u.validFrom <= date && (u.validTo === null || date <= u.validTo);
  const province = all.find((u) => u.level === 'province' && u.code === code && at(u));
  if (!province) throw new Error(`no province ${code} on ${date}`);
  const level = date < '2025-03-01' ? 'district' : 'commune';
  const units = all.filter((u) => u.provinceCode === code && u.level === level && at(u));
  return units.map((u) => ({
    code: u.code, name: u.name, type: u.type, province: coreName(province.name), provinceType: province.type,
    ...(level === 'district' ? { communes: all.filter((c) => c.level === 'commune' && c.parentCode === u.code && at(c)).map((c) => c.name) } : {}),
  }));
}

/** A name as the recogniser compares it: case and diacritics set aside. */
function plainName(name: string): string {
  return stripDiacritics(foldCase(name));
}

/**
 * Two- or three-syllable names, distinct even without diacritics, in a seeded order. `avoid`: plain names not to make
 * (real units', so that a made-up unit is never mistaken for one).
 */
function placeNames(count: number, rng: Rng, avoid: ReadonlySet<string> = new Set()): string[] {
  const names = new Set<string>();
  const taken = new Set<string>();
  // Three syllables once two have run short: past a number of names, or after many draws in a row
  // that add none (the national registry's real names take most pairs: two alone never reach 3,321).
  let misses = 0;
  while (names.size < count) {
    const a = rng.pick(SYLLABLES);
    const b = rng.pick(SYLLABLES);
    if (a === b) continue;
    const name = names.size > SYLLABLES.length * 30 || misses > 10_000 ? `${a} ${b} ${rng.pick(SYLLABLES)}` : `${a} ${b}`;
    const before = names.size;
    // Two made-up names that differ only in diacritics would be as ambiguous as one taken from the registry.
    const plain = plainName(name);
    if (!avoid.has(plain) && !taken.has(plain)) {
      names.add(name);
      taken.add(plain);
    }
    misses = names.size > before ? 0 : misses + 1;
  }
  return [...names];
}

function unitType(rng: Rng): string {
  const x = rng.next();
  return x < 0.72 ? 'huyen' : x < 0.87 ? 'thi_xa' : x < 0.96 ? 'thanh_pho' : 'quan';
}

export function syntheticCommunes(type: string, core: string, rng: Rng): string[] {
  const urban = type === 'thanh_pho' || type === 'quan';
  const names = placeNames(rng.int(8, urban ? 16 : 26), rng);
  return names.map((n, i) => {
    if (i === 0 && !urban) return `Thị trấn ${core}`;
    return urban || (type === 'thi_xa' && i < 5) ? `Phường ${n}` : `Xã ${n}`;
  });
}

/** n made-up district-level units ("Huyện Tân Lộc", codes G0001...), grouped a dozen to a made-up province. */
export function nationalUnits(n: number, seed = 1): GenUnit[] {
  const rng = new Rng(seed).fork('national-units');
  // A made-up "Huyện Kỳ Sơn" would share its name with Nghệ An's, and its returns be refused as ambiguous;
  // so would "Huyện Tiến Hải" with Thái Bình's Tiền Hải, since "CA Tien Hai" tells them apart by nothing.
  const real = new Set(loadUnits().map((u) => plainName(coreName(u.name))));
  const cores = placeNames(n, rng, real);
  const provinces = placeNames(Math.ceil(n / 12), rng.fork('provinces'));
  return cores.map((core, i) => {
    const type = unitType(rng);
    return {
      code: `G${String(i + 1).padStart(4, '0')}`,
      name: `${TYPE_WORD[type]} ${core}`,
      type,
      province: provinces[Math.floor(i / 12)]!,
      communes: syntheticCommunes(type, core, rng.fork(`communes:${i}`)),
    };
  });
}

export function typeWord(type: string): string {
  return TYPE_WORD[type] ?? 'Huyện';
}
