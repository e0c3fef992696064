/** The sample returns imported into a store of their own for one describe block, removed after it. */
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Core } from '../../main/core/api/create-api';
import { createApi } from '../../main/core/api/create-api';
import type { Flag } from '../../shared/types';
import { sampleFiles, tempDir } from './samples';
import { storeTarget } from './store-target';

/** `core` and `flags` (as the import's check left them) are set once the tests run. */
/** `db`: the store's address (a SQLite file, or a PostgreSQL database on the PostgreSQL run). */
export interface StoredSamples { dir: string; db: string; core: Core; flags: Flag[] }

export function useStoredSamples(now = '2023-07-10T08:00:00.000Z'): StoredSamples {
  const stored = { dir: tempDir() } as StoredSamples;
  beforeAll(async () => {
    stored.db = await storeTarget(stored.dir);
    stored.core = createApi({ dbPath: stored.db, now: () => now });
    await stored.core.importFiles({ paths: sampleFiles() });
    stored.flags = await stored.core.listFlags({});
  });
  afterAll(async () => {
    await stored.core.close();
    fs.rmSync(stored.dir, { recursive: true, force: true });
  });
  return stored;
}
