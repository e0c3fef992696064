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
    env: { ...process.env, TONGHOP_DATA_DIR: dataDir, TONGHOP_PORT: '0', TONGHOP_STATIC_DIR: os.tmpdir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out); if (m) resolve(m[0]); });
      child.on('exit', (code) => reject(new Error(`browser mode exited (${code}) before it served`)));
    });
    const res = await fetch(`${url}api/listUnits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { ok: boolean };
    if (!body.ok) throw new Error('listUnits failed');
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
