/**
 * Where a test's store lives. The suite's own run: a SQLite file in the test's folder. The
 * PostgreSQL run (vitest project `postgres`, TONGHOP_TEST_ENGINE=postgres, the server's address in
 * TONGHOP_TEST_PG): a new database per store, copied from a template that holds the migrated schema,
 * the unit registry and the catalog (seeding the national registry costs seconds; copying, none).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../main/core/api/create-api';
import { PgDatabase } from '../../main/core/store/postgres/pg-database';
import { SOURCE_MIGRATIONS_DIR, SOURCE_RESOURCES_DIR } from '../../main/core/source-dirs';

export const onPostgres = process.env.TONGHOP_TEST_ENGINE === 'postgres';

/** A SQLite file `name` in `dir`, or on the PostgreSQL run a new database's address (`empty`: not even migrated). */
export async function storeTarget(dir: string, name = 'store.db', opts: { empty?: boolean } = {}): Promise<string> {
  return onPostgres ? newPostgresStore(opts.empty ?? false) : path.join(dir, name);
}

function serverUrl(): string {
  const url = process.env.TONGHOP_TEST_PG;
  if (!url) throw new Error('TONGHOP_TEST_PG is not set: start a server with .ci/postgres and give its address');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Schema and seeds change with the migrations and resources: the template is named by their hash. */
function templateName(): string {
  const h = createHash('sha256');
  for (const dir of [path.join(SOURCE_MIGRATIONS_DIR, 'postgres'), path.join(SOURCE_RESOURCES_DIR, 'units'), path.join(SOURCE_RESOURCES_DIR, 'catalog')]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p));
    }
  }
  return `tonghop_tpl_${h.digest('hex').slice(0, 12)}`;
}

let counter = 0;

async function newPostgresStore(empty: boolean): Promise<string> {
  const admin = new PgDatabase(serverUrl());
  try {
    const tpl = templateName();
    // One process makes the template; the others wait for it (vitest runs files side by side).
    admin.prepare('SELECT pg_advisory_lock(74202024)').get();
    try {
      if (!empty && !admin.prepare('SELECT 1 FROM pg_database WHERE datname = ?').get(tpl)) {
        const building = `${tpl}_building`;
        admin.exec(`DROP DATABASE IF EXISTS ${building}`);
        admin.exec(`CREATE DATABASE ${building}`);
        // createApi migrates and seeds; closing it leaves no connection, as a template needs.
        await createApi({ dbPath: withDatabase(serverUrl(), building), checkAfterImport: false }).close();
        admin.exec(`ALTER DATABASE ${building} RENAME TO ${tpl}`);
      }
      const name = `tonghop_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
      admin.exec(empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${tpl}`);
      return withDatabase(serverUrl(), name);
    } finally {
      admin.prepare('SELECT pg_advisory_unlock(74202024)').get();
    }
  } finally {
    admin.close();
  }
}
