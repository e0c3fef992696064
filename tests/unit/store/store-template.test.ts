/** A new SQLite store copied from the build's template holds what one migrated and seeded holds; an existing store is never replaced. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api/create-api';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'store-template-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sample = path.join(__dirname, '../../../../shared/samples/returns-2023');
const oneReturn = path.join(sample, fs.readdirSync(sample).find((f) => f.endsWith('.xlsx'))!);

/** Every table's rows in rowid order; the migrations without the time they were applied. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Sqlite(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out = Object.fromEntries(tables.map((t) => [t, db.prepare(t === 'migrations' ? 'SELECT id, name FROM migrations ORDER BY id' : `SELECT rowid, * FROM "${t}" ORDER BY rowid`).raw().all()]));
  db.close();
  return out;
}

async function newStore(name: string, templateDir?: string): Promise<string> {
  const file = path.join(tmp, name);
  const core = createApi({ dbPath: file, ...(templateDir ? { templateDir } : {}) });
  await core.close();
  return file;
}

const templates = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^store-\w+\.db$/.test(f)) : []);

describe('the store template', () => {
  const build = path.join(tmp, 'build');

  it('is written by the first new store and copied by the next, which holds what a migrated and seeded store holds', async () => {
    const plain = dump(await newStore('plain.db'));
    expect(plain.units!.length).toBeGreaterThan(15000);
    // An earlier version's template in the folder goes when this version's is written.
    fs.mkdirSync(build, { recursive: true });
    fs.writeFileSync(path.join(build, 'store-0123456789abcdef.db'), 'an earlier version');
    expect(dump(await newStore('first.db', build))).toEqual(plain);
    const [template, ...others] = templates(build);
    expect(template).toBeDefined();
    expect(template).not.toBe('store-0123456789abcdef.db');
    expect(others).toEqual([]);
    // Marked, to tell a copy of it from a store made again.
    const t = new Sqlite(path.join(build, template!));
    t.prepare("INSERT INTO settings (key, value) VALUES ('test-marker', 'from the template')").run();
    t.close();
    const copied = dump(await newStore('second.db', build));
    expect(copied.settings).toContainEqual(expect.arrayContaining(['test-marker', 'from the template']));
    copied.settings = copied.settings!.filter((r) => !(r as unknown[]).includes('test-marker'));
    expect(copied).toEqual(plain);

    // A store begun from it works as any: WAL, its foreign keys hold, a return imports.
    const core = createApi({ dbPath: path.join(tmp, 'second.db'), templateDir: build });
    const [result] = await core.importFiles({ paths: [oneReturn] });
    expect(result!.status).toBe('imported');
    expect(core.db.prepare('PRAGMA journal_mode').pluck().get()).toBe('wal');
    expect(core.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    await core.close();
  });

  it('never replaces a store that is there, and a damaged template makes a store the usual way and is written again', async () => {
    const kept = await newStore('kept.db');
    const db = new Sqlite(kept);
    db.prepare("INSERT INTO settings (key, value) VALUES ('test-marker', 'the store itself')").run();
    db.close();
    await newStore('kept.db', build);
    expect(dump(kept).settings).toContainEqual(expect.arrayContaining(['test-marker', 'the store itself']));

    const [template] = templates(build);
    fs.writeFileSync(path.join(build, template!), 'not a database');
    const made = dump(await newStore('after-damage.db', build));
    expect(made).toEqual(dump(await newStore('plain-again.db')));
    expect(templates(build)).toEqual([template]);
    expect(dump(path.join(build, template!)).units).toEqual(made.units);
  });
});
