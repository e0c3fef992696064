/**
 * The Electron shell: one window on the bundled renderer, the core in this process behind the
 * IPC handler. Everything the core needs from outside (data folder, resources, migrations, the
 * SQLite binding for Electron's ABI) is decided here and handed over by environment variables,
 * because the core runs unchanged under plain Node too.
 */
import { BrowserWindow, app, ipcMain, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from '../core/api/create-api';
import { openAppCore } from '../core/api/app-core';
import { backupDays, coreDeps, sharedStore } from '../app/core-deps';
import { dataDir } from '../app/data-dir';
import { hardenContents, hardenSession } from './harden';
import { createCallHandler, registerIpc } from './ipc';
import type { Trusted } from './ipc';
import { appPaths } from './paths';
import { windowOptions } from './window';

// The app-data folder is %APPDATA%\TongHop, as the README says, not the npm package name.
app.setName('TongHop');

const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged);
// 1. Tell the core where its data files are, before it is created.
if (app.isPackaged || !process.env.TONGHOP_RESOURCES) process.env.TONGHOP_RESOURCES = paths.resources;
if (app.isPackaged || !process.env.TONGHOP_MIGRATIONS_DIR) process.env.TONGHOP_MIGRATIONS_DIR = paths.migrations;
if (paths.nativeBinding) process.env.TONGHOP_SQLITE_BINDING = paths.nativeBinding;

const pageUrl = pathToFileURL(paths.page).href;
const appRootUrl = pathToFileURL(path.dirname(paths.page)).href;
let window: BrowserWindow | null = null;
let core: Core | null = null;

function trusted(): Trusted | null {
  return window && !window.isDestroyed() ? { webContentsId: window.webContents.id, pageUrl } : null;
}

function openWindow(): void {
  window = new BrowserWindow(windowOptions(paths.preload));
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => { window = null; });
  void window.loadFile(paths.page);
}

// Two copies would write the same store: the second hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, () => pageUrl));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
    core = null;
  });
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, appRootUrl);
    // 2. The store, then the handler that serves it, then the window that calls it.
    const dir = dataDir(() => app.getPath('userData'));
    fs.mkdirSync(dir, { recursive: true });
    // The packaged app has no build folder: a new store's template (its first store's copy, for the demo store and any later one) is kept beside the data.
    const deps = { templateDir: path.join(dir, 'kho-mau'), ...coreDeps(), startReader: true, checkInWorker: true };
    const appCore = openAppCore({ dataDir: dir, store: sharedStore(dir), deps, keepDays: backupDays() });
    core = appCore;
    // Today's backup, once, at start: after the window is up, it never delays it.
    setTimeout(() => void appCore.dailyBackup().catch(() => undefined), 5_000);
    registerIpc(ipcMain, createCallHandler(appCore, trusted));
    openWindow();
  });
}
