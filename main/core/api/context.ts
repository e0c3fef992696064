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
import type { Checks } from '../check/check-thread';
import { CheckThread, checksInThread } from '../check/check-thread';
import type { ImportLimits } from '../file/limits';
import { DEFAULT_LIMITS } from '../file/limits';
import type { ImportContext, Lookups } from '../ingest/import-file';
import { ReaderThread } from '../read/reader-thread';
import { loadUnits } from '../registry/load-units';
import { SOURCE_RESOURCES_DIR } from '../source-dirs';
import type { Database } from '../store/open-db';
import { isPostgresUrl } from '../store/db';
import { timed } from '../phase-times';
import { seedUnitsOnce } from '../store/queries/seed';
import { writeTemplate } from '../store/store-template';
import { openStore } from './open-store';
import { catalogFromStore, seedShippedCatalog } from '../store/queries/catalog';
import { fillAsciiNames, loadDirectory, storeDirectory } from '../store/queries/units';
import { directoryOf, type UnitDirectory } from '../registry/unit-directory';
import { lookupStamps } from '../store/queries/lookup-stamps';
import { confirmedMappings } from '../store/queries/unmapped';
import { officeScope } from './office';

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
  /** Where backups go; `sao-luu/` beside the store by default. */
  backupDir?: string;
  /** Held by the app's shells (openAppCore): switching stores and restoring, which one core cannot do to itself. */
  session?: StoreSession;
  /**
   * Where the template a new SQLite store is copied from is kept (store/store-template.ts): the
   * bundle's own folder (dist/node/<hash>/) for the CLI and browser mode, the data folder's kho-mau/
   * for the desktop app. None: every new store is migrated and seeded (tests, the source tree).
   */
  templateDir?: string;
  /** Run checks in a worker thread over its own connection (the app: calls are answered while a long check runs); not for an in-memory store. */
  checkInWorker?: boolean;
}

/** What only the holder of the app's stores can do: reopen them. */
export interface StoreSession {
  demo(): boolean;
  useDemo(on: boolean): Promise<void>;
  /** Checks `file`, then puts it in place of the real store and reopens it; throws a Vietnamese message when refused. */
  restore(file: string, user: string): Promise<{ auditEntries: number }>;
}

export interface CoreContext {
  deps: CoreDeps;
  db: Database;
  catalog: CatalogFile;
  lex: LexiconIndex;
  checker: Checks;
  reader: ReaderThread;
  limits: ImportLimits;
  now: () => string;
  resourcesDir: string;
  /** Copies of imported files beside the store (not for an in-memory store). */
  archiveDir: string | undefined;
  /** Imported files' bytes kept in the store itself: a shared store, which no one desk's folder serves. */
  keepContents: boolean;
  /** The label index, rebuilt when a person's mappings change. */
  labels: () => LabelIndex;
  /** The unit directory, rebuilt when a unit or a remembered name is added. */
  units: () => UnitDirectory;
  /** Both of them as of now, for one query's price (an import asks once a file). */
  lookups: () => Lookups;
  importContext: (user?: string | null, receivedAt?: string) => ImportContext;
  /** Reads the catalog again from the store after an office changed it; matching, rules and export follow. */
  refreshCatalog: () => void;
}

export function makeContext(deps: CoreDeps): CoreContext {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const reader = new ReaderThread(limits.maxReaderHeapMb);
  if (deps.startReader) reader.start();
  const resourcesDir = deps.resourcesDir ?? SOURCE_RESOURCES_DIR;
  /** A PostgreSQL store several desks share, rather than one desk's SQLite file. */
  const shared = isPostgresUrl(deps.dbPath);
  const { catalog: shipped, lexicon } = timed('loading the catalog', () => loadCatalog(path.join(resourcesDir, 'catalog')));
  const unitsDir = path.join(resourcesDir, 'units');
  const { db, registry, template } = timed('opening the store', () => openStore(deps, shipped, unitsDir));
  // The store's catalog is the one in use: the shipped file its first version, the office's changes beside it.
  const catalog = timed('loading the catalog', () => { seedShippedCatalog(db, shipped); return catalogFromStore(db, shipped); });
  timed('loading the unit registry', () => {
    seedUnitsOnce(db, registry, () => loadUnits(unitsDir));
    if (template) writeTemplate(db, template);
  });
  let catalogVersion = 0;
  const lex = indexLexicon(lexicon);
  const now = deps.now ?? (() => new Date().toISOString());
  const labelIndex = cachedBy(() => timed('building the label index', () => buildLabelIndex(catalog.indicators, lex, confirmedMappings(db))));
  // A shared store's directory is read whole, once: a lookup there is a round trip. A SQLite one is
  // looked up by name, so names without their form without diacritics (a store from before 0022,
  // another writer: a tool, the bench) get it first; a unit added makes the stamp move.
  const directory = cachedBy(() => (shared ? timed('loading the unit directory', () => directoryOf(loadDirectory(db))) : (fillAsciiNames(db), storeDirectory(db))));
  const lookups = (): Lookups => {
    const stamps = lookupStamps(db);
    return { labels: labelIndex(`${stamps.mappings}|${catalogVersion}`), units: directory(stamps.directory) };
  };
  const labels = () => lookups().labels;
  const units = () => lookups().units;
  const checker = deps.checkInWorker && deps.dbPath !== ':memory:'
    ? new CheckThread({ dbPath: deps.dbPath, catalog, ...(deps.migrationsDir ? { migrationsDir: deps.migrationsDir } : {}) })
    : checksInThread(db, catalog);
  // A shared store keeps no copies on one desk's disk: it keeps the files' bytes in itself, for every desk.
  // A SQLite store keeps them beside it, in tep-da-nhap/, and stays small.
  const archiveDir = deps.dbPath === ':memory:' || shared ? undefined : path.join(path.dirname(deps.dbPath), 'tep-da-nhap');
  return {
    deps, db, catalog, lex, reader, limits, now, resourcesDir, archiveDir, keepContents: shared, labels, units, lookups,
    checker,
    refreshCatalog: () => {
      // In place: every slice holds this one object; the checker is told, in turn with the checks asked.
      Object.assign(catalog, catalogFromStore(db, shipped));
      catalogVersion++;
      checker.catalogChanged(catalog);
    },
    importContext: (user, receivedAt) => ({
      db, lookups, limits, reader, now, user: user ?? null, archiveDir, keepContents: shared, ...(receivedAt ? { receivedAt } : {}),
      ...withOffice(db),
    }),
  };
}

/** A value built again only when the store's stamp for it changes: no cache to clear by hand. */
function cachedBy<T>(build: () => T): (stamp: string) => T {
  let key: string | null = null;
  let value: T;
  return (stamp) => {
    if (stamp !== key) { value = build(); key = stamp; }
    return value;
  };
}

/** The office's provinces, read at each import: a set-up saved meanwhile counts from the next file batch. */
function withOffice(db: Database): Pick<ImportContext, 'officeProvinces'> {
  const scope = officeScope(db);
  return scope ? { officeProvinces: scope } : {};
}
