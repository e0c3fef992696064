/**
 * A worker thread on a module beside the caller: its TypeScript source through tsx in development
 * and tests, the bundled `.mjs` of the same name when the caller is bundled (scripts/build-*.mjs
 * put every worker beside the code that starts it).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/** `from`: the caller's import.meta.url; `name`: the worker module's name without extension. */
export function spawnWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const ts = new URL(`./${name}.ts`, from);
  if (!fs.existsSync(fileURLToPath(ts))) return new Worker(new URL(`./${name}.mjs`, from), options);
  // Register tsx's loader in the worker, then load the TypeScript module.
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(ts.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
