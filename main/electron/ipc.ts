/**
 * The contract over IPC. One channel, prefixed "tonghop:"; every call is checked twice: the sender
 * must be the main frame of our window showing our own page (VS Code's validatedIpcMain does the
 * same), then the method and arguments go through the shared `dispatch`, which validates them
 * against the contract's schemas exactly as browser mode does.
 */
import type { IpcMain } from 'electron';
import type { Api, Result } from '../../shared/api';
import type { EdgeSession } from '../http/dispatch';
import { dispatch } from '../http/dispatch';
import { isOwnPage } from './security';

export const CHANNEL_PREFIX = 'tonghop:';
export const CALL_CHANNEL = `${CHANNEL_PREFIX}call`;

/** The parts of an IpcMainInvokeEvent the check reads (structural, so tests need no Electron). */
export interface FrameRef { url: string; parent: unknown; processId?: number; routingId?: number }
export interface CallEvent {
  sender: { id: number; mainFrame: FrameRef };
  senderFrame: FrameRef | null;
}

/** Electron hands out one WebFrameMain object per frame; the ids decide should it ever hand out two. */
function sameFrame(a: FrameRef, b: FrameRef): boolean {
  return a === b || (a.processId !== undefined && a.processId === b.processId && a.routingId === b.routingId);
}

/** What a trusted sender is: the window's webContents, showing this page. */
export interface Trusted { webContentsId: number; pageUrl: string }

export function isTrustedSender(event: CallEvent, trusted: Trusted | null): boolean {
  if (!trusted) return false;
  const frame = event.senderFrame;
  // A null frame has navigated away or been destroyed since it sent: not ours any more.
  if (!frame) return false;
  if (event.sender.id !== trusted.webContentsId) return false;
  if (!sameFrame(frame, event.sender.mainFrame) || frame.parent !== null) return false;
  return isOwnPage(frame.url, trusted.pageUrl);
}

const refused: Result<unknown> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị từ chối' },
};

export type CallHandler = (event: CallEvent, method: unknown, args: unknown) => Promise<Result<unknown>>;

/**
 * `trusted` is read at each call: the window may not exist yet, or may have been closed.
 * The sign-in is per webContents: a reload keeps it, another window would have its own.
 */
export function createCallHandler(api: Api, trusted: () => Trusted | null): CallHandler {
  const sessions = new Map<number, EdgeSession>();
  return async (event, method, args) => {
    if (!isTrustedSender(event, trusted())) return refused;
    let session = sessions.get(event.sender.id);
    if (!session) sessions.set(event.sender.id, (session = { login: null }));
    return dispatch(api, method, args, 'app', session);
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handler: CallHandler): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) => handler(event, method, args));
}
