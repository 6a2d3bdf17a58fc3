// The main window: secure web preferences, app:// content, shown once ready,
// opened where it was last (within the displays present) and remembering its
// size, place and maximised state when it closes. No developer tools in
// packaged builds.
import type { BrowserWindow, BrowserWindowConstructorOptions, Display } from 'electron';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/settings-store';
import { secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, windowBounds, type Rect } from './window-state';

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface DisplayScreen {
  getPrimaryDisplay(): Pick<Display, 'id' | 'workArea'>;
  getAllDisplays(): Array<Pick<Display, 'id' | 'workArea'>>;
}

export function mainWindowOptions(preloadPath: string, bounds: Rect, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'OAI Desktop',
    backgroundColor: '#f6f7f9',
    webPreferences: { ...secureWebPreferences(preloadPath), devTools },
  };
}

/** The displays present, the primary one first. */
export function displaysPrimaryFirst(screen: DisplayScreen): Array<Pick<Display, 'workArea'>> {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
}

export interface MainWindowDeps {
  BrowserWindow: BrowserWindowClass;
  screen: DisplayScreen;
  preloadPath: string;
  /** False in packaged builds: no developer tools. */
  devTools: boolean;
  settings: SettingsStore;
  log: Logger;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const bounds = windowBounds(deps.settings.get().window, displaysPrimaryFirst(deps.screen));
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, bounds, deps.devTools));
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => rememberWindowState(window, deps));
  return window;
}

type MeasurableWindow = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>;

export function rememberWindowState(window: MeasurableWindow, deps: Pick<MainWindowDeps, 'settings' | 'log'>): void {
  const bounds = window.getNormalBounds();
  const [x, y, width, height] = [bounds.x, bounds.y, bounds.width, bounds.height].map(Math.round) as [number, number, number, number];
  const state = { x, y, width, height, maximized: window.isMaximized() || window.isFullScreen() };
  try {
    deps.settings.update((s) => ({ ...s, window: state }));
  } catch (error) {
    deps.log.error('could not remember the window size and place', error);
  }
}
