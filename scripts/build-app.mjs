// Builds everything the Electron app runs from dist/: the renderer and the shell (main, worker,
// preload). `npm start` runs it before launching Electron; packaging runs it before electron-builder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { buildRenderer } from './build-renderer.mjs';

export async function buildApp() {
  await Promise.all([buildRenderer(), buildElectron()]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildApp();
