// A start-up step that fails (here: a data folder that is a file, so no
// settings can be kept) must not leave a process with no window: main shows
// a native error box in the user's language, closes what it opened and exits
// with 1. (A cache that cannot be used is not such a failure: the window
// opens on the recovery screen, see electron-start-archive.test.ts.) Electron
// is mocked (./electron-mock.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ElectronState } from './electron-mock';

const state = vi.hoisted(() => ({ current: null as unknown as ElectronState }));

vi.mock('electron', async () => {
  const mock = await import('./electron-mock');
  state.current = mock.createElectronState({ locale: 'fr-FR' });
  // The data folder's path is taken by a file.
  mkdirSync(path.dirname(state.current.paths.userData), { recursive: true });
  writeFileSync(state.current.paths.userData, 'not a folder');
  return mock.electronModule(state.current);
});

let s: ElectronState;

beforeAll(async () => {
  await import('../../../src/main/index');
  s = state.current;
  s.app.__ready();
  await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
});

describe('Electron main process: start-up failure', () => {
  it('shows a native error box in the user’s language, naming the cause and the log folder', () => {
    expect(s.errorBoxes).toHaveLength(1);
    const [box] = s.errorBoxes;
    expect(box!.title).toBe('OAI Desktop n’a pas pu démarrer');
    expect(box!.content).toContain('ENOTDIR');
    expect(box!.content).toContain(s.paths.logs);
  });

  it('exits with 1 before opening any window', () => {
    expect(s.app.exit.mock.calls).toEqual([[1]]);
    expect(s.windows).toEqual([]);
  });

  it('logs why', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(s.paths.logs, 'oai-desktop.log'), 'utf8')).toMatch(/ERROR start-up failed — .*ENOTDIR/);
  });
});
