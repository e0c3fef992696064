/** The unit directory as the recogniser reads it: every unit, in id order, with each of its names, however they are written. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadUnits, registryVersion } from '../../../main/core/registry/load-units';
import { openDb } from '../../../main/core/store/open-db';
import type { Database } from '../../../main/core/store/open-db';
import { seedUnitsOnce } from '../../../main/core/store/queries/seed';
import { fillAsciiNames, loadDirectory, rememberUnitName, storeDirectory } from '../../../main/core/store/queries/units';
import { directoryOf, type UnitDirectory } from '../../../main/core/registry/unit-directory';
import { stripDiacriticsByNfd } from '../../../main/core/text/clean-text';
import type { DirectoryUnit } from '../../../main/core/registry/directory-unit';

/** The directory read the plain way: a query per table, names per unit in the table's key order. */
function reference(db: Database): DirectoryUnit[] {
  const names = new Map<number, string[]>();
  for (const [id, folded] of db.prepare('SELECT unit_id, folded FROM unit_names ORDER BY unit_id, folded').raw().all() as [number, string][]) {
    (names.get(id) ?? names.set(id, []).get(id)!).push(folded);
  }
  return (db.prepare('SELECT id, code, name, type, level, valid_from, valid_to, parent_code, province_code FROM units ORDER BY id').raw().all() as
    [number, string, string, string, DirectoryUnit['level'], string, string | null, string | null, string | null][])
    .map(([id, code, name, type, level, validFrom, validTo, parentCode, provinceCode]) => {
      const folded = names.get(id) ?? [];
      return { id, code, name, type, level, validFrom, validTo, parentCode, provinceCode: provinceCode ?? '', names: folded, asciiNames: folded.map(stripDiacriticsByNfd) };
    });
}

/** A store holding the country's registry, closed after its tests. */
function seededStore(): Database {
  const db = openDb(':memory:');
  seedUnitsOnce(db, registryVersion(), () => loadUnits());
  afterAll(() => db.close());
  return db;
}

describe('loadDirectory', () => {
  const db = seededStore();

  it('reads every unit of the country with its names and their forms without diacritics', () => {
    const got = loadDirectory(db);
    expect(got).toHaveLength(15294);
    expect(got).toEqual(reference(db));
    const dienChau = got.find((u) => u.name === 'Huyện Diễn Châu')!;
    expect(dienChau.names).toEqual(expect.arrayContaining(['huyện diễn châu', 'diễn châu']));
    expect(dienChau.asciiNames).toEqual(expect.arrayContaining(['huyen dien chau', 'dien chau']));
  });

  it('keeps a confirmed name whole, even one holding the character names are joined by, or none at all', () => {
    const unit = loadDirectory(db).find((u) => u.name === 'Huyện Diễn Châu')!;
    rememberUnitName(db, unit.id, 'DIỄN\u001fCHÂU');
    rememberUnitName(db, unit.id, 'Xã Thông Thụ cũ');
    const got = loadDirectory(db);
    expect(got).toEqual(reference(db));
    expect(got.find((u) => u.id === unit.id)!.names).toEqual(expect.arrayContaining(['diễn\u001fchâu', 'xã thông thụ cũ', 'thông thụ cũ']));
    // A unit without names (none the lists give) has empty lists, not a missing or a blank name.
    db.prepare("INSERT INTO units (code, name, type, level, valid_from, source) VALUES ('99999', 'Xã Thử', 'xa', 'commune', '2023-01-01', 'test')").run();
    const bare = loadDirectory(db).find((u) => u.code === '99999')!;
    expect(bare.names).toEqual([]);
    expect(bare.asciiNames).toEqual([]);
    expect(loadDirectory(db)).toEqual(reference(db));
  });
});

/** Every question the recogniser can ask of a directory, over every name, code and district of the store, with the ids answered. */
function answers(db: Database, dir: UnitDirectory): string[] {
  const out: string[] = [];
  const ids = (us: readonly DirectoryUnit[]) => us.map((u) => u.id).join(',');
  for (const a of db.prepare('SELECT DISTINCT folded FROM unit_names').pluck().all() as string[]) out.push(`${a}: ${ids(dir.named(stripDiacriticsByNfd(a)))}`);
  for (const [code, province] of db.prepare('SELECT DISTINCT code, province_code FROM units').raw().all() as [string, string][]) {
    out.push(`${code}: ${ids(dir.withCode(code))}`, `${code}|${province}: ${ids(dir.communesOf(code, province))}`);
  }
  return out;
}

describe('the directory looked up in the store', () => {
  const db = seededStore();

  it('answers every name, code and district as the whole directory held in memory does, with the same units', () => {
    const dir = storeDirectory(db);
    const all = directoryOf(loadDirectory(db));
    expect(answers(db, dir)).toEqual(answers(db, all));
    // A unit asked twice, by name or by code, is one object: answers are compared and joined by identity.
    const [byName] = dir.named('dien chau');
    expect(byName).toBeDefined();
    expect(dir.withCode(byName!.code)).toContain(byName);
    expect(dir.named('dien chau')[0]).toEqual(all.named('dien chau')[0]);
  });

  it('finds a confirmed name, and the names of a store from before they were kept without diacritics once filled', () => {
    const unit = loadDirectory(db).find((u) => u.name === 'Huyện Diễn Châu')!;
    rememberUnitName(db, unit.id, 'DIỄN CHÂU CŨ');
    expect(storeDirectory(db).named('dien chau cu').map((u) => u.id)).toEqual([unit.id]);
    db.exec('UPDATE unit_names SET ascii = NULL');
    expect(storeDirectory(db).named('dien chau')).toEqual([]);
    fillAsciiNames(db);
    expect(answers(db, storeDirectory(db))).toEqual(answers(db, directoryOf(loadDirectory(db))));
  });
});
