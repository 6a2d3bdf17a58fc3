// Updates through electron-updater (mocked: a fake autoUpdater), from the
// update address set at build time; never in development.
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import { createUpdates, type Updater } from '../../../src/main/electron/updates';
import { FakeEmitter } from './electron-mock';

function fakeUpdater(result: Awaited<ReturnType<Updater['checkForUpdates']>> | Error = null) {
  const updater = Object.assign(new FakeEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null as Updater['logger'],
    checkForUpdates: vi.fn(async () => {
      if (result instanceof Error) throw result;
      return result;
    }),
    quitAndInstall: vi.fn(),
  });
  return updater;
}

function setup(options: { isPackaged: boolean; configured?: boolean; updater?: ReturnType<typeof fakeUpdater>; restart?: boolean }) {
  const updater = options.updater ?? fakeUpdater();
  const loadUpdater = vi.fn(async () => updater as unknown as Updater);
  const tell = vi.fn();
  const ask = vi.fn(async () => options.restart ?? false);
  const log = { info: vi.fn(), error: vi.fn() };
  const updates = createUpdates({ isPackaged: options.isPackaged, configured: options.configured ?? true, version: '1.2.0', loadUpdater, log, t: () => translator('en'), tell, ask });
  return { updates, updater, loadUpdater, tell, ask, log };
}

describe('updates', () => {
  it('never checks in development, not even loading electron-updater; says so when asked', async () => {
    const { updates, loadUpdater, tell } = setup({ isPackaged: false });
    await updates.checkAtStart();
    await updates.checkNow();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(tell).toHaveBeenCalledWith(expect.stringContaining('not in development builds'));
  });

  it('a build without an update address does not check either', async () => {
    const { updates, loadUpdater, tell } = setup({ isPackaged: true, configured: false });
    await updates.checkAtStart();
    await updates.checkNow();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(tell).toHaveBeenCalledWith(expect.stringContaining('without an update address'));
  });

  it('checks at start, silently, downloading in the background and installing on quit', async () => {
    const { updates, updater, tell } = setup({ isPackaged: true });
    await updates.checkAtStart();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(tell).not.toHaveBeenCalled();
  });

  it('Help → Check for updates answers: up to date, or downloading version X, or failed', async () => {
    const upToDate = setup({ isPackaged: true, updater: fakeUpdater({ isUpdateAvailable: false, updateInfo: { version: '1.2.0' } }) });
    await upToDate.updates.checkNow();
    expect(upToDate.tell).toHaveBeenCalledWith('OAI Desktop 1.2.0 is the latest version.');
    const newer = setup({ isPackaged: true, updater: fakeUpdater({ isUpdateAvailable: true, updateInfo: { version: '1.3.0' } }) });
    await newer.updates.checkNow();
    expect(newer.tell).toHaveBeenCalledWith(expect.stringContaining('Version 1.3.0 is available'));
    const offline = setup({ isPackaged: true, updater: fakeUpdater(new Error('net::ERR_INTERNET_DISCONNECTED')) });
    await offline.updates.checkNow();
    expect(offline.tell).toHaveBeenCalledWith('OAI Desktop could not check for updates.', 'net::ERR_INTERNET_DISCONNECTED');
  });

  it('a downloaded update asks to restart; yes installs now, later waits for the quit', async () => {
    const now = setup({ isPackaged: true, restart: true });
    await now.updates.checkAtStart();
    now.updater.emit('update-downloaded', { version: '1.3.0' });
    await vi.waitFor(() => expect(now.updater.quitAndInstall).toHaveBeenCalled());
    expect(now.ask).toHaveBeenCalledWith('Version 1.3.0 of OAI Desktop is ready to install.', expect.any(String), ['Restart Now', 'Later']);
    const later = setup({ isPackaged: true, restart: false });
    await later.updates.checkAtStart();
    later.updater.emit('update-downloaded', { version: '1.3.0' });
    await vi.waitFor(() => expect(later.ask).toHaveBeenCalled());
    expect(later.updater.quitAndInstall).not.toHaveBeenCalled();
  });
});
