// A cache the app cannot use (here: written by a newer version) is not a
// failed start: the window opens and the renderer, asking archiveStatus,
// shows the recovery screen naming the version; the file is left where it is.
// Electron is mocked (./electron-mock.ts).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../archive/helpers';
import { bridgeCall, type ElectronState } from './electron-mock';

const state = vi.hoisted(() => ({ current: null as unknown as ElectronState }));

vi.mock('electron', async () => {
  const mock = await import('./electron-mock');
  state.current = mock.createElectronState({ locale: 'fr-FR' });
  return mock.electronModule(state.current);
});

let s: ElectronState;
let cacheFile: string;
let before: string;

beforeAll(async () => {
  await import('../../../src/main/index');
  s = state.current;
  mkdirSync(s.paths.userData, { recursive: true });
  cacheFile = path.join(s.paths.userData, 'oai-cache.sqlite');
  const db = new Database(cacheFile);
  db.pragma('user_version = 999');
  db.close();
  before = sha256(cacheFile);
  s.app.__ready();
  await vi.waitFor(() => expect(s.windows).toHaveLength(1), { timeout: 15_000 });
});

afterAll(async () => {
  if (!s.app.exit.mock.calls.length) {
    s.app.quit();
    await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
  }
});

describe('Electron main process: a cache it cannot use', () => {
  it('opens the window, with no error box and no exit', () => {
    expect(s.windows[0].loads).toEqual(['app://oai/index.html']);
    expect(s.errorBoxes).toEqual([]);
    expect(s.app.exit).not.toHaveBeenCalled();
  });

  it('tells the renderer the archive is unavailable, written by a newer version, and leaves the file as it was', async () => {
    await vi.waitFor(async () => {
      const answer = await bridgeCall(s, 'archiveStatus');
      expect(answer).toMatchObject({ ok: true, value: { state: 'unavailable', problem: { kind: 'newer_version' } } });
    }, { timeout: 15_000 });
    expect(sha256(cacheFile)).toBe(before);
  });
});
