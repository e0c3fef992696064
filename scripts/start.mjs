// `npm start`: the Electron window where an Electron binary exists, else browser mode on
// 127.0.0.1 (the same UI, the same contract over HTTP).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { buildElectron } from './build-electron.mjs';
import { buildRenderer } from './build-renderer.mjs';
import { ensureNodeBuild, sourceHash } from './build-node.mjs';

const require = createRequire(import.meta.url);

/** The Electron binary, if installed. Not `require('electron')`: that starts a download when the binary is missing. */
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

await buildRenderer();
const electron = process.env.TONGHOP_BROWSER === '1' ? null : electronBinary();
if (electron) {
  // The main process is built once per version of the sources (the hash beside it says which).
  const stamp = path.join('dist', 'main', '.source-hash');
  const hash = sourceHash();
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== hash) {
    await buildElectron();
    fs.writeFileSync(stamp, hash);
  }
  // "." and not the script: package.json's "main" is dist/main/electron/main.js, and Electron
  // then takes the repository as the app path, where main/electron/paths.ts looks for dist/.
  spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Không có Electron trên máy này: chạy ở chế độ trình duyệt.');
  // The server as bundled JavaScript, built once per version of the sources.
  const dir = await ensureNodeBuild();
  spawn(process.execPath, [path.join(dir, 'http.mjs')], { stdio: 'inherit', env: { ...process.env, TONGHOP_PORT: process.env.TONGHOP_PORT ?? '5173', TONGHOP_BUILD_DIR: dir } })
    .on('exit', (code) => process.exit(code ?? 0));
}
