/** copy-store's list of tables is the store's: a table added by a migration and not copied would be lost in a move or a backup. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_TABLES } from '../../../main/core/store/copy-store';
import { openDb } from '../../../main/core/store/open-db';
import { tempDir } from '../../helpers/samples';

describe('the tables a copy of the store takes', () => {
  it('are every table of a migrated store but the list of migrations', () => {
    const dir = tempDir();
    const db = openDb(path.join(dir, 's.db'));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect([...STORE_TABLES].sort()).toEqual(tables.sort());
  });
});
