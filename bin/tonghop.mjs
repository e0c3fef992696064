#!/usr/bin/env node
// The `tonghop` command: the CLI in main/cli, bundled once per version of the sources into
// dist/node/<hash>/ (scripts/build-node.mjs) and run from there as plain JavaScript. A checkout
// whose sources changed (a `git pull`) gets a fresh build before its first command.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNodeBuild } from '../scripts/build-node.mjs';

performance.mark('tonghop:bin'); // the phase report's start-up (TONGHOP_PHASES=1)
const dir = await ensureNodeBuild();
performance.mark('tonghop:built');
// The core keeps what this build derives once (the seeded unit tables) in its folder: main/app/core-deps.ts.
process.env.TONGHOP_BUILD_DIR = dir;
await import(pathToFileURL(path.join(dir, 'cli.mjs')).href);
