import path from 'node:path';
import { build } from 'esbuild';
import { runScale } from './bench/scale-bench';
import { newPostgresStore, dropPostgresStore } from './tools/postgres/new-store';
const root = process.cwd();
const { sourceDirsFromBundle } = (await import(path.join(root, 'scripts/build-node.mjs'))) as { sourceDirsFromBundle: import('esbuild').Plugin };
const benchCode = path.join(root, 'dist/bench/code');
await build({
  entryPoints: ['bench/measure.ts', 'bench/scale-one.ts', 'main/core/read/read-worker.ts', 'main/core/check/check-worker.ts', 'main/core/store/postgres/pg-worker.ts'].map((p) => path.join(root, p)),
  bundle: true, splitting: true, platform: 'node', format: 'esm', packages: 'external', outdir: benchCode, entryNames: '[name]', outExtension: { '.js': '.mjs' }, logLevel: 'warning', plugins: [sourceDirsFromBundle],
});
const n = Number(process.argv[2]);
const engine = process.argv[3];
let t = performance.now();
if (engine === 'pg') {
  const store = await newPostgresStore('postgres://postgres@127.0.0.1:54329/postgres', { prefix: 'bench_' });
  try { console.log(JSON.stringify(runScale(benchCode, n, 'store', undefined, store))); } finally { dropPostgresStore(store); }
} else console.log(JSON.stringify(runScale(benchCode, n, 'store')));
console.error(`wall ${Math.round(performance.now() - t)} ms`);
