/** The window's options: every security setting asserted, so a change to one is a test failure. */
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/electron/window';

describe('windowOptions', () => {
  const opts = windowOptions('/app/dist/main/preload/preload.cjs');
  const web = opts.webPreferences!;

  it('isolates the renderer: no Node, its own world, the OS sandbox', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web\'s own protections on', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the bundled preload it is given', () => {
    expect(web.preload).toBe('/app/dist/main/preload/preload.cjs');
  });

  it('names no remote page and opens hidden until ready', () => {
    expect(JSON.stringify(opts)).not.toMatch(/https?:/);
    expect(opts.show).toBe(false);
  });
});
