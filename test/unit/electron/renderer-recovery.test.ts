// A crashed renderer or a page that failed to load is reloaded with a
// message instead of leaving a blank window; one that keeps failing is given up on.
import { describe, expect, it, vi } from 'vitest';
import { reloadWhenRendererFails } from '../../../src/main/electron/renderer-recovery';
import { FakeEmitter } from './electron-mock';

function fakeWindow(loadFails = false) {
  const window = {
    webContents: new FakeEmitter(),
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    loadURL: vi.fn(async (url: string) => {
      if (loadFails) {
        window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, true);
        throw new Error('ERR_FILE_NOT_FOUND');
      }
    }),
  };
  return window;
}

function watch(window: ReturnType<typeof fakeWindow>) {
  const notifyReloaded = vi.fn();
  const giveUp = vi.fn();
  const log = { info: vi.fn(), error: vi.fn() };
  reloadWhenRendererFails(window, { url: 'app://oai/index.html', log, notifyReloaded, giveUp, delayMs: 0, maxReloads: 3, withinMs: 60_000 });
  return { notifyReloaded, giveUp, log };
}

describe('renderer recovery', () => {
  it('reloads the app after the renderer crashed and tells the user', async () => {
    const window = fakeWindow();
    const { notifyReloaded, log } = watch(window);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(notifyReloaded).toHaveBeenCalledTimes(1));
    expect(window.loadURL).toHaveBeenCalledWith('app://oai/index.html');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('crashed, exit code 139'));
  });

  it('reloads after a failed load of the main frame, not after an aborted navigation, a sub-frame or a clean exit', async () => {
    const window = fakeWindow();
    const { notifyReloaded } = watch(window);
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://oai/', true);
    window.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x/', false);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.loadURL).not.toHaveBeenCalled();
    window.webContents.emit('did-fail-load', {}, -2, 'ERR_FAILED', 'app://oai/index.html', true);
    await vi.waitFor(() => expect(notifyReloaded).toHaveBeenCalledTimes(1));
  });

  it('gives up (tells the user and quits) when the window keeps failing', async () => {
    const window = fakeWindow(true);
    const { giveUp, notifyReloaded } = watch(window);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await vi.waitFor(() => expect(giveUp).toHaveBeenCalledTimes(1));
    expect(window.loadURL).toHaveBeenCalledTimes(3);
    expect(notifyReloaded).not.toHaveBeenCalled();
  });

  it('does nothing for a window already closed', async () => {
    const window = fakeWindow();
    watch(window);
    window.destroyed = true;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.loadURL).not.toHaveBeenCalled();
  });
});
