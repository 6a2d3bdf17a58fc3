// Start-up that fails after the services and the window exist (the page
// cannot load): the window is hidden, an error box says why, the services
// close, and the app exits with 1 — once, not through a second, ordinary quit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ElectronState } from './electron-mock';

const state = vi.hoisted(() => ({ current: null as unknown as ElectronState }));

vi.mock('electron', async () => {
  const mock = await import('./electron-mock');
  state.current = mock.createElectronState({ locale: 'en-US', failLoad: true });
  return mock.electronModule(state.current);
});

let s: ElectronState;

beforeAll(async () => {
  await import('../../../src/main/index');
  s = state.current;
  s.app.__ready();
  await vi.waitFor(() => expect(s.app.exit).toHaveBeenCalled(), { timeout: 15_000 });
});

describe('Electron main process: the window cannot load', () => {
  it('hides the window and shows an error box naming the cause', () => {
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0].hide).toHaveBeenCalled();
    expect(s.errorBoxes).toEqual([{ title: 'OAI Desktop could not start', content: expect.stringContaining('ERR_FILE_NOT_FOUND') }]);
  });

  it('closes the services, then exits with 1, once', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.app.exit.mock.calls).toEqual([[1]]);
    const log = readFileSync(path.join(s.paths.logs, 'oai-desktop.log'), 'utf8');
    expect(log).toContain('services started (electron');
    expect(log).toMatch(/ERROR start-up failed — Error: ERR_FILE_NOT_FOUND/);
  });
});
