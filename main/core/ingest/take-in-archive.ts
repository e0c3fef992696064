/**
 * An office's SQLite store moved into PostgreSQL (copy-store) brings its files along: the copies
 * kept beside the SQLite store (tep-da-nhap/) go into the shared store's file_contents, so the
 * source cells of everything imported before the move are seen from every desk too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from '../store/db';
import { importedWithoutContents, keepFileContents } from '../store/queries/file-contents';
import { archivedPath } from './import-file';

export interface TakenIn { kept: number; missing: number }

/**
 * Each imported file without bytes in `db` whose copy is in `archiveDir` and reads as its sha256.
 * One file at a time, each its own write (waited for), so memory holds one file at most.
 */
export function takeInArchive(db: Database, archiveDir: string, at: string): TakenIn {
  const out: TakenIn = { kept: 0, missing: 0 };
  for (const f of importedWithoutContents(db)) {
    const file = archivedPath(archiveDir, f.sha256, f.name);
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
    if (bytes && createHash('sha256').update(bytes).digest('hex') === f.sha256) {
      keepFileContents(db, f.sha256, bytes, at);
      out.kept++;
    } else out.missing++;
  }
  return out;
}
