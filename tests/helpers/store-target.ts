/**
 * Where a test's store lives. The suite's own run: a SQLite file in the test's folder. The
 * PostgreSQL run (vitest project `postgres`, TONGHOP_TEST_ENGINE=postgres, the server's address in
 * TONGHOP_TEST_PG): a new database per store, copied from a seeded template (tools/postgres/new-store.ts).
 */
import path from 'node:path';
import { newPostgresStore } from '../../tools/postgres/new-store';

export const onPostgres = process.env.TONGHOP_TEST_ENGINE === 'postgres';

/** A SQLite file `name` in `dir`, or on the PostgreSQL run a new database's address (`empty`: not even migrated). */
export async function storeTarget(dir: string, name = 'store.db', opts: { empty?: boolean } = {}): Promise<string> {
  if (!onPostgres) return path.join(dir, name);
  const url = process.env.TONGHOP_TEST_PG;
  if (!url) throw new Error('TONGHOP_TEST_PG is not set: start a server with .ci/postgres and give its address');
  return newPostgresStore(url, opts);
}
