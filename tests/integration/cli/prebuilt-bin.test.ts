/**
 * The `tonghop` command runs bundled JavaScript built once per version of the sources, and a
 * source that changes (a `git pull`) is rebuilt before the next command runs: checked on a copy of
 * the code (the repository's own sources are not edited while other tests run), whose CLI text is
 * changed between two runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prebuilt-'));
const run = (args: string[]) => spawnSync(process.execPath, [path.join(work, 'bin/tonghop.mjs'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
const builds = () => fs.readdirSync(path.join(work, 'dist/node')).filter((d) => !d.includes('.tmp-'));
const cliSource = path.join(work, 'main/cli/index.ts');

beforeAll(() => {
  for (const dir of ['bin', 'scripts', 'main', 'shared', 'tools', 'resources']) fs.cpSync(path.join(ROOT, dir), path.join(work, dir), { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, file), path.join(work, file));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('tonghop bin', () => {
  it('builds once, runs the build without a TypeScript compiler, and rebuilds when a source changes', () => {
    const first = run(['--help']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Tổng Hợp: nhập, đối chiếu');
    expect(first.stderr).toContain('Đang dựng mã chạy');
    const [built] = builds();
    expect(builds()).toHaveLength(1);
    expect(fs.existsSync(path.join(work, 'dist/node', built!, 'cli.mjs'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'dist/node', built!, 'read-worker.mjs'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'dist/node', built!, 'check-worker.mjs'))).toBe(true);

    // Same sources: the same build, no rebuild.
    const again = run(['--help']);
    expect(again.stderr).not.toContain('Đang dựng mã chạy');
    expect(builds()).toEqual([built]);

    // A changed source, as after a pull: the next command builds anew and runs the new text.
    fs.writeFileSync(cliSource, fs.readFileSync(cliSource, 'utf8').replace('Tổng Hợp: nhập, đối chiếu', 'Tổng Hợp (bản mới): nhập, đối chiếu'));
    const changed = run(['--help']);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stderr).toContain('Đang dựng mã chạy');
    expect(changed.stdout).toContain('Tổng Hợp (bản mới): nhập, đối chiếu');
    expect(builds()).toHaveLength(2);
    expect(builds()).toContain(built);
  }, 180_000);

  it('imports a sample with the bundled reader thread and prints where the time went', () => {
    const db = path.join(work, 'store', 's.db');
    fs.mkdirSync(path.dirname(db), { recursive: true });
    const sample = path.resolve(ROOT, '../shared/samples/returns-2023/BC_T01_2023_412.xlsx');
    const r = spawnSync(process.execPath, [path.join(work, 'bin/tonghop.mjs'), 'import', '--json', '--db', db, sample], { cwd: work, encoding: 'utf8', timeout: 120_000, env: { ...process.env, TONGHOP_PHASES: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const line = JSON.parse(r.stdout.trim()) as { status: string; figures: number };
    expect(line.status).toBe('imported');
    expect(line.figures).toBeGreaterThan(0);
    for (const phase of ['start-up: loading the code', 'parsing (reader thread)', 'recognising', 'storing', 'checking', 'total, process start to exit', 'CPU time of the whole process']) expect(r.stderr).toContain(phase);
  }, 180_000);
});
