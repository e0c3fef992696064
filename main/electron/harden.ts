/**
 * The guards every webContents gets: no new windows, no navigation away from our page, no
 * webviews, no permissions, no request to anything but the app's own files, and our CSP as a
 * header too (the meta tag in index.html is what holds for file://; the header covers any other
 * response Electron lets through).
 */
import type { Session, WebContents } from 'electron';
import { CSP } from '../http/serve';
import { isAllowedRequest, isOwnPage } from './security';

export function hardenContents(contents: WebContents, pageUrl: () => string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, pageUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url, pageUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session, appRootUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appRootUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}
