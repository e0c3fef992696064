// Bundles the renderer (React, AG Grid, uPlot, i18n resources) into one script and one stylesheet
// with esbuild: no CDN, no network at run time. `--outdir DIR` builds elsewhere (the end-to-end
// tests build into a throwaway folder so they never race a developer's dist/).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer(outdir = path.join(root, 'dist/renderer')) {
  fs.mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'renderer/main.tsx' },
    bundle: true,
    // A classic deferred script: module scripts from file:// meet CORS rules in some Chromium builds.
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    outdir,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(outdir, 'index.html'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--outdir');
  await buildRenderer(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
}
