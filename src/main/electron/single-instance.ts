// One app per user: a second launch hands over to the first one (which shows
// and focuses its window) and quits, so two processes never share the cache
// and the settings file.
import type { App } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>;

/**
 * True when this process is the first instance. Otherwise it quits and
 * returns false: nothing else may start.
 */
export function claimSingleInstance(app: SingleInstanceApp, showFirstWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => showFirstWindow());
  return true;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings a window to the front, restored if it was minimised. */
export function bringToFront(window: FocusableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
