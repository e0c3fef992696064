/**
 * Where the shell finds its parts, in development (the repository, after `npm run build:electron`)
 * and packaged (app folder plus electron-builder's extraResources under process.resourcesPath).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppPaths {
  /** The renderer's index.html. */
  page: string;
  /** The bundled preload (CommonJS: a sandboxed preload cannot be an ES module). */
  preload: string;
  /** Catalog, lexicon and unit lists (TONGHOP_RESOURCES). */
  resources: string;
  /** Numbered SQL migrations (TONGHOP_MIGRATIONS_DIR). */
  migrations: string;
  /** better-sqlite3 built for Electron's ABI, if there is one; null to let it load its default. */
  nativeBinding: string | null;
}

/** The folder name scripts/rebuild-native-for-electron.mjs writes to, and electron-builder's `${os}-${arch}`. */
export function nativeFolder(platform: string, arch: string): string {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : platform;
  return `${os}-${arch}`;
}

export function appPaths(appPath: string, resourcesPath: string, packaged: boolean, exists: (p: string) => boolean = fs.existsSync): AppPaths {
  const page = path.join(appPath, 'dist', 'renderer', 'index.html');
  const preload = path.join(appPath, 'dist', 'main', 'preload', 'preload.cjs');
  if (packaged) {
    const native = path.join(resourcesPath, 'native', 'better_sqlite3.node');
    return { page, preload, resources: path.join(resourcesPath, 'resources'), migrations: path.join(resourcesPath, 'migrations'), nativeBinding: exists(native) ? native : null };
  }
  const native = path.join(appPath, 'dist', 'native', nativeFolder(process.platform, process.arch), 'better_sqlite3.node');
  return {
    page,
    preload,
    resources: path.join(appPath, 'resources'),
    migrations: path.join(appPath, 'main', 'core', 'store', 'migrations'),
    nativeBinding: exists(native) ? native : null,
  };
}
