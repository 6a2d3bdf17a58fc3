import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheHandle, openCache, providerKey, type CacheHandle, type ViewScope, type WritableDB } from '../../../src/main/cache';
import { DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME, type DemoProvider } from '../../../src/main/demo';
import { ProviderClient, type ProviderClientOptions } from '../../../src/main/provider/client';

export function tempDir(prefix = 'oai-sync-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TempCache {
  file: string;
  db: WritableDB;
  /** A handle over `db`, as the services take it. */
  handle: CacheHandle;
}

export function tempCache(): TempCache {
  const file = path.join(tempDir(), 'cache.sqlite');
  const db = openCache(file);
  return { file, db, handle: cacheHandle(db) };
}

/** Records the waits the client asks for and returns at once. */
export function recordingSleep(waits: number[]) {
  return (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

export function demoClient(
  demo: DemoProvider,
  login: { roomNumber?: string } = {},
  options: Partial<ProviderClientOptions> = {},
): ProviderClient {
  return new ProviderClient({
    baseUrl: demo.url,
    credentials: () => ({
      username: DEMO_USERNAME,
      password: DEMO_PASSWORD,
      ...(login.roomNumber ? { roomNumber: login.roomNumber } : { accountNumber: DEMO_ACCOUNT_NUMBER }),
    }),
    sleep: () => Promise.resolve(),
    timeoutMs: 5_000,
    ...options,
  });
}

/** Requests of the demo provider whose path contains `fragment`. */
export function requestsTo(demo: DemoProvider, fragment: string, method = 'GET') {
  return demo.requests.filter((r) => r.method === method && r.path.includes(fragment));
}

/** What a sign-in at this demo provider (or origin) sees: its account, or one room of it. */
export function demoScope(demo: DemoProvider | string, roomNumber: string | null = null): ViewScope {
  return { provider: providerKey(typeof demo === 'string' ? demo : demo.url), accountNumber: DEMO_ACCOUNT_NUMBER, roomNumber };
}
