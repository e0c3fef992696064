/**
 * Start-up as a person meets it: browser mode (the bundled server `npm start` runs) from launch to
 * its first API answer, the unit list the import screen asks for. A first launch creates the store
 * (migrations, catalog, unit registry); a later launch opens it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Milliseconds from spawning the server to the answer of its first API call; the server is stopped after. */
export async function timeToFirstAnswer(httpBundle: string, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [httpBundle], {
    // TONGHOP_BUILD_DIR as scripts/start.mjs gives it: a first launch copies the build's store template.
    env: { ...process.env, TONGHOP_DATA_DIR: dataDir, TONGHOP_PORT: '0', TONGHOP_STATIC_DIR: os.tmpdir(), TONGHOP_BUILD_DIR: path.dirname(httpBundle) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    // The printed address carries the launch's secret, which the page sends back as its cookie.
    const opened = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /http:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]+/.exec(out); if (m) resolve(new URL(m[0])); });
      child.on('exit', (code) => reject(new Error(`browser mode exited (${code}) before it served`)));
    });
    const res = await fetch(new URL('/api/listUnits', opened), {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: `tonghop_k=${opened.searchParams.get('k')}` }, body: '{}',
    });
    const body = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!body.ok) throw new Error(`listUnits failed: ${body.error?.message ?? res.status}`);
    return performance.now() - started;
  } finally {
    await new Promise<void>((resolve) => { if (child.exitCode !== null) resolve(); else { child.once('exit', () => resolve()); child.kill('SIGTERM'); } });
  }
}

/** First launches (a new data folder each) and later launches (the same folder again), in turns. */
export async function startupTimes(httpBundle: string, runs: number): Promise<{ first: number[]; later: number[] }> {
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
    first.push(await timeToFirstAnswer(httpBundle, dir));
    later.push(await timeToFirstAnswer(httpBundle, dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { first, later };
}
