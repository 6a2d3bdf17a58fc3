// The preload must expose exactly one method per bridge call (and the event
// hook), never ipcRenderer or a generic invoke/send.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeCallNames } from '../../../src/shared/bridge';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../../src/preload/index');
  });

  it('exposes only window.oai', () => {
    expect([...exposed.keys()]).toEqual(['oai']);
  });

  it('exposes one method per contract call plus one hook per event, and nothing else', () => {
    const api = exposed.get('oai') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...bridgeCallNames, 'onSyncProgress', 'onExportProgress', 'onImportProgress', 'onMenuCommand', 'onArchiveStatus'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer, nor any of its methods', () => {
    const api = exposed.get('oai') as Record<string, unknown>;
    const ipcValues = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    for (const [key, value] of Object.entries(api)) {
      expect(ipcValues.has(value), `window.oai.${key}`).toBe(false);
      expect(['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']).not.toContain(key);
    }
  });

  it('sends each call on its own channel with the given argument only', async () => {
    const api = exposed.get('oai') as Record<string, (args: unknown) => Promise<unknown>>;
    await api.appInfo!({});
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('oai:call:appInfo', {});
  });

  it('relays sync progress events and unsubscribes', () => {
    const api = exposed.get('oai') as { onSyncProgress: (l: (p: unknown) => void) => () => void };
    const seen: unknown[] = [];
    const unsubscribe = api.onSyncProgress((p) => seen.push(p));
    const relay = ipcRenderer.on.mock.calls.at(-1)![1] as (e: unknown, m: unknown) => void;
    relay({}, { event: 'syncProgress', payload: { state: 'running' } });
    relay({}, { event: 'somethingElse', payload: 1 });
    expect(seen).toEqual([{ state: 'running' }]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('oai:event', relay);
  });
});
