// Electron cannot run here, so the main process is imported with 'electron'
// mocked (./electron-mock.ts), and the test checks what it asked Electron
// for: secure window options, the app:// protocol, denied permissions,
// navigation and pop-ups, the single-instance lock, the menu and its
// commands, net.fetch for the provider, settings through electron-store, logs
// in Electron's logs folder, and a quit that waits for the services.
import type * as EmbeddedDemoModule from '../../../src/main/app/embedded-demo';
import type { EmbeddedDemoOptions } from '../../../src/main/app/embedded-demo';
import type { Logger } from '../../../src/main/log';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeCall, menuItem, quitEvent, type ElectronState } from './electron-mock';

const state = vi.hoisted(() => ({ current: null as unknown as ElectronState }));
const updater = vi.hoisted(() => ({ imported: false, checks: 0 }));

vi.mock('electron', async () => {
  const mock = await import('./electron-mock');
  state.current = mock.createElectronState({ locale: 'fr-FR' });
  return mock.electronModule(state.current);
});
vi.mock('electron-updater', () => {
  updater.imported = true;
  return { default: { autoUpdater: { on: vi.fn(), checkForUpdates: vi.fn(async () => (updater.checks += 1, null)) } } };
});

// The demo answers each request 250 ms late, as a remote provider would: the
// quit test's sync must still be running when the quit comes.
vi.mock('../../../src/main/app/embedded-demo', async (importOriginal) => {
  const original = await importOriginal<typeof EmbeddedDemoModule>();
  return { ...original, embeddedDemo: (options: EmbeddedDemoOptions, log: Logger) => original.embeddedDemo({ ...options, latencyMs: 250 }, log) };
});

let s: ElectronState;

beforeAll(async () => {
  await import('../../../src/main/index');
  s = state.current;
  s.app.__ready();
  await vi.waitFor(() => expect(s.windows).toHaveLength(1));
  await vi.waitFor(() => expect(s.windows[0].loads).toEqual(['app://oai/index.html']));
});

afterAll(async () => {
  // Quit as the user would, so the services and the demo provider stop.
  if (!s.app.exit.mock.calls.length) {
    s.app.quit();
    await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
  }
});

