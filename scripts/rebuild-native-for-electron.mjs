// better-sqlite3 built for Electron's ABI, in a build folder of its own, so node_modules keeps
// the Node build that the tests and the CLI load (STYLE.md: never flip one node_modules between
// two ABIs). The result is dist/native/<os>-<arch>/better_sqlite3.node:
//   - `npm start` under Electron finds it there (main/electron/paths.ts) and the core opens the
//     store with it as `nativeBinding` (main/electron/sqlite-electron.ts);
//   - electron-builder copies it to resources/native/ (electron-builder.yml, extraResources).
//
//   node scripts/rebuild-native-for-electron.mjs [--arch x64|arm64|ia32]
//
// Needs the network: @electron/rebuild fetches Electron's prebuilt better-sqlite3 or, failing
// that, Electron's headers to compile it with node-gyp (and then a C++ toolchain: Visual Studio
// Build Tools on Windows, build-essential and python3 on Linux). It builds for the machine it
// runs on, so run it on Windows for the Windows installer and on Linux for the AppImage.
import { rebuild } from '@electron/rebuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The same folder name main/electron/paths.ts and electron-builder's `${os}-${arch}` use. */
function nativeFolder(platform, arch) {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : platform;
  return `${os}-${arch}`;
}

const arch = option('arch', process.arch);
const electronVersion = require('electron/package.json').version;
const sqlite = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const folder = nativeFolder(process.platform, arch);
const buildPath = path.join(root, 'dist', 'native-build', folder);
const out = path.join(root, 'dist', 'native', folder);

// 1. A throwaway project holding a copy of better-sqlite3's sources (not its Node build).
fs.rmSync(buildPath, { recursive: true, force: true });
const copy = path.join(buildPath, 'node_modules', 'better-sqlite3');
fs.mkdirSync(copy, { recursive: true });
for (const part of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
  fs.cpSync(path.join(sqlite, part), path.join(copy, part), { recursive: true });
}
fs.writeFileSync(path.join(buildPath, 'package.json'), JSON.stringify({ name: 'tonghop-native-build', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2));

// 2. Rebuilt there against Electron.
console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})...`);
await rebuild({ buildPath, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true, types: ['prod'], mode: 'sequential' });

// 3. The one file the app needs, where the app and electron-builder look for it.
const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(built)) throw new Error(`no ${built} after the rebuild`);
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(built, path.join(out, 'better_sqlite3.node'));
console.log(`Đã tạo ${path.join(out, 'better_sqlite3.node')}`);
