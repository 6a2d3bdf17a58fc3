// Quit waits for the services (within a time limit), the macOS lifecycle, and
// the single-instance lock — with fakes of Electron's app.
import { describe, expect, it, vi } from 'vitest';
import { followPlatformLifecycle } from '../../../src/main/electron/lifecycle';
import { installQuitGuard } from '../../../src/main/electron/quit-guard';
import { bringToFront, claimSingleInstance } from '../../../src/main/electron/single-instance';
import { FakeEmitter, quitEvent } from './electron-mock';

function fakeApp() {
  const app = new FakeEmitter() as FakeEmitter & { exit: ReturnType<typeof vi.fn>; quit: ReturnType<typeof vi.fn> };
  app.exit = vi.fn();
  app.quit = vi.fn();
  return app;
}
const log = () => ({ info: vi.fn(), error: vi.fn() });

describe('quit waits for the services to close', () => {
  it('holds the quit back, awaits a slow close, then exits', async () => {
    const app = fakeApp();
    let closed = false;
    const close = vi.fn(() => new Promise<void>((resolve) => setTimeout(() => ((closed = true), resolve()), 200)));
    installQuitGuard({ app: app as any, close, log: log(), timeLimitMs: 5_000 });
    const event = quitEvent();
    app.emit('will-quit', event);
    expect(event.prevented).toBe(1);
    expect(app.exit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(closed).toBe(true);
  });

  it('a quit asked again while closing closes once and exits once', async () => {
    const app = fakeApp();
    const close = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
    installQuitGuard({ app: app as any, close, log: log(), timeLimitMs: 5_000 });
    app.emit('will-quit', quitEvent());
    const again = quitEvent();
    app.emit('will-quit', again);
    expect(again.prevented).toBe(1);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledTimes(1);
  });

  it('a close that hangs: exits at the time limit and logs it', async () => {
    const app = fakeApp();
    const logger = log();
    installQuitGuard({ app: app as any, close: () => new Promise(() => {}), log: logger, timeLimitMs: 300 });
    const started = Date.now();
    app.emit('will-quit', quitEvent());
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('did not close within 300 ms'));
  });

  it('a close that fails: logs it and exits', async () => {
    const app = fakeApp();
    const logger = log();
    installQuitGuard({ app: app as any, close: () => Promise.reject(new Error('disk gone')), log: logger, timeLimitMs: 1_000 });
    app.emit('will-quit', quitEvent());
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(logger.error).toHaveBeenCalledWith('closing the services failed', expect.objectContaining({ message: 'disk gone' }));
  });
});

describe('platform lifecycle', () => {
  it('macOS keeps running with no window and reopens it on activate', () => {
    const app = fakeApp();
    let open = false;
    const openWindow = vi.fn(() => (open = true));
    followPlatformLifecycle(app as any, 'darwin', { exists: () => open, open: openWindow });
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('activate');
    app.emit('activate');
    expect(openWindow).toHaveBeenCalledTimes(1);
  });

  it('Windows and Linux quit when the last window closes', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const app = fakeApp();
      followPlatformLifecycle(app as any, platform, { exists: () => false, open: () => {} });
      app.emit('window-all-closed');
      expect(app.quit, platform).toHaveBeenCalled();
    }
  });
});

describe('single instance', () => {
  it('the first launch takes the lock and brings its window back on a second launch', () => {
    const app = Object.assign(fakeApp(), { requestSingleInstanceLock: vi.fn(() => true) });
    const show = vi.fn();
    expect(claimSingleInstance(app as any, show)).toBe(true);
    app.emit('second-instance', {}, [], '/');
    expect(show).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a second launch quits at once and starts nothing', () => {
    const app = Object.assign(fakeApp(), { requestSingleInstanceLock: vi.fn(() => false) });
    expect(claimSingleInstance(app as any, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listeners.has('second-instance')).toBe(false);
  });

  it('brings a minimised window back restored and focused', () => {
    const window = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    bringToFront(window);
    expect([window.restore, window.show, window.focus].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });
});
