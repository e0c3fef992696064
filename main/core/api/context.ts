/**
 * What every handler slice of the API shares: the store, the catalog, the checker, the reader
 * thread and the shells' settings, made once by createApi from the dependencies it is given.
 */
import path from 'node:path';
import type { CatalogFile } from '../../../shared/catalog';
import type { ImportProgress } from '../../../shared/types';
import { loadCatalog } from '../catalog/load-catalog';
import type { LabelIndex } from '../catalog/match-label';
import { buildLabelIndex } from '../catalog/match-label';
import type { LexiconIndex } from '../catalog/normalize-label';
import { indexLexicon } from '../catalog/normalize-label';
import { Checker } from '../check/checker';
import type { ImportLimits } from '../file/limits';
import { DEFAULT_LIMITS } from '../file/limits';
import type { ImportContext } from '../ingest/import-file';
import { ReaderThread } from '../read/reader-thread';
import type { DirectoryUnit } from '../registry/directory-unit';
import { loadUnits } from '../registry/load-units';
import { SOURCE_MIGRATIONS_DIR, SOURCE_RESOURCES_DIR } from '../source-dirs';
import type { Database } from '../store/open-db';
import { openDb } from '../store/open-db';
import { seedUnits } from '../store/queries/seed';
import { catalogFromStore, seedShippedCatalog } from '../store/queries/catalog';
import { directoryStamp, loadDirectory } from '../store/queries/units';
import { confirmedMappings, mappingsStamp } from '../store/queries/unmapped';

/** Writes demo returns into a folder and gives their paths: dev-only code the shells hand in. */
export type DemoWriter = (dir: string) => Promise<string[]>;

/** Everything the core needs from outside; the shells read the environment and fill this in. */
export interface CoreDeps {
  dbPath: string;
  /** Catalog, unit lists and settings; the source tree's by default. */
  resourcesDir?: string;
  /** Numbered SQL migrations; the source tree's by default. */
  migrationsDir?: string;
  limits?: ImportLimits;
  now?: () => string;
  onProgress?: (p: ImportProgress) => void;
  /** Check the imported units at the end of each import (default); the bench measures the two apart. */
  checkAfterImport?: boolean;
  /** Start the reader thread with the store (the app, the CLI's import), not at the first file. */
  startReader?: boolean;
  /** The demo generator, loaded only when a person asks for demo data. */
  demo?: () => Promise<DemoWriter>;
}

export interface CoreContext {
  deps: CoreDeps;
  db: Database;
  catalog: CatalogFile;
  lex: LexiconIndex;
  checker: Checker;
  reader: ReaderThread;
  limits: ImportLimits;
  now: () => string;
  resourcesDir: string;
  /** Copies of imported files beside the store (not for an in-memory store). */
  archiveDir: string | undefined;
  /** The label index, rebuilt when a person's mappings change. */
  labels: () => LabelIndex;
  /** The unit directory, rebuilt when a unit or a remembered name is added. */
  units: () => DirectoryUnit[];
  importContext: (user?: string | null, receivedAt?: string) => ImportContext;
  /** Reads the catalog again from the store after an office changed it; matching, rules and export follow. */
  refreshCatalog: () => void;
}

export function makeContext(deps: CoreDeps): CoreContext {
  const reader = new ReaderThread();
  if (deps.startReader) reader.start();
  const resourcesDir = deps.resourcesDir ?? SOURCE_RESOURCES_DIR;
  const db = openDb(deps.dbPath, { migrationsDir: deps.migrationsDir ?? SOURCE_MIGRATIONS_DIR });
  const { catalog: shipped, lexicon } = loadCatalog(path.join(resourcesDir, 'catalog'));
  // The store's catalog is the one in use: the shipped file its first version, the office's changes beside it.
  seedShippedCatalog(db, shipped);
  const catalog = catalogFromStore(db, shipped);
  let catalogVersion = 0;
  seedUnits(db, loadUnits(path.join(resourcesDir, 'units')));
  const lex = indexLexicon(lexicon);
  const now = deps.now ?? (() => new Date().toISOString());
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const labels = cachedBy(() => `${mappingsStamp(db)}|${catalogVersion}`, () => buildLabelIndex(catalog.indicators, lex, confirmedMappings(db)));
  const units = cachedBy(() => directoryStamp(db), () => loadDirectory(db));
  const archiveDir = deps.dbPath === ':memory:' ? undefined : path.join(path.dirname(deps.dbPath), 'tep-da-nhap');
  return {
    deps, db, catalog, lex, reader, limits, now, resourcesDir, archiveDir, labels, units,
    checker: new Checker(db, catalog),
    refreshCatalog: () => {
      // In place: every slice and the checker hold this one object.
      Object.assign(catalog, catalogFromStore(db, shipped));
      catalogVersion++;
    },
    importContext: (user, receivedAt) => ({
      db, labels, units, limits, reader, now, user: user ?? null, archiveDir, ...(receivedAt ? { receivedAt } : {}),
    }),
  };
}

/** A value built again only when the store's stamp for it changes: no cache to clear by hand. */
function cachedBy<T>(stamp: () => string, build: () => T): () => T {
  let key: string | null = null;
  let value: T;
  return () => {
    const k = stamp();
    if (k !== key) { value = build(); key = k; }
    return value;
  };
}
