/**
 * What the shells tell the core about where it runs: resources and migrations where the
 * environment names them (the packaged app, bundled code), and the demo generator, loaded only
 * when a person asks for demo data. The core itself reads no environment variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CoreDeps } from '../core/api/create-api';

export function coreDeps(env: NodeJS.ProcessEnv = process.env): Omit<CoreDeps, 'dbPath'> {
  return {
    ...(env.TONGHOP_RESOURCES ? { resourcesDir: env.TONGHOP_RESOURCES } : {}),
    ...(env.TONGHOP_MIGRATIONS_DIR ? { migrationsDir: env.TONGHOP_MIGRATIONS_DIR } : {}),
    // Set by the launchers (bin/tonghop.mjs, scripts/start.mjs) to the bundle they run, never by hand:
    // the bundle's folder keeps the template of a new store.
    ...(env.TONGHOP_BUILD_DIR ? { templateDir: env.TONGHOP_BUILD_DIR } : {}),
    demo: async () => (await import('../../tools/generate/demo')).writeDemoReturns,
  };
}

/** Days the automatic daily backups are kept: TONGHOP_BACKUP_DAYS, 14 by default. */
export function backupDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TONGHOP_BACKUP_DAYS);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : 14;
}

/**
 * The office's shared store, where IT has set one: TONGHOP_STORE, else `may-chu.txt` in the data
 * folder (one line, `postgres://user:password@server/database`). Nothing set: the embedded SQLite store.
 */
export function sharedStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.TONGHOP_STORE ?? readIfThere(path.join(dataDir, 'may-chu.txt'));
  const url = set?.trim();
  return url ? url : undefined;
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
