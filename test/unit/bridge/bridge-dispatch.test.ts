import { describe, expect, it, vi } from 'vitest';
import { bridgeCallNames } from '../../../src/shared/bridge';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import type { BridgeHandlers } from '../../../src/main/bridge/handlers';
import { registerBridgeIpc, type IpcInvokeEventLike } from '../../../src/main/bridge/ipc';
import { APP_ORIGIN, isFromOrigin } from '../../../src/main/bridge/origin';
import { AppError } from '../../../src/main/errors';

const appInfo = { name: 'OAI Desktop', version: '1.0.0', platform: 'linux', shell: 'electron' as const, locale: 'fr-FR' };

function handlersWith(overrides: Partial<Record<string, (args: unknown) => unknown>> = {}) {
  const calls: Array<{ name: string; args: unknown }> = [];
  const handlers = Object.fromEntries(
    bridgeCallNames.map((name) => [
      name,
      (args: unknown) => {
        calls.push({ name, args });
        return overrides[name] ? overrides[name](args) : appInfo;
      },
    ]),
  ) as unknown as BridgeHandlers;
  return { handlers, calls };
}

const log = { error: vi.fn() };

describe('dispatchBridgeCall', () => {
  it('runs a known call with valid arguments and returns its validated result', async () => {
    const { handlers, calls } = handlersWith();
    await expect(dispatchBridgeCall('appInfo', {}, handlers, log)).resolves.toEqual({ ok: true, value: appInfo });
    expect(calls).toHaveLength(1);
  });

  it('refuses arguments the schema rejects without running the handler', async () => {
    const { handlers, calls } = handlersWith();
    const result = await dispatchBridgeCall('appInfo', { sql: 'DROP TABLE rooms' }, handlers, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses an unknown call name, including prototype names', async () => {
    const { handlers } = handlersWith();
    for (const name of ['readFile', 'constructor', '__proto__', 'toString']) {
      const result = await dispatchBridgeCall(name, {}, handlers, log);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('turns a user-facing error into { code, message }', async () => {
    const { handlers } = handlersWith({
      appInfo: () => {
        throw new AppError('unreachable', 'The provider cannot be reached.');
      },
    });
    await expect(dispatchBridgeCall('appInfo', {}, handlers, log)).resolves.toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'The provider cannot be reached.' },
    });
  });

  it('hides unexpected errors behind a generic message', async () => {
    const { handlers } = handlersWith({
      appInfo: () => {
        throw new Error('SQLITE_CORRUPT at /home/ana/secret/path');
      },
    });
    const result = await dispatchBridgeCall('appInfo', {}, handlers, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('refuses a handler result outside the result schema', async () => {
    const { handlers } = handlersWith({ appInfo: () => ({ ...appInfo, shell: 'something else' }) });
    await expect(dispatchBridgeCall('appInfo', {}, handlers, log)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('registerBridgeIpc', () => {
  function register() {
    const listeners = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const { handlers, calls } = handlersWith();
    registerBridgeIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, handlers, {
      trustedOrigin: APP_ORIGIN,
      log,
    });
    return { listeners, calls };
  }

  it('registers exactly one channel per contract call', () => {
    const { listeners } = register();
    expect([...listeners.keys()].sort()).toEqual(bridgeCallNames.map((n) => `oai:call:${n}`).sort());
  });

  it('answers the app origin', async () => {
    const { listeners } = register();
    const result = await listeners.get('oai:call:appInfo')!({ senderFrame: { url: 'app://oai/index.html' } }, {});
    expect(result).toEqual({ ok: true, value: appInfo });
  });

  it.each([
    'https://evil.example/',
    'file:///home/ana/page.html',
    'app://other/index.html',
    'http://127.0.0.1:5173/',
    '',
  ])('does not answer a frame from %s', async (url) => {
    const { listeners, calls } = register();
    await expect(listeners.get('oai:call:appInfo')!({ senderFrame: { url } }, {})).rejects.toThrow(/Refused/);
    expect(calls).toHaveLength(0);
  });

  it('does not answer when the sender frame is gone', async () => {
    const { listeners, calls } = register();
    await expect(listeners.get('oai:call:appInfo')!({ senderFrame: null }, {})).rejects.toThrow(/Refused/);
    expect(calls).toHaveLength(0);
  });
});

describe('isFromOrigin', () => {
  it('compares scheme, host and port exactly', () => {
    expect(isFromOrigin('app://oai/x/y.html', 'app://oai')).toBe(true);
    expect(isFromOrigin('app://oai.evil/x', 'app://oai')).toBe(false);
    expect(isFromOrigin('http://127.0.0.1:4000/', 'http://127.0.0.1:4000')).toBe(true);
    expect(isFromOrigin('http://127.0.0.1:4001/', 'http://127.0.0.1:4000')).toBe(false);
    expect(isFromOrigin('not a url', 'app://oai')).toBe(false);
  });
});
