// The harness app the view benches open: a copy of a cache and a signed-in
// (non-syncing) profile for its account at its provider.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_FILE_NAME } from '../src/main/app/data-dir';
import { openCache } from '../src/main/cache';
import { startHarnessApp } from '../src/harness/harness-app';
import { cachedAccount } from './cached-account';

const ACCOUNT = '602127';
export const PROFILE_ID = 'bench';

/** A data folder holding a copy of the cache and a signed-in (non-syncing) profile for its account at its provider. */
function dataDirFor(db: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-bench-views-'));
  const source = openCache(db, { readonly: true });
  source.pragma('wal_checkpoint(TRUNCATE)');
  const { provider } = cachedAccount(source);
  source.close();
  copyFileSync(db, path.join(dir, CACHE_FILE_NAME));
  const profile = {
    id: PROFILE_ID,
    serverUrl: provider,
    username: 'bench@example.com',
    accountNumber: ACCOUNT,
    roomNumber: null,
    isDemo: false,
    rememberPassword: false,
  };
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'en-US', profiles: [profile], activeProfileId: PROFILE_ID }));
  return dir;
}

export async function openBenchApp(db: string) {
  const dataDir = dataDirFor(db);
  return startHarnessApp(
    { dataDir, version: 'bench', locale: 'en-GB', scheduleSync: false },
    { rendererDir: path.resolve('out/renderer'), downloadsDir: path.join(dataDir, 'downloads') },
  );
}

