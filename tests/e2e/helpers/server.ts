/**
 * Browser mode for one test file: the renderer built into a throwaway folder, the server on a
 * free port with a throwaway data folder, its address read from what it prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Method, Result, Results } from '../../../shared/api';
import { onPostgres, storeTarget } from '../../helpers/store-target';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BrowserMode {
  /** The server's root, for API addresses. */
  url: string;
  /** The printed address, with the launch's secret: what a person opens. */
  openUrl: string;
  /** The Cookie header a page gets for the secret, for tests that call the API themselves. */
  cookie: string;
  dataDir: string;
  /** The store the app opened: the data folder's `tonghop.db`, or a PostgreSQL database's address. */
  store: string;
  stop: () => Promise<void>;
}

export interface BrowserModeOptions {
  /** Fills the store (`store`, as BrowserMode's) or the data folder before the server opens them. */
  prepare?: (dataDir: string, store: string) => void | Promise<void>;
  /**
   * The office's shared store (a postgres:// address) instead of the data folder's SQLite file; on
   * the PostgreSQL run (tests/helpers/store-target.ts), a new database of its own unless given.
   */
  store?: string;
}

export async function startBrowserMode(opts: BrowserModeOptions = {}): Promise<BrowserMode> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-e2e-'));
  const staticDir = path.join(work, 'renderer');
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const shared = opts.store ?? (onPostgres ? await storeTarget(work) : undefined);
  const store = shared ?? path.join(dataDir, 'tonghop.db');
  await opts.prepare?.(dataDir, store);
  // scripts/ holds plain .mjs build scripts with no type declarations.
  const { buildRenderer } = (await import(path.join(ROOT, 'scripts/build-renderer.mjs'))) as { buildRenderer: (outdir: string) => Promise<void> };
  await buildRenderer(staticDir);
  // The server as `npm start` runs it: the bundled code of scripts/build-node.mjs, not TypeScript.
  const { ensureNodeBuild } = (await import(path.join(ROOT, 'scripts/build-node.mjs'))) as { ensureNodeBuild: (o: { quiet: boolean }) => Promise<string> };
  const built = await ensureNodeBuild({ quiet: true });
  const child = spawn(process.execPath, [path.join(built, 'http.mjs')], {
    cwd: ROOT,
    env: { ...process.env, TONGHOP_DATA_DIR: dataDir, TONGHOP_PORT: '0', TONGHOP_STATIC_DIR: staticDir, ...(shared ? { TONGHOP_STORE: shared } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const openUrl = await printedUrl(child);
  // A server that dies under a test says why: its stderr would otherwise be lost with it.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-20_000); });
  child.once('exit', (code, signal) => { if (code !== 0 && signal !== 'SIGTERM') console.error(`browser mode exited (${code ?? signal}):\n${stderr}`); });
  const secret = new URL(openUrl).searchParams.get('k') ?? '';
  return {
    url: new URL('/', openUrl).href,
    openUrl,
    cookie: `tonghop_k=${secret}`,
    dataDir,
    store,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in time:\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /https?:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`browser mode exited (${code}):\n${out}\n${err}`)); });
  });
}

/** One call of the contract over HTTP with the launch's secret, as the page itself sends it: the whole answer. */
export async function postApi<M extends Method>(server: Pick<BrowserMode, 'url' | 'cookie'>, method: M, args: unknown = {}): Promise<Result<Results[M]>> {
  const r = await fetch(new URL(`api/${method}`, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: server.cookie }, body: JSON.stringify(args) });
  return (await r.json()) as Result<Results[M]>;
}

/** Its value; a refusal fails the test with the method and the store's message. */
export async function callApi<M extends Method>(server: Pick<BrowserMode, 'url' | 'cookie'>, method: M, args: unknown = {}): Promise<Results[M]> {
  const r = await postApi(server, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}
