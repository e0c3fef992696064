/**
 * copy-store moves a store in batches; a reference to a row further on in the same table (a file
 * superseded by a later file, an indicator before its parent) must not fail the copy at a batch's
 * end. The copy is checked at commit instead (issue 19). Into either engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { copyStore } from '../../main/core/store/copy-store';
import { openDb } from '../../main/core/store/open-db';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('copying a store whose rows point forward', () => {
  it('copies 2,500 files, the first superseded by the last, and an indicator listed before its parent', async () => {
    const source = path.join(dir, 'office.db');
    await createApi({ dbPath: source }).close();
    const from = openDb(source);
    const unit = from.prepare('SELECT id FROM units ORDER BY id LIMIT 1').pluck().get() as number;
    from.transaction(() => {
      const add = from.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome, unit_id, layout) VALUES (?, ?, ?, 1, '2023-07-01', '2023-07-01', 'imported', ?, 'test')`);
      for (let i = 0; i < 2500; i++) add.run(String(i).padStart(64, '0'), `T${i}.xlsx`, `T${i}.xlsx`, unit);
      from.prepare("UPDATE files SET superseded_by = (SELECT max(id) FROM files) WHERE id = (SELECT min(id) FROM files)").run();
      const group = from.prepare('SELECT group_code FROM indicators LIMIT 1').pluck().get() as string;
      // The child stored (and so read) before its parent.
      from.exec('PRAGMA defer_foreign_keys = ON');
      from.prepare(`INSERT INTO indicators (code, name, unit, kind, group_code, parent_code, sort) VALUES ('AA_CHILD', 'Con', 'người', 'flow', ?, 'ZZ_PARENT', 999)`).run(group);
      from.prepare(`INSERT INTO indicators (code, name, unit, kind, group_code, parent_code, sort) VALUES ('ZZ_PARENT', 'Cha', 'người', 'flow', ?, NULL, 1000)`).run(group);
    })();
    const to = openDb(await storeTarget(dir, 'copy.db', { empty: true }));
    const report = copyStore(from, to);
    expect(report.tables.find((t) => t.table === 'files')?.rows).toBe(2500);
    expect(to.prepare("SELECT count(*) FROM files f JOIN files later ON later.id = f.superseded_by ").pluck().get()).toBe(1);
    expect(to.prepare("SELECT parent_code FROM indicators WHERE code = 'AA_CHILD'").pluck().get()).toBe('ZZ_PARENT');
    from.close();
    to.close();
  });
});
