// Platform conventions for the app's life: on macOS the app keeps running
// (and its scheduled sync with it) when its last window closes, and the Dock
// icon opens it again; on Windows and Linux closing the last window quits.
import type { App } from 'electron';

export function followPlatformLifecycle(
  app: Pick<App, 'on' | 'quit'>,
  platform: NodeJS.Platform,
  window: { exists(): boolean; open(): void },
): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!window.exists()) window.open();
  });
}
