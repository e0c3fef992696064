/** The preload's surface: exactly { call, pathsOf } in the main world, unknown methods refused before sending. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: [] })), send: vi.fn(), on: vi.fn() },
  webUtils: { getPathForFile: vi.fn((f: { name: string }) => (f.name === 'in-memory' ? '' : `/home/clerk/${f.name}`)) },
}));
vi.mock('electron', () => electron);

type Exposed = { call: (m: string, a: unknown) => Promise<unknown>; pathsOf: (files: ArrayLike<unknown>) => string[] };

async function loadPreload(): Promise<Exposed> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockClear();
  await import('../../../main/preload/preload');
  return electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Exposed;
}

describe('preload', () => {
  beforeEach(() => { vi.clearAllMocks(); });

  it('exposes exactly call and pathsOf, once, as window.app', async () => {
    const exposed = await loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('app');
    expect(Object.keys(exposed).sort()).toEqual(['call', 'pathsOf']);
    expect(Object.values(exposed).every((v) => typeof v === 'function')).toBe(true);
    // ipcRenderer itself never crosses the bridge.
    expect(Object.values(exposed)).not.toContain(electron.ipcRenderer);
  });

  it('sends a known method on the tonghop: channel', async () => {
    const { call } = await loadPreload();
    expect(await call('listUnits', {})).toEqual({ ok: true, value: [] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('tonghop:call', 'listUnits', {});
  });

  it('refuses an unknown method without sending anything', async () => {
    const { call } = await loadPreload();
    for (const m of ['dropTables', '__proto__', 'hasOwnProperty', '']) {
      expect(await call(m, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('gives the paths of dropped files, leaving out files with none', async () => {
    const { pathsOf } = await loadPreload();
    expect(pathsOf([{ name: 'BC_T01.xlsx' }, { name: 'in-memory' }, { name: 'Thang 2' }])).toEqual(['/home/clerk/BC_T01.xlsx', '/home/clerk/Thang 2']);
  });
});
