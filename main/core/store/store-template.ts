/**
 * A new SQLite store begins as a copy of a template: a store just migrated and seeded with the
 * shipped catalog and unit registry, nothing else, kept in a folder of its own (the CLI's build,
 * the desktop app's kho-mau/) under a name made of what it holds (the migrations, the catalog's
 * and the registry's versions). Copying its file (about 5.5 MB) takes milliseconds where migrating
 * and writing the whole country's 57,000 unit rows took 150 ms of a first import. The first new
 * store of each version writes the template.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Migration } from './migrate';
import type { Database } from './open-db';
import { sqliteOf } from './open-db';

export interface TemplateVersions { migrations: Migration[]; catalog: string; registry: string }

export function templatePath(dir: string, v: TemplateVersions): string {
  const h = createHash('sha256');
  for (const m of v.migrations) h.update(m.name).update('\0').update(m.sql).update('\0');
  h.update(v.catalog).update('\0').update(v.registry);
  return path.join(dir, `store-${h.digest('hex').slice(0, 16)}.db`);
}

/**
 * The template copied to `file`, where nothing is: true if the store begins from it. The copy is
 * made beside and linked into place, so a store another process creates meanwhile is never
 * overwritten and a half-copied file is never opened.
 */
export function copyTemplate(template: string, file: string): boolean {
  if (!fs.existsSync(template)) return false;
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.copyFileSync(template, tmp);
    fs.linkSync(tmp, file);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * The store as it is now (just created and seeded) written as the template; best effort, written
 * beside and renamed into place. Templates of earlier versions in the folder go (an app updated
 * in place would otherwise keep one per version).
 */
export function writeTemplate(db: Database, template: string): void {
  const sqlite = sqliteOf(db);
  if (!sqlite) return;
  const dir = path.dirname(template);
  const tmp = `${template}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(tmp, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    fs.renameSync(tmp, template);
  } catch {
    fs.rmSync(tmp, { force: true });
    return;
  }
  for (const f of fs.readdirSync(dir)) {
    if (/^store-[0-9a-f]{16}\.db$/.test(f) && f !== path.basename(template)) {
      try { fs.rmSync(path.join(dir, f)); } catch { /* another process is copying it: it goes next time */ }
    }
  }
}

/** A store begun from a template that then failed to open: its files go, so that it is created the usual way. */
export function removeStoreFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
