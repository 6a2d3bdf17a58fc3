// What the view benches share: a data folder holding a copy of a bench cache
// with a signed-in (non-syncing) profile for its account, the browser harness
// over it, Chromium, and the bridge round trip alone (the floor a view's time
// is compared with).
import { chromium, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_FILE_NAME } from '../src/main/app/data-dir';
import { openCache } from '../src/main/cache';
import { indexMissingPeriodsOfFile } from '../src/main/cache/queries/search-index';
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
  // Searchable already, as after the app's own sync (the bench's sync job does not index).
  indexMissingPeriodsOfFile(path.join(dir, CACHE_FILE_NAME));
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

/**
 * The harness over a copy of `db`, its start-up check done; its close removes
 * the copy (a large archive's is GBs). No start-up backup: the views are
 * measured on a settled app. On this bench the app's process has one CPU
 * (see launchChromium), where a backup's or an index's thread would take the
 * main thread's turns; on the user's machine those threads have cores of their own.
 */
export async function open(db: string) {
  const dataDir = dataDirFor(db);
  const app = await startHarnessApp(
    { dataDir, version: 'bench', locale: 'en-GB', scheduleSync: false, dailyBackups: false },
    { rendererDir: path.resolve('out/renderer'), downloadsDir: path.join(dataDir, 'downloads') },
  );
  await app.services.archive.whenWritable();
  return {
    ...app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


export async function bridgeFloor(page: Page, call: string, args: unknown): Promise<number> {
  const script = `(async () => { const start = performance.now(); await window.oai[${JSON.stringify(call)}](${JSON.stringify(args)}); return performance.now() - start; })()`;
  return page.evaluate<number>(script);
}

/**
 * Chromium, on the CPUs BENCH_CHROMIUM_CPUS names when it is set (run.ts
 * sets it, and runs the bench child on the others): on a 2-core machine a
 * renderer painting 10,000 rows otherwise takes the core the app's main
 * thread needs, and its event loop's delay measures the contention instead
 * of the app's work. On the user's machine the renderer is another process too.
 */
export async function launchChromium() {
  const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  const cpus = process.env.BENCH_CHROMIUM_CPUS;
  let executablePath = chromiumPath;
  if (cpus !== undefined && chromiumPath !== undefined) {
    executablePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'oai-bench-chromium-')), 'chromium');
    writeFileSync(executablePath, `#!/bin/sh\nexec taskset -c ${cpus} ${chromiumPath} "$@"\n`, { mode: 0o755 });
  }
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  return { browser, page };
}
