/**
 * New PostgreSQL stores on a server, for the tests and the bench: each a database of its own,
 * copied from a template that holds the migrated schema, the unit registry and the catalog
 * (seeding the national registry costs seconds; copying a template, none). The template is named
 * by a hash of what shapes it, so a change of migrations or resources makes a new one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../main/core/api/create-api';
import { SOURCE_MIGRATIONS_DIR, SOURCE_RESOURCES_DIR } from '../../main/core/source-dirs';
import { PgDatabase } from '../../main/core/store/postgres/pg-database';

/** Any constant: serialises the making of databases across the processes that share a server. */
const MAKING_LOCK = 74_202_024;

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

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
/**
 * The calls of this process, one after another: the server's lock is taken by a blocking statement,
 * so a second call waiting on it here would block the thread the first needs to finish and let go.
 */
let inTurn: Promise<unknown> = Promise.resolve();

/**
 * A new database on the server at `serverUrl` (any database of it): seeded from the template, or
 * `empty` (not even migrated), or a copy of the store `copyOf` (a database of that server nobody is connected to).
 */
export function newPostgresStore(serverUrl: string, opts: { empty?: boolean; prefix?: string; copyOf?: string } = {}): Promise<string> {
  const made = inTurn.then(() => makeStore(serverUrl, opts));
  inTurn = made.catch(() => undefined);
  return made;
}

async function makeStore(serverUrl: string, opts: { empty?: boolean; prefix?: string; copyOf?: string }): Promise<string> {
  const admin = new PgDatabase(serverUrl);
  try {
    admin.prepare(`SELECT pg_advisory_lock(${MAKING_LOCK})`).get();
    try {
      const tpl = templateName();
      if (!opts.empty && !admin.prepare('SELECT 1 FROM pg_database WHERE datname = ?').get(tpl)) {
        const building = `${tpl}_building`;
        admin.exec(`DROP DATABASE IF EXISTS ${building}`);
        admin.exec(`CREATE DATABASE ${building}`);
        // createApi migrates and seeds; closed, it leaves no connection, as a template needs.
        await createApi({ dbPath: withDatabase(serverUrl, building), checkAfterImport: false }).close();
        admin.exec(`ALTER DATABASE ${building} RENAME TO ${tpl}`);
      }
      const name = `${opts.prefix ?? 'tonghop_t'}${process.pid}_${Date.now().toString(36)}_${counter++}`;
      const from = opts.copyOf ? new URL(opts.copyOf).pathname.slice(1) : tpl;
      admin.exec(opts.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${from}`);
      return withDatabase(serverUrl, name);
    } finally {
      admin.prepare(`SELECT pg_advisory_unlock(${MAKING_LOCK})`).get();
    }
  } finally {
    admin.close();
  }
}

/** Removes a database made above (the bench's; the tests' go with the throwaway server). */
export function dropPostgresStore(url: string): void {
  const name = new URL(url).pathname.slice(1);
  const admin = new PgDatabase(withDatabase(url, 'postgres'));
  try {
    admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    admin.close();
  }
}
