/** Runs the CLI as a user would: the package's bin under plain Node, on the bundled code it builds (scripts/build-node.mjs). */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const ENTRY = [path.join(ROOT, 'bin/tonghop.mjs')];

/** `env`: added to this process's environment (a password in TONGHOP_PASSWORD); `input`: what is typed on stdin. */
export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...ENTRY, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...opts.env }, ...(opts.input !== undefined ? { input: opts.input } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[]) {
  return spawn(process.execPath, [...ENTRY, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
