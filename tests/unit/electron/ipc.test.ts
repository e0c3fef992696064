/**
 * The IPC handler refuses what browser mode refuses (unknown method, bad arguments, through the
 * shared dispatch) and, on top, any sender that is not our window's main frame on our page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/api';
import { CALL_CHANNEL, createCallHandler, isTrustedSender, registerIpc } from '../../../main/electron/ipc';
import type { CallEvent, Trusted } from '../../../main/electron/ipc';
import { CALL_CHANNEL as PRELOAD_CHANNEL } from '../../../main/preload/preload';

vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: { invoke: vi.fn() }, webUtils: { getPathForFile: vi.fn() } }));

const PAGE = 'file:///app/dist/renderer/index.html';
const trusted: Trusted = { webContentsId: 7, pageUrl: PAGE };

function event(opts: { id?: number; url?: string; subframe?: boolean; noFrame?: boolean } = {}): CallEvent {
  const main = { url: opts.url ?? `${PAGE}#/flags`, parent: null };
  const sub = { url: opts.url ?? PAGE, parent: main };
  const frame = opts.noFrame ? null : opts.subframe ? sub : main;
  return { sender: { id: opts.id ?? 7, mainFrame: main }, senderFrame: frame };
}

/** An Api whose every method records its call: the handler must reach it only for a valid call. */
function fakeApi() {
  const listUnits = vi.fn(async () => []);
  const resolveFlag = vi.fn(async () => ({ flag: null, summary: { rules: [], open: 0, resolved: 0, millis: 0 } }));
  const api = new Proxy({ listUnits, resolveFlag } as unknown as Api, {
    get: (target, key) => (target as unknown as Record<string | symbol, unknown>)[key] ?? vi.fn(async () => null),
  });
  return { api, listUnits, resolveFlag };
}

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(event(), trusted)).toBe(true);
  });
  it.each([
    ['another webContents', event({ id: 8 })],
    ['a sub-frame', event({ subframe: true })],
    ['another page', event({ url: 'file:///tmp/evil.html' })],
    ['a remote page', event({ url: 'https://example.com/' })],
    ['a frame gone since it sent', event({ noFrame: true })],
  ])('refuses %s', (_name, e) => {
    expect(isTrustedSender(e, trusted)).toBe(false);
  });
  it('knows the main frame by its ids as well as by identity', () => {
    const main = { url: PAGE, parent: null, processId: 4, routingId: 1 };
    const sameIds = { ...main };
    const otherFrame = { ...main, routingId: 2 };
    expect(isTrustedSender({ sender: { id: 7, mainFrame: main }, senderFrame: sameIds }, trusted)).toBe(true);
    expect(isTrustedSender({ sender: { id: 7, mainFrame: main }, senderFrame: otherFrame }, trusted)).toBe(false);
  });
  it('refuses everyone while there is no window', () => {
    expect(isTrustedSender(event(), null)).toBe(false);
  });
});

describe('the call handler', () => {
  it('answers a valid call from our window', async () => {
    const { api, listUnits } = fakeApi();
    const handle = createCallHandler(api, () => trusted);
    expect(await handle(event(), 'listUnits', {})).toEqual({ ok: true, value: [] });
    expect(listUnits).toHaveBeenCalledOnce();
  });

  it('refuses an unknown method', async () => {
    const { api } = fakeApi();
    const handle = createCallHandler(api, () => trusted);
    for (const m of ['dropTables', '__proto__', 'constructor', 'toString', 42, null]) {
      const r = await handle(event(), m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-method');
    }
  });

  it('refuses malformed arguments without calling the core', async () => {
    const { api, resolveFlag } = fakeApi();
    const handle = createCallHandler(api, () => trusted);
    for (const args of [{ flagId: 'x', action: 'accept', reason: '', user: 'A' }, { flagId: 'x', action: 'delete', reason: 'r', user: 'A' }, 'text', [1, 2]]) {
      const r = await handle(event(), 'resolveFlag', args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-arguments');
    }
    expect(resolveFlag).not.toHaveBeenCalled();
  });

  it('refuses a sender from another frame or page without calling the core', async () => {
    const { api, listUnits } = fakeApi();
    const handle = createCallHandler(api, () => trusted);
    for (const e of [event({ subframe: true }), event({ url: 'https://example.com/' }), event({ id: 99 }), event({ noFrame: true })]) {
      const r = await handle(e, 'listUnits', {});
      expect(r).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    }
    expect(listUnits).not.toHaveBeenCalled();
  });

  it('is registered on one "tonghop:" channel, the one the preload sends on', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain, createCallHandler(fakeApi().api, () => trusted));
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    expect(ipcMain.handle.mock.calls[0]![0]).toBe(CALL_CHANNEL);
    expect(CALL_CHANNEL.startsWith('tonghop:')).toBe(true);
    expect(PRELOAD_CHANNEL).toBe(CALL_CHANNEL);
  });

  it('keeps the window’s sign-in: refused before it, checked against the role after it, the person recorded', async () => {
    const approvePeriod = vi.fn(async () => ({ openFlags: 0 }));
    const signIn = vi.fn(async () => ({ login: 'ld', name: 'Phạm Lãnh Đạo', roles: ['lanh-dao'] }));
    const resolveFlag = vi.fn(async () => null);
    let credential = 'c1';
    const gate = { required: () => true, account: (login: string) => (login === 'ld' ? { login, name: 'Phạm Lãnh Đạo', roles: ['lanh-dao' as const], credential } : null) };
    const api = { approvePeriod, signIn, resolveFlag, gate } as unknown as Api;
    const handle = createCallHandler(api, () => trusted);
    expect(await handle(event(), 'approvePeriod', { period: '2023-06', user: 'Gõ Tên' })).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    expect(await handle(event(), 'signIn', { login: 'LD', password: 'x' })).toMatchObject({ ok: true });
    expect(await handle(event(), 'approvePeriod', { period: '2023-06', user: 'Gõ Tên' })).toMatchObject({ ok: true });
    expect(approvePeriod).toHaveBeenCalledWith({ period: '2023-06', user: 'Phạm Lãnh Đạo (ld)' });
    expect(await handle(event(), 'resolveFlag', { flagId: 'x', action: 'accept', reason: 'r', user: 'A' })).toMatchObject({ ok: false, error: { code: 'forbidden-role', needed: ['kiem-tra'] } });
    expect(resolveFlag).not.toHaveBeenCalled();
    // The password changed at another desk: this window is signed out.
    credential = 'c2';
    expect(await handle(event(), 'approvePeriod', { period: '2023-06', user: 'Gõ Tên' })).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });
});
