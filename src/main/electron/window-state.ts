// Where the main window opens: its last size and place, kept within the
// displays present now (a monitor may have been unplugged or rearranged
// since), else centred on the primary display. Pure, so every display layout
// can be tested without Electron.
import type { WindowState } from '../settings/settings-store';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  /** The display's work area (without task bar or menu bar). */
  workArea: Rect;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 };
export const MIN_WINDOW_SIZE = { width: 960, height: 600 };

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The bounds to open the window with. `displays[0]` is the primary display.
 * The saved bounds go to the display they overlap most, shrunk to fit its
 * work area and moved inside it; bounds on no display present are centred on
 * the primary one, keeping their size if it fits.
 */
export function windowBounds(saved: WindowState | null, displays: readonly DisplayArea[]): Rect & { maximized: boolean } {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (saved === null) return { ...centred(DEFAULT_WINDOW_SIZE, primary), maximized: false };
  const best = displays
    .map((display) => ({ area: display.workArea, shared: overlap(saved, display.workArea) }))
    .reduce((a, b) => (b.shared > a.shared ? b : a), { area: primary, shared: 0 });
  if (best.shared === 0) return { ...centred(saved, primary), maximized: saved.maximized };
  const { area } = best;
  const width = clamp(saved.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(saved.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}
