/**
 * The bundled main process (scripts/build-electron.mjs) started under plain Node with 'electron'
 * replaced by a recording stub: the bundle loads as an ES module, opens the store through the
 * SQLite shim, reads a return in the bundled worker, hardens the session and answers IPC only
 * from our page. Electron itself cannot run on this machine; this is the closest check of the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = path.resolve(ROOT, '../shared/samples/returns-2023/BC_T01_2023_412.xlsx');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bundle-'));

interface Recorded {
  name: string;
  windows: { webPreferences: Record<string, unknown> }[];
  loaded: string[];
  handlers: string[];
  session: string[];
  permissionGranted: boolean;
  permissionChecked: boolean;
  remoteCancelled: boolean;
  csp: string[];
  calls: Record<string, { ok: boolean; value?: unknown; error?: { code: string } }>;
}

let recorded: Recorded;

beforeAll(async () => {
  const { buildElectron } = (await import(path.join(ROOT, 'scripts/build-electron.mjs'))) as { buildElectron: (out: string) => Promise<void> };
  const out = path.join(work, 'app', 'dist');
  await buildElectron(out);
  // The packaged app carries node_modules/better-sqlite3 beside dist/; here, the repository's.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'app', 'node_modules'), 'dir');
  const run = spawnSync(process.execPath, ['--import', path.join(ROOT, 'tests/unit/electron/fixtures/use-electron-stub.mjs'), path.join(out, 'main/electron/main.js')], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      STUB_APP_PATH: path.join(work, 'app'),
      STUB_IMPORT: SAMPLE,
      TONGHOP_DATA_DIR: path.join(work, 'data'),
      // Development paths point into the repository; the throwaway app folder has no resources.
      TONGHOP_RESOURCES: path.join(ROOT, 'resources'),
      TONGHOP_MIGRATIONS_DIR: path.join(ROOT, 'main/core/store/migrations'),
      // The shim must hand this to better-sqlite3 (here the Node build, so it loads).
      TONGHOP_SQLITE_BINDING: path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    },
  });
  if (run.status !== 0) throw new Error(`bundled main failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  recorded = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Recorded;
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the bundled Electron main process', () => {
  it('opens one sandboxed window on the bundled page with the CommonJS preload', () => {
    expect(recorded.name).toBe('TongHop');
    expect(recorded.windows).toHaveLength(1);
    const web = recorded.windows[0]!.webPreferences;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(web.preload).toBe(path.join(work, 'app/dist/main/preload/preload.cjs'));
    expect(fs.existsSync(web.preload as string)).toBe(true);
    expect(recorded.loaded).toEqual([path.join(work, 'app/dist/renderer/index.html')]);
  });

  it('keeps its first store as the template of the next, beside the data', () => {
    expect(fs.readdirSync(path.join(work, 'data', 'kho-mau')).filter((f) => /^store-[0-9a-f]{16}\.db$/.test(f))).toHaveLength(1);
  });

  it('hardens the session and the window', () => {
    expect(recorded.permissionGranted).toBe(false);
    expect(recorded.permissionChecked).toBe(false);
    expect(recorded.remoteCancelled).toBe(true);
    expect(recorded.csp[0]).toContain("default-src 'self'");
    expect(recorded.session).toEqual(expect.arrayContaining(['setWindowOpenHandler', 'contents:will-navigate', 'contents:will-attach-webview']));
  });

  it('serves the contract on one tonghop: channel, from our page only', () => {
    expect(recorded.handlers).toEqual(['tonghop:call']);
    expect(recorded.calls.import).toMatchObject({ ok: true, value: [{ status: 'imported', unit: '412', periods: ['2023-01'] }] });
    expect((recorded.calls.figures!.value as unknown[]).length).toBeGreaterThan(40);
    expect(recorded.calls.subframe).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(recorded.calls.unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });
});
