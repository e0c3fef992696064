// Bundles the renderer into dist/renderer (esbuild: fast, no network, already a dependency of tsx).
import { build } from 'esbuild';
import fs from 'node:fs';

fs.mkdirSync('dist/renderer', { recursive: true });
await build({ entryPoints: ['renderer/main.ts'], bundle: true, format: 'esm', target: 'es2022', outfile: 'dist/renderer/main.js', logLevel: 'warning' });
fs.copyFileSync('renderer/index.html', 'dist/renderer/index.html');
