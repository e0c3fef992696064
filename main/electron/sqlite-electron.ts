/**
 * better-sqlite3 for the Electron bundle only: the build (scripts/build-electron.mjs) resolves the
 * core's `import Sqlite from 'better-sqlite3'` to this module, which passes `nativeBinding` — the
 * copy built for Electron's ABI — so node_modules keeps the Node build that tests and the CLI use
 * (STYLE.md: never flip one node_modules between two ABIs).
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const Base = require('better-sqlite3') as typeof BetterSqlite3;

function withBinding(options?: BetterSqlite3.Options): BetterSqlite3.Options | undefined {
  const binding = process.env.TONGHOP_SQLITE_BINDING;
  if (!binding || options?.nativeBinding) return options;
  return { ...options, nativeBinding: binding };
}

class ElectronSqlite extends Base {
  constructor(filename?: string | Buffer, options?: BetterSqlite3.Options) {
    super(filename, withBinding(options));
  }
}

export default ElectronSqlite as unknown as typeof BetterSqlite3;
