/**
 * Where a test's store lives. The suite's own run: a SQLite file in the test's folder. The
 * PostgreSQL run (vitest project `postgres`, TONGHOP_TEST_ENGINE=postgres, the server's address in
 * TONGHOP_TEST_PG): a new database per store, copied from a seeded template (tools/postgres/new-store.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { newPostgresStore } from '../../tools/postgres/new-store';

export const onPostgres = process.env.TONGHOP_TEST_ENGINE === 'postgres';

/** A SQLite file `name` in `dir`, or on the PostgreSQL run a new database's address (`empty`: not even migrated). */
export async function storeTarget(dir: string, name = 'store.db', opts: { empty?: boolean } = {}): Promise<string> {
  if (!onPostgres) return path.join(dir, name);
  return newPostgresStore(server(), opts);
}

function server(): string {
  const url = process.env.TONGHOP_TEST_PG;
  if (!url) throw new Error('TONGHOP_TEST_PG is not set: start a server with .ci/postgres and give its address');
  return url;
}

/**
 * A copy of the closed store `source` as a new store: the SQLite file copied to `name` in `dir`
 * (checkpointed by the caller, so the copy holds every commit), or on the PostgreSQL run a new
 * database made from `source` as its template.
 */
export async function copyOfStore(source: string, dir: string, name = 'store.db'): Promise<string> {
  if (!onPostgres) {
    const copy = path.join(dir, name);
    fs.copyFileSync(source, copy);
    return copy;
  }
  return newPostgresStore(server(), { copyOf: source });
}
