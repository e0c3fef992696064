/**
 * The one window's options, as a pure function so a test can assert every security setting
 * without starting Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Tổng Hợp',
    // Shown on 'ready-to-show', so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      // The renderer is a web page: no Node, its own JavaScript world, the OS sandbox.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the drop zone must not replace the app with the file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !process.env.TONGHOP_NO_DEVTOOLS,
    },
  };
}
