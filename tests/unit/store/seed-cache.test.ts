/** The seeded unit tables kept per registry version: a new store copies them and gets the same rows, ids included. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadUnits, registryVersion } from '../../../main/core/registry/load-units';
import { openDb } from '../../../main/core/store/open-db';
import type { Database } from '../../../main/core/store/open-db';
import { seedUnitsOnce, unitTablesCacheName } from '../../../main/core/store/queries/seed';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-cache-'));
afterEach(() => { for (const f of fs.readdirSync(tmp)) fs.rmSync(path.join(tmp, f), { recursive: true, force: true }); });

const dump = (db: Database) => ({
  units: db.prepare('SELECT * FROM units ORDER BY id').raw().all(),
  successors: db.prepare('SELECT rowid, * FROM unit_successors ORDER BY rowid').raw().all(),
  names: db.prepare('SELECT rowid, * FROM unit_names ORDER BY rowid').raw().all(),
  version: db.prepare("SELECT value FROM settings WHERE key = 'registry-version'").pluck().get(),
});

describe('the unit tables cache', () => {
  const version = registryVersion();
  const units = loadUnits();

  it('gives a new store the rows seeding gives it, and is read instead of the lists', () => {
    const plain = openDb(path.join(tmp, 'plain.db'));
    seedUnitsOnce(plain, version, () => units);
    const first = openDb(path.join(tmp, 'first.db'));
    const cache = path.join(tmp, 'build', unitTablesCacheName(first, version));
    // The first new store seeds from the lists and writes the cache.
    expect(seedUnitsOnce(first, version, () => units, cache)).toBe(true);
    expect(fs.existsSync(cache)).toBe(true);
    const second = openDb(path.join(tmp, 'second.db'));
    let loads = 0;
    expect(seedUnitsOnce(second, version, () => { loads++; return units; }, cache)).toBe(true);
    expect(loads).toBe(0);
    const want = dump(plain);
    expect(want.units).toHaveLength(15294);
    expect(dump(first)).toEqual(want);
    expect(dump(second)).toEqual(want);
    for (const db of [plain, first, second]) db.close();
  });

  it('keeps the tables as the store defines them, copies them with foreign keys back on after, and reads a cache of bare tables too', () => {
    const first = openDb(path.join(tmp, 'first.db'));
    const cache = path.join(tmp, unitTablesCacheName(first, version));
    seedUnitsOnce(first, version, () => units, cache);
    const definitions = (db: Database, schema: string) => db.prepare(`SELECT type, name, sql FROM ${schema}.sqlite_master
      WHERE tbl_name IN ('units', 'unit_successors', 'unit_names') ORDER BY type, name`).raw().all();
    first.prepare('ATTACH DATABASE ? AS c').run(cache);
    expect(definitions(first, 'c')).toEqual(definitions(first, 'main'));
    first.exec('DETACH DATABASE c');
    const second = openDb(path.join(tmp, 'second.db'));
    expect(seedUnitsOnce(second, version, () => { throw new Error('the lists were read'); }, cache)).toBe(true);
    expect(second.prepare('PRAGMA foreign_keys').pluck().get()).toBe(1);
    expect(second.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(dump(second)).toEqual(dump(first));
    // A cache written before (CREATE TABLE AS: no constraints, no indexes, no format) gives the same rows.
    const bare = path.join(tmp, 'bare.db');
    first.prepare('ATTACH DATABASE ? AS b').run(bare);
    for (const t of ['units', 'unit_successors', 'unit_names']) first.exec(`CREATE TABLE b.${t} AS SELECT * FROM main.${t} ORDER BY rowid`);
    first.exec("CREATE TABLE b.meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO b.meta SELECT key, value FROM main.settings WHERE key = 'registry-version'");
    first.exec('DETACH DATABASE b');
    const third = openDb(path.join(tmp, 'third.db'));
    expect(seedUnitsOnce(third, version, () => { throw new Error('the lists were read'); }, bare)).toBe(true);
    expect(third.prepare('PRAGMA foreign_keys').pluck().get()).toBe(1);
    expect(dump(third)).toEqual(dump(first));
    for (const db of [first, second, third]) db.close();
  });

  it('is not used for a store that has units already, nor when it is of another registry version or damaged', () => {
    const first = openDb(path.join(tmp, 'first.db'));
    const cache = path.join(tmp, unitTablesCacheName(first, version));
    seedUnitsOnce(first, version, () => units, cache);
    // Another version of the registry: the lists are read.
    const other = openDb(path.join(tmp, 'other.db'));
    let loads = 0;
    expect(seedUnitsOnce(other, 'another-version', () => { loads++; return units; }, cache)).toBe(true);
    expect(loads).toBe(1);
    // A store with units already is brought in line row by row (ids kept), never copied into.
    expect(seedUnitsOnce(other, version, () => { loads++; return units; }, cache)).toBe(true);
    expect(loads).toBe(2);
    // A damaged cache: the lists are read, the store is seeded all the same.
    fs.writeFileSync(cache, 'not a database');
    const damaged = openDb(path.join(tmp, 'damaged.db'));
    expect(seedUnitsOnce(damaged, version, () => { loads++; return units; }, cache)).toBe(true);
    expect(loads).toBe(3);
    expect(dump(damaged)).toEqual(dump(first));
    for (const db of [first, other, damaged]) db.close();
  });
});