describe('Electron main process: security', () => {
  it('creates the window with context isolation, sandbox and no Node integration', () => {
    const prefs = s.windows[0].options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(s.sandboxEnabled).toBe(true);
  });

  it('loads the renderer from app://oai, not file://', () => {
    expect(s.windows[0].loadURL).toHaveBeenCalledWith('app://oai/index.html');
    expect(s.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves app:// with a strict CSP and path containment', async () => {
    const handler = s.protocolHandlers.get('app')!;
    expect((await handler(new Request('app://oai/..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    const response = await handler(new Request('app://oai/index.html'));
    // The renderer may not be built in a unit run; either way the CSP header is there.
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('registers every bridge call through the checked IPC wrapper', async () => {
    const { bridgeCallNames } = await import('../../../src/shared/bridge');
    expect([...s.ipcHandlers.keys()].sort()).toEqual(bridgeCallNames.map((n) => `oai:call:${n}`).sort());
    await expect(s.ipcHandlers.get('oai:call:appInfo')!({ senderFrame: { url: 'https://evil.example/' } }, {})).rejects.toThrow(/outside the app/);
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    s.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(s.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('blocks navigation away from the app, redirects, webviews and window.open', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    s.app.emit('web-contents-created', {}, {
      on: (event: string, listener: any) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: any) => (openHandler = handler),
    });
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-redirect', 'https://evil.example/', true],
      ['will-navigate', 'app://oai/index.html', false],
      ['will-attach-webview', '', true],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      expect(e.preventDefault.mock.calls.length > 0, `${event} ${url}`).toBe(blocked);
    }
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('Electron main process: a desktop app', () => {
  it('takes the single-instance lock; a second launch brings the window back, restored', () => {
    expect(s.app.requestSingleInstanceLock).toHaveBeenCalled();
    const window = s.windows[0];
    window.minimized = true;
    s.app.emit('second-instance', {}, ['OAI Desktop'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(s.windows).toHaveLength(1);
  });

  it('writes its log in Electron’s logs folder', () => {
    const log = readFileSync(path.join(s.paths.logs, 'oai-desktop.log'), 'utf8');
    expect(log).toContain('services started (electron');
    expect(existsSync(path.join(s.paths.userData, 'logs'))).toBe(false);
  });

  it('keeps settings through electron-store in settings.json of the data folder', async () => {
    await expect(bridgeCall(s, 'updateSettings', { notifyNewMonth: true })).resolves.toMatchObject({ ok: true, value: { notifyNewMonth: true } });
    expect(JSON.parse(readFileSync(path.join(s.paths.userData, 'settings.json'), 'utf8'))).toMatchObject({ notifyNewMonth: true });
  });

  it('sets a menu in the user’s language whose commands wait for the renderer, then reach it as menuCommand events', async () => {
    const labels = s.menus.at(-1)!.map((m: any) => m.label);
    expect(labels).toEqual(['Fichier', 'Édition', 'Présentation', 'Fenêtre', 'Aide']);
    expect(menuItem(s, 'download')).toMatchObject({ accelerator: 'CmdOrCtrl+S', enabled: false });
    await bridgeCall(s, 'menuState', { commands: ['download', 'print', 'savePdf', 'syncNow', 'settings'], supportPhone: '+33 1 23 45 67 89' });
    expect(menuItem(s, 'download')).toMatchObject({ enabled: true });
    expect(menuItem(s, 'print')).toMatchObject({ accelerator: 'CmdOrCtrl+P', enabled: true });
    expect(menuItem(s, 'import')).toMatchObject({ visible: false });
    menuItem(s, 'download').click();
    expect(s.windows[0].webContents.send).toHaveBeenLastCalledWith('oai:event', { event: 'menuCommand', payload: { command: 'download' } });
    menuItem(s, 'print').click();
    expect(s.windows[0].webContents.send).toHaveBeenLastCalledWith('oai:event', { event: 'menuCommand', payload: { command: 'print' } });
    menuItem(s, 'supportPhone').click();
    expect(s.clipboard).toEqual(['+33 1 23 45 67 89']);
    menuItem(s, 'openLogs').click();
    expect(s.openedPaths).toEqual([s.paths.logs]);
  });

  it('never looks for updates in development, and says so when asked', async () => {
    menuItem(s, 'checkForUpdates').click();
    await vi.waitFor(() => expect(s.messageBoxes.at(-1)).toMatchObject({ message: expect.stringContaining('développement') }));
    expect(updater.imported).toBe(false);
    expect(updater.checks).toBe(0);
  });

  it('talks to the provider through Chromium’s net.fetch (system proxy and certificates)', async () => {
    const profile = await bridgeCall(s, 'signInDemo');
    expect(profile.ok).toBe(true);
    await bridgeCall(s, 'syncNow', { profileId: profile.value.id });
    await vi.waitFor(async () => expect((await bridgeCall(s, 'syncStatus', { profileId: profile.value.id })).value.state).toBe('done'), { timeout: 20_000 });
    const urls = s.netFetch.mock.calls.map(([url]) => url);
    expect(urls.some((url) => /^http:\/\/127\.0\.0\.1:\d+\/oai\/v1\/session$/.test(url))).toBe(true);
  });

  it('on quit, waits for the services to close (a running sync is cancelled and awaited), then exits', async () => {
    const profile = (await bridgeCall(s, 'listProfiles')).value[0];
    await bridgeCall(s, 'syncNow', { profileId: profile.id });
    expect((await bridgeCall(s, 'syncStatus', { profileId: profile.id })).value.state).toBe('running');
    const event = quitEvent();
    s.app.emit('will-quit', event);
    expect(event.prevented).toBe(1);
    expect(s.app.exit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });
    const log = readFileSync(path.join(s.paths.logs, 'oai-desktop.log'), 'utf8');
    expect(log).toMatch(/sync [0-9a-f]+: cancelled/);
  });
});
