/**
 * The data folder: TONGHOP_DATA_DIR (tests use throwaway folders), else the shell's own default
 * (Electron's userData folder), else the OS's app-data folder. The one place that reads the variable.
 */
import os from 'node:os';
import path from 'node:path';

export function dataDir(shellDefault?: () => string): string {
  if (process.env.TONGHOP_DATA_DIR) return path.resolve(process.env.TONGHOP_DATA_DIR);
  if (shellDefault) return shellDefault();
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'TongHop');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'TongHop');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'tonghop');
}
