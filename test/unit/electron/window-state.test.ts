// The main window opens where it was, within the displays present now.
import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { createMainWindow, rememberWindowState } from '../../../src/main/electron/window';
import { windowBounds, type DisplayArea } from '../../../src/main/electron/window-state';
import { FakeEmitter } from './electron-mock';
import { tempDir } from '../sync/helpers';

const area = (x: number, y: number, width: number, height: number): DisplayArea => ({ workArea: { x, y, width, height } });
const laptop = area(0, 25, 1440, 875); // macOS menu bar at the top
const external = area(1440, 0, 2560, 1400); // to the right of the laptop
const left = area(-1920, 0, 1920, 1040); // to the left, negative coordinates
const saved = (x: number, y: number, width: number, height: number, maximized = false) => ({ x, y, width, height, maximized });

describe('window bounds', () => {
  it('first start: the default size, centred on the primary display', () => {
    expect(windowBounds(null, [laptop])).toEqual({ x: 80, y: 63, width: 1280, height: 800, maximized: false });
  });

  it('keeps saved bounds that fit a display present, maximised state included', () => {
    expect(windowBounds(saved(1600, 100, 1600, 1000, true), [laptop, external])).toEqual(saved(1600, 100, 1600, 1000, true));
    expect(windowBounds(saved(-1800, 40, 1200, 900), [laptop, external, left])).toEqual(saved(-1800, 40, 1200, 900));
  });

  it('a window on a display that was unplugged comes back centred on the primary display, same size', () => {
    expect(windowBounds(saved(2000, 200, 1200, 800), [laptop])).toEqual({ x: 120, y: 63, width: 1200, height: 800, maximized: false });
  });

  it('a window from a larger display is shrunk to the work area of the display it overlaps most', () => {
    expect(windowBounds(saved(1400, 0, 2400, 1300), [laptop])).toEqual(saved(0, 25, 1440, 875));
  });

  it('a window half off the edge of a display is moved back inside it', () => {
    expect(windowBounds(saved(1000, 500, 1280, 800), [laptop])).toEqual(saved(160, 100, 1280, 800));
    // Above the menu bar: moved below it.
    expect(windowBounds(saved(100, -300, 1000, 700), [laptop])).toEqual(saved(100, 25, 1000, 700));
  });

  it('a window across two displays goes to the one holding most of it', () => {
    expect(windowBounds(saved(1000, 100, 1200, 800), [laptop, external])).toEqual(saved(1440, 100, 1200, 800));
  });

  it('never smaller than the minimum size, unless the display itself is smaller', () => {
    expect(windowBounds(saved(10, 30, 300, 200), [laptop])).toEqual(saved(10, 30, 960, 600));
    expect(windowBounds(saved(0, 0, 1280, 800), [area(0, 0, 800, 600)])).toEqual(saved(0, 0, 800, 600));
  });
});

describe('the main window', () => {
  const screen = {
    getPrimaryDisplay: () => ({ id: 1, ...laptop }),
    getAllDisplays: () => [{ id: 2, ...external }, { id: 1, ...laptop }],
  };
  const log = { info: () => {}, error: vi.fn() };

  it('opens with the remembered state, maximised if it was, and saves its state when it closes', () => {
    const settings = createSettingsStore(tempDir());
    settings.update((s) => ({ ...s, window: saved(1600, 100, 1600, 1000, true) }));
    const made: any[] = [];
    class Window extends FakeEmitter {
      maximize = vi.fn();
      show = vi.fn();
      constructor(readonly options: any) {
        super();
        made.push(this);
      }
      getNormalBounds = () => ({ x: 1500.4, y: 90, width: 1700, height: 1100 });
      isMaximized = () => false;
      isFullScreen = () => false;
    }
    createMainWindow({ BrowserWindow: Window as any, screen, preloadPath: '/p.cjs', devTools: false, settings, log });
    expect(made[0].options).toMatchObject({ x: 1600, y: 100, width: 1600, height: 1000 });
    expect(made[0].options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(made[0].maximize).toHaveBeenCalled();
    made[0].emit('close', {});
    expect(createSettingsStore(settings.file.replace(/settings\.json$/, '')).get().window).toEqual(saved(1500, 90, 1700, 1100));
  });

  it('a window state that cannot be saved is logged, not thrown', () => {
    const settings = { file: '', get: () => ({}) as any, update: () => { throw new Error('ENOSPC'); } };
    rememberWindowState({ getNormalBounds: () => ({ x: 0, y: 0, width: 1000, height: 700 }), isMaximized: () => false, isFullScreen: () => false }, { settings, log });
    expect(log.error).toHaveBeenCalledWith('could not remember the window size and place', expect.any(Error));
  });
});
