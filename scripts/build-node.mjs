// Bundles what runs under plain Node (the `tonghop` CLI, browser mode's server, and the reader and
// checker workers they start) into dist/node/<hash>/, once per version of the sources: the folder is
// named by the hash of every file the bundle is made from, so a stale bundle is never run (right
// after a `git pull` the next command builds and runs the new code). `npm ci` builds it (`prepare`);
// the launchers (bin/tonghop.mjs, scripts/start.mjs) check it at every start, which costs a few
// milliseconds of hashing instead of compiling TypeScript at each start.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_DIST = path.join(root, 'dist/node');

/** Everything the bundle is made of: the code's folders, the lock file (library versions) and this script. */
const INPUTS = ['main', 'shared', 'tools/generate', 'package-lock.json', 'scripts/build-node.mjs'];

function listFiles(p) {
  const abs = path.join(root, p);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [p];
  return fs.readdirSync(abs, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(p, e.name)) : /\.(ts|mjs|json)$/.test(e.name) ? [path.join(p, e.name)] : []));
}

/** The hash of the sources' names and contents (about 10 ms for the whole tree). */
export function sourceHash() {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(listFiles)) h.update(f).update('\0').update(fs.readFileSync(path.join(root, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * zod's namespace export carries every language's error messages (64 locales, half of zod's size
 * and a tenth of the CLI's start-up); we use only the English default, which zod imports apart.
 * Exported for the Electron build too.
 */
export const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * main/core/source-dirs.ts finds resources and migrations relative to its own file; bundled, its
 * code sits in dist/node/<hash>/ (the bench's in dist/bench/code/), three folders below the repository, so `here` is rewritten to
 * where the source file lies relative to that (the demo generator and the core's defaults use it).
 */
export const sourceDirsFromBundle = {
  name: 'source-dirs-from-bundle',
  setup(b) {
    b.onLoad({ filter: /[\\/]main[\\/]core[\\/]source-dirs\.ts$/ }, (args) => {
      const from = 'const here = path.dirname(fileURLToPath(import.meta.url));';
      const text = fs.readFileSync(args.path, 'utf8');
      if (!text.includes(from)) throw new Error(`${args.path}: the line scripts/build-node.mjs rewrites has changed`);
      return { contents: text.replace(from, "const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../main/core');"), loader: 'ts' };
    });
  },
};

// Bundled CommonJS dependencies (exceljs...) call require(): give the ES module one.
const requireBanner = "import { createRequire as __tonghopCreateRequire } from 'node:module'; const require = __tonghopCreateRequire(import.meta.url);";

/** Builds the bundle into `out` (written beside it, renamed into place when complete). */
export async function buildNode(out) {
  const { build } = await import('esbuild');
  const tmp = `${out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: {
      cli: 'main/cli/index.ts',
      http: 'main/http/main.ts',
      // reader-thread.ts and check-thread.ts start these beside them when no .ts source is there.
      'read-worker': 'main/core/read/read-worker.ts',
      'check-worker': 'main/core/check/check-worker.ts',
      'pg-worker': 'main/core/store/postgres/pg-worker.ts',
    },
    // Split so that what a command does not use (exceljs for the export, the demo generator) is
    // loaded only when asked, and the workers share the core's code with the main bundle.
    bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    outdir: tmp, entryNames: '[name]', chunkNames: 'chunk-[hash]', outExtension: { '.js': '.mjs' },
    // The native module loads from node_modules; everything else is bundled (fewer files to resolve at
    // start), but for the main side's pg, required from node_modules with the first PostgreSQL store.
    external: ['better-sqlite3'],
    plugins: [zodWithoutLocales, sourceDirsFromBundle],
    banner: { js: requireBanner },
    sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root,
  });
  try {
    fs.renameSync(tmp, out);
  } catch (err) {
    // Another process built the same sources meanwhile: its copy is as good.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(out, 'cli.mjs'))) throw err;
  }
  return out;
}

/** Older builds go, except the one before this (a server started before a pull may still load its chunks). */
function prune(keep) {
  const builds = fs.readdirSync(NODE_DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== keep && !e.name.includes('.tmp-'))
    .map((e) => ({ dir: path.join(NODE_DIST, e.name), at: fs.statSync(path.join(NODE_DIST, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const b of builds.slice(1)) fs.rmSync(b.dir, { recursive: true, force: true });
}

/**
 * The bundle for the sources as they are now, dist/node/<hash>/: built if there is none for this
 * hash. `quiet`: say nothing (a rebuild after a pull is announced on stderr otherwise, since it
 * takes a few seconds).
 */
export async function ensureNodeBuild({ quiet = false } = {}) {
  const out = path.join(NODE_DIST, sourceHash());
  if (fs.existsSync(path.join(out, 'cli.mjs'))) return out;
  if (!quiet) process.stderr.write('Đang dựng mã chạy cho phiên bản mã nguồn này (chỉ một lần)...\n');
  fs.mkdirSync(NODE_DIST, { recursive: true });
  await buildNode(out);
  prune(path.basename(out));
  seedCache(out);
  return out;
}

/**
 * A throwaway store made once with the new build, so that it keeps the template of a new store in
 * its folder (main/core/store/store-template.ts) and the first real new store is a copy of it
 * instead of paying for the migrations and the registry. Best effort: without it the first new store writes it.
 */
function seedCache(out) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-seed-'));
  try {
    execFileSync(process.execPath, [path.join(out, 'cli.mjs'), 'units', '--db', path.join(tmp, 'seed.db')], {
      env: { ...process.env, TONGHOP_BUILD_DIR: out, TONGHOP_PHASES: '' }, stdio: 'ignore',
    });
  } catch {
    // the first new store is made the slow way and writes the template
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await ensureNodeBuild({ quiet: true });
