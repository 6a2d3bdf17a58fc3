// A renderer that crashes or a page that fails to load must not leave a blank
// window: the window loads the app again and the user is told why. A window
// that keeps failing (several times within a minute) is given up on: the
// caller says so and quits rather than reloading forever.
import type { Logger } from '../log';

/** Chromium's "navigation aborted": another navigation replaced this one, nothing failed. */
const ERR_ABORTED = -3;

export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
}

export interface RecoverableWindow {
  webContents: RecoverableContents;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface RendererRecoveryOptions {
  url: string;
  log: Logger;
  /** Tells the user the window was reloaded (a message box over it). */
  notifyReloaded(window: RecoverableWindow): void;
  /** The window failed too often: tell the user and quit. */
  giveUp(reason: string): void;
  maxReloads?: number;
  withinMs?: number;
  delayMs?: number;
  now?: () => number;
}

export function reloadWhenRendererFails(window: RecoverableWindow, options: RendererRecoveryOptions): void {
  const maxReloads = options.maxReloads ?? 3;
  const withinMs = options.withinMs ?? 60_000;
  const now = options.now ?? Date.now;
  let reloads: number[] = [];
  let pending = false;

  const recover = (reason: string) => {
    options.log.error(`main window: ${reason}`);
    if (pending || window.isDestroyed()) return;
    reloads = reloads.filter((at) => now() - at < withinMs);
    if (reloads.length >= maxReloads) {
      options.giveUp(reason);
      return;
    }
    reloads.push(now());
    pending = true;
    setTimeout(() => {
      pending = false;
      if (window.isDestroyed()) return;
      window.loadURL(options.url).then(
        () => options.notifyReloaded(window),
        // A failed load reports itself through did-fail-load, which comes back here.
        () => {},
      );
    }, options.delayMs ?? 500);
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') recover(`the page stopped (${details.reason}, exit code ${details.exitCode}); reloading`);
  });
  window.webContents.on('did-fail-load', (_event, errorCode, description, _url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) recover(`the page failed to load (${description}, ${errorCode}); reloading`);
  });
}
