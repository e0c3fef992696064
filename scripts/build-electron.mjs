// Bundles the Electron shell into dist/: the main process (ESM, as package.json's "type" says),
// the core's reader worker beside it, and the preload (CommonJS: sandboxed preloads cannot be
// ES modules). Everything is bundled except 'electron' and the native better-sqlite3, which the
// main bundle reaches through main/electron/sqlite-electron.ts so it can load the Electron build,
// and the main side's pg, required from node_modules with the first PostgreSQL store (pg-database.ts;
// a dependency, so the package carries it).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shim = path.join(root, 'main/electron/sqlite-electron.ts');

/** Sends the core's `better-sqlite3` import to the shim; the shim's own import stays external. */
const sqliteForElectron = {
  name: 'sqlite-for-electron',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.importer === shim ? { path: 'better-sqlite3', external: true } : { path: shim });
  },
};

// Bundled CommonJS dependencies (exceljs...) call require(): give the ES module one.
const requireBanner = "import { createRequire as __tonghopCreateRequire } from 'node:module'; const require = __tonghopCreateRequire(import.meta.url);";

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };

/** `out` is dist/ normally; the bundle test builds into a throwaway folder. */
export async function buildElectron(out = path.join(root, 'dist')) {
  await build({
    ...common,
    entryPoints: { main: 'main/electron/main.ts' },
    outdir: path.join(out, 'main/electron'),
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    plugins: [sqliteForElectron],
    banner: { js: requireBanner },
  });
  // reader-thread.ts and check-thread.ts start `read-worker.mjs` and `check-worker.mjs` beside the
  // bundle when no .ts source is there; the checker's worker opens the store, so it gets the shim too.
  await build({
    ...common,
    entryPoints: { 'read-worker': 'main/core/read/read-worker.ts', 'check-worker': 'main/core/check/check-worker.ts', 'pg-worker': 'main/core/store/postgres/pg-worker.ts' },
    outdir: path.join(out, 'main/electron'),
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    external: ['better-sqlite3'],
    plugins: [sqliteForElectron],
    banner: { js: requireBanner },
  });
  await build({
    ...common,
    entryPoints: { preload: 'main/preload/preload.ts' },
    outdir: path.join(out, 'main/preload'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
    // The preload loads with every window: keep zod's share of it small.
    minify: true,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildElectron();
