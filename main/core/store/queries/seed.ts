/** Loads the editable catalog and the official unit lists into the store (idempotent). */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db';
import { valuesOf } from '../statements';
import type { CatalogFile } from '../../../../shared/catalog';
import { seedShippedCatalog } from './catalog';
import { foldCase } from '../../text/clean-text';
import type { UnitSpec } from '../../registry/load-units';
import { coreName } from '../../registry/load-units';

/** The shipped catalog into the store (store/queries/catalog.ts keeps the office's own rows). */
export function seedCatalog(db: Database, catalog: CatalogFile): void {
  seedShippedCatalog(db, catalog);
}

/**
 * Brings the units table in line with the registry: new units and versions are added, the validity
 * of existing ones follows the lists; ids never change, so figures keep pointing at their unit.
 */
export function seedUnits(db: Database, units: UnitSpec[]): void {
  db.transaction(() => {
    // Many rows per statement (a shared store pays a round trip per statement); RETURNING names
    // each row's id by its key, whether the row is new or updated, never by its place in the answer.
    const ids = new Map<string, number>();
    for (const chunk of chunks(units, 500)) {
      const rows = db.prepare(`INSERT INTO units (code, name, type, level, parent_code, province_code, valid_from, valid_to, source)
        VALUES ${valuesOf(chunk.length, 9)}
        ON CONFLICT(code, valid_from) DO UPDATE SET name = excluded.name, type = excluded.type, level = excluded.level,
          parent_code = excluded.parent_code, province_code = excluded.province_code, valid_to = excluded.valid_to, source = excluded.source
        RETURNING id, code, valid_from`).all(chunk.flatMap((u) => [u.code, u.name, u.type, u.level, u.parentCode, u.provinceCode, u.validFrom, u.validTo, u.source])) as { id: number; code: string; valid_from: string }[];
      const byCode = new Map(rows.map((r) => [`${r.code}\0${r.valid_from}`, r.id]));
      for (const u of chunk) ids.set(u.key, byCode.get(`${u.code}\0${u.validFrom}`)!);
    }
    const links = units.flatMap((u) => u.successorKeys.map((s) => [ids.get(u.key), ids.get(s)]).filter(([, to]) => to !== undefined));
    for (const chunk of chunks(links, 1000)) {
      db.prepare(`INSERT OR IGNORE INTO unit_successors (unit_id, successor_id) VALUES ${valuesOf(chunk.length, 2)}`).run(chunk.flat());
    }
    const names = units.flatMap((u) => {
      const id = ids.get(u.key);
      const core = coreName(u.name);
      return [[id, u.name, foldCase(u.name), 'official'], [id, core, foldCase(core), 'alias']];
    });
    for (const chunk of chunks(names, 1000)) {
      db.prepare(`INSERT OR IGNORE INTO unit_names (unit_id, name, folded, source) VALUES ${valuesOf(chunk.length, 4)}`).run(chunk.flat());
    }
  })();
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The tables the registry fills, in the order they are copied (successors and names point at units). */
const UNIT_TABLES = ['units', 'unit_successors', 'unit_names'] as const;

/**
 * Seeds the units once per registry version: the whole country's lists take a third of a second
 * to read and more to write, which a start with an unchanged registry need not pay.
 *
 * `cacheFile`: where this build of the code keeps the unit tables as the registry version seeds
 * them into an empty store (see unitTablesCacheName). A new store copies them from there in one
 * statement per table (a tenth of the time of reading the lists and inserting row by row); a
 * new store seeded without it writes it for the next. The rows, ids included, are the same.
 */
export function seedUnitsOnce(db: Database, version: string, load: () => UnitSpec[], cacheFile?: string): boolean {
  const seeded = db.prepare("SELECT value FROM settings WHERE key = 'registry-version'").pluck().get() as string | undefined;
  if (seeded === version) return false;
  const empty = cacheFile !== undefined && unitTablesEmpty(db);
  if (empty && copyUnitTables(db, cacheFile, version)) return true;
  db.transaction(() => {
    seedUnits(db, load());
    setRegistryVersion(db, version);
  })();
  if (empty) writeUnitTables(db, cacheFile);
  return true;
}

function setRegistryVersion(db: Database, version: string): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('registry-version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(version);
}

function unitTablesEmpty(db: Database): boolean {
  return UNIT_TABLES.every((t) => db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${t})`).pluck().get() === 1);
}

/**
 * The cache file's name for this registry version and these tables' definitions (a migration that
 * changes them makes a new file); the folder is the shell's, one per build of the code.
 */
export function unitTablesCacheName(db: Database, version: string): string {
  const schema = db.prepare(`SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master
    WHERE tbl_name IN (${UNIT_TABLES.map((t) => `'${t}'`).join(', ')}) AND sql IS NOT NULL ORDER BY name)`).pluck().get() as string;
  let h = 0x811c9dc5; // FNV-1a: a name, not a security boundary
  for (let i = 0; i < schema.length; i++) h = Math.imul(h ^ schema.charCodeAt(i), 0x01000193) >>> 0;
  return `units-${version}-${h.toString(16).padStart(8, '0')}.db`;
}

/** The cached tables into an empty store, in one transaction; false (nothing changed) when the cache is missing or unreadable. */
function copyUnitTables(db: Database, file: string, version: string): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    db.prepare('ATTACH DATABASE ? AS unit_cache').run(file);
  } catch {
    return false;
  }
  // Foreign keys off for the copy (a pragma is ignored inside a transaction, so before it): with them
  // on, SQLite copies a table that has foreign keys row by row, checking each against the units
  // just copied beside it and maintaining every index entry by entry; off, it copies a cache table
  // of the same definition page by page, rows, rowids and index entries as they are (its "transfer
  // optimisation"): 170 ms -> 90 ms for the whole country's 15,294 units and 30,588 names. The rows
  // are the ones a store with foreign keys on wrote, all their references in the same three tables.
  const foreignKeys = foreignKeysOn(db);
  if (foreignKeys) db.exec('PRAGMA foreign_keys = OFF');
  try {
    const cached = db.prepare("SELECT value FROM unit_cache.meta WHERE key = 'registry-version'").pluck().get();
    if (cached !== version) return false;
    // A cache written with the store's own definitions is copied as it is: its rowids are already the
    // store's order. One written without them (CREATE TABLE AS, before this) is copied in rowid order.
    const sameDefinitions = !foreignKeysOn(db) &&
      db.prepare("SELECT value FROM unit_cache.meta WHERE key = 'format'").pluck().get() === CACHE_FORMAT;
    db.transaction(() => {
      for (const t of UNIT_TABLES) db.exec(`INSERT INTO main.${t} SELECT * FROM unit_cache.${t}${sameDefinitions ? '' : ' ORDER BY rowid'}`);
      setRegistryVersion(db, version);
    })();
    return true;
  } catch {
    return false; // the transaction rolled back: the store is as it was, seeded the slow way now
  } finally {
    if (foreignKeys) db.exec('PRAGMA foreign_keys = ON');
    db.exec('DETACH DATABASE unit_cache');
  }
}

function foreignKeysOn(db: Database): boolean {
  return db.prepare('PRAGMA foreign_keys').pluck().get() === 1;
}

/** The cache's tables and indexes are made by the store's own statements (CREATE TABLE AS made bare tables before). */
const CACHE_FORMAT = 'same-definitions';

/** The tables just seeded into an empty store, written beside as the cache (a new file renamed into place). Best effort. */
function writeUnitTables(db: Database, file: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(tmp, { force: true });
    db.prepare('ATTACH DATABASE ? AS unit_cache').run(tmp);
    try {
      db.transaction(() => {
        // The store's own definitions (constraints, STRICT, indexes), so that a new store copies the tables page by page.
        const definitions = db.prepare(`SELECT sql FROM main.sqlite_master WHERE tbl_name IN (${UNIT_TABLES.map((t) => `'${t}'`).join(', ')})
          AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index', rowid`).pluck().all() as string[];
        for (const sql of definitions) {
          db.exec(sql.replace(/^CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?/i, (m) => `${m}unit_cache.`));
        }
        // Renumbered in rowid order, as a copy into an empty store numbered them before.
        for (const t of UNIT_TABLES) db.exec(`INSERT INTO unit_cache.${t} SELECT * FROM main.${t} ORDER BY rowid`);
        db.exec("CREATE TABLE unit_cache.meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO unit_cache.meta SELECT key, value FROM main.settings WHERE key = 'registry-version'");
        db.prepare("INSERT INTO unit_cache.meta (key, value) VALUES ('format', ?)").run(CACHE_FORMAT);
      })();
    } finally {
      db.exec('DETACH DATABASE unit_cache');
    }
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
