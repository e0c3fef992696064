/** Where the shell finds its page, preload, data files and native SQLite, developing and packaged. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, nativeFolder } from '../../../main/electron/paths';

describe('appPaths', () => {
  it('packaged: data files and the Electron SQLite build from extraResources', () => {
    const p = appPaths('/opt/TongHop/resources/app', '/opt/TongHop/resources', true, () => true);
    expect(p.page).toBe(path.join('/opt/TongHop/resources/app', 'dist/renderer/index.html'));
    expect(p.preload).toBe(path.join('/opt/TongHop/resources/app', 'dist/main/preload/preload.cjs'));
    expect(p.resources).toBe(path.join('/opt/TongHop/resources', 'resources'));
    expect(p.migrations).toBe(path.join('/opt/TongHop/resources', 'migrations'));
    expect(p.nativeBinding).toBe(path.join('/opt/TongHop/resources', 'native', 'better_sqlite3.node'));
  });

  it('development: the repository, and the rebuilt binding only where it exists', () => {
    expect(appPaths('/repo', '/electron/resources', false, () => false).nativeBinding).toBeNull();
    const p = appPaths('/repo', '/electron/resources', false, () => true);
    expect(p.resources).toBe(path.join('/repo', 'resources'));
    expect(p.migrations).toBe(path.join('/repo', 'main/core/store/migrations'));
    expect(p.nativeBinding).toBe(path.join('/repo', 'dist', 'native', nativeFolder(process.platform, process.arch), 'better_sqlite3.node'));
  });

  it('names native folders as electron-builder\'s ${os}-${arch}', () => {
    expect(nativeFolder('win32', 'x64')).toBe('win-x64');
    expect(nativeFolder('linux', 'x64')).toBe('linux-x64');
    expect(nativeFolder('darwin', 'arm64')).toBe('mac-arm64');
  });
});
