/**
 * The renderer's only door to the main process. It imports nothing but 'electron' and shared/,
 * is bundled to one CommonJS file (a sandboxed preload cannot load modules), and exposes exactly
 * two functions: never ipcRenderer itself (Electron's context-isolation guide).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Result } from '../../shared/api';
import { isMethod } from '../../shared/api';

/** Must equal CALL_CHANNEL in main/electron/ipc.ts (a test checks): the preload may not import main/. */
export const CALL_CHANNEL = 'tonghop:call';

/** One call of the contract. An unknown method is refused here, before anything is sent. */
export function call(method: string, args: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Không có chức năng “${String(method).slice(0, 60)}”` } });
  }
  return ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Result<unknown>>;
}

/**
 * Paths of dropped or chosen files: a web page never sees them, so the preload asks Electron.
 * Files without a path (made in the page, not on disk) are left out.
 */
export function pathsOf(files: ArrayLike<File>): string[] {
  return Array.from(files, (f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0);
}

contextBridge.exposeInMainWorld('app', { call, pathsOf });
