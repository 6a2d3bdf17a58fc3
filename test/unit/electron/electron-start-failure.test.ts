// A start-up step that fails (here: a cache written by a newer version) must
// not leave a process with no window: with the recovery screen not available
// yet, main shows a native error box in the user's language, closes what it
// opened and exits with 1. Electron is mocked (./electron-mock.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ElectronState } from './electron-mock';

const state = vi.hoisted(() => ({ current: null as unknown as ElectronState }));

vi.mock('electron', async () => {
  const mock = await import('./electron-mock');
  state.current = mock.createElectronState({ locale: 'fr-FR' });
  // A cache from a future version of the app, and settings that ask for French.
  mkdirSync(state.current.paths.userData, { recursive: true });
  return mock.electronModule(state.current);
});

let s: ElectronState;

beforeAll(async () => {
  await import('../../../src/main/index');
  s = state.current;
  const db = new Database(path.join(s.paths.userData, 'oai-cache.sqlite'));
  db.pragma('user_version = 999');
  db.close();
  writeFileSync(path.join(s.paths.userData, 'settings.json'), JSON.stringify({ language: 'fr' }));
  s.app.__ready();
  await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
});

describe('Electron main process: start-up failure', () => {
  it('shows a native error box in the user’s language, naming the cause and the log folder', () => {
    expect(s.errorBoxes).toHaveLength(1);
    const [box] = s.errorBoxes;
    expect(box!.title).toBe('OAI Desktop n’a pas pu démarrer');
    expect(box!.content).toContain('newer version of OAI Desktop');
    expect(box!.content).toContain(s.paths.logs);
  });

  it('exits with 1 before opening any window', () => {
    expect(s.app.exit.mock.calls).toEqual([[1]]);
    expect(s.windows).toEqual([]);
  });

  it('logs why', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(s.paths.logs, 'oai-desktop.log'), 'utf8')).toMatch(/ERROR start-up failed — .*newer version/);
  });
});
