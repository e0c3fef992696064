/** Opens the store a core works on; a new SQLite store begins from the template in `templateDir`, where one is given. */
import fs from 'node:fs';
import type { CatalogFile } from '../../../shared/catalog';
import { registryVersion } from '../registry/load-units';
import { SOURCE_MIGRATIONS_DIR } from '../source-dirs';
import { isPostgresUrl } from '../store/db';
import { knownMigrations } from '../store/migrate';
import type { Database } from '../store/open-db';
import { openDb } from '../store/open-db';
import { catalogVersion } from '../store/queries/catalog';
import { copyTemplate, removeStoreFiles, templatePath } from '../store/store-template';
import type { CoreDeps } from './context';

export interface OpenedStore {
  db: Database;
  /** The version of the unit lists in `unitsDir`, which the store is seeded with. */
  registry: string;
  /** A new store that found no template: where to write one once it is seeded (store-template.ts). */
  template?: string;
}

export function openStore(deps: CoreDeps, shipped: CatalogFile, unitsDir: string): OpenedStore {
  const registry = registryVersion(unitsDir);
  const migrationsDir = deps.migrationsDir ?? SOURCE_MIGRATIONS_DIR;
  const file = deps.dbPath;
  const open = () => openDb(file, { migrationsDir });
  if (!deps.templateDir || isPostgresUrl(file) || file === ':memory:' || fs.existsSync(file)) return { db: open(), registry };
  const template = templatePath(deps.templateDir, { migrations: knownMigrations(migrationsDir), catalog: catalogVersion(shipped), registry });
  if (copyTemplate(template, file)) {
    try {
      return { db: open(), registry };
    } catch {
      removeStoreFiles(file); // a damaged template: this store is made the usual way, and the template again
    }
  }
  return { db: open(), registry, template };
}
