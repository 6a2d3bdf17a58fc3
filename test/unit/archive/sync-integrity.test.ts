// The sync and the cache file: a sync checks the file before writing (and
// writes nothing into a damaged one), and checkpoints after each run so the
// main file alone holds everything, even if the -wal is lost while the app runs.
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/core';
import { cacheHandle, listPeriods, listSyncRuns, openCache } from '../../../src/main/cache';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { SyncCoordinator, type SyncTarget } from '../../../src/main/sync/sync-coordinator';
import { demoClient, demoScope, tempDir } from '../sync/helpers';
import { ACCOUNT, damageMiddle, monthSummaries, sha256, syncWithCore } from './helpers';

let provider: DemoProvider;
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', rooms: 40, perRoom: 30 });
});
afterAll(async () => {
  await provider.close();
});

function target(profileId = 'p'): SyncTarget {
  return { profileId, origin: provider.url, accountNumber: ACCOUNT, createClient: (signal) => Promise.resolve(demoClient(provider, {}, { signal })) };
}

function bumpAll(): void {
  for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) provider.bumpRevision(period);
}

describe('the check before a sync writes', () => {
  it('holds every write until the check answers, while the first period downloads', async () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    const db = openCache(file);
    let pass!: () => void;
    const checked = new Promise<void>((resolve) => (pass = resolve));
    const coordinator = new SyncCoordinator({ cache: cacheHandle(db), onProgress: () => {}, checkBeforeWrite: () => checked });
    let downloadedFirst!: () => void;
    const firstDownloaded = new Promise<void>((resolve) => (downloadedFirst = resolve));
    const running = coordinator.sync({ ...target(), onEngineProgress: (p) => p.periodIndex === 2 && downloadedFirst() });
    await firstDownloaded;
    // The first period is downloaded (and the second downloading): nothing is in the cache yet.
    expect(listSyncRuns(db, demoScope(provider))).toEqual([]);
    expect(listPeriods(db, demoScope(provider))).toEqual([]);
    pass();
    const report = await running;
    expect(report.status).toBe('ok');
    expect(listPeriods(db, demoScope(provider)).map((p) => p.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);
    expect(listSyncRuns(db, demoScope(provider))).toHaveLength(1);
    db.close();
  });

  it('a check that cannot run fails the sync with its reason and nothing written, without calling the cache damaged', async () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    const db = openCache(file);
    const coordinator = new SyncCoordinator({
      cache: cacheHandle(db),
      onProgress: () => {},
      checkBeforeWrite: () => Promise.reject(new Error('the cache is busy (another program holds it)')),
    });
    const report = await coordinator.sync(target('busy'));
    expect(report).toMatchObject({ status: 'failed', errorKind: null, error: 'the cache is busy (another program holds it)', runId: 0 });
    expect(listSyncRuns(db, demoScope(provider))).toEqual([]);
    expect(listPeriods(db, demoScope(provider))).toEqual([]);
    db.close();
  });

  it('a damaged cache fails the sync with cache_damaged, nothing written: the file stays byte for byte', async () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    expect((await syncWithCore(provider, file)).status).toBe('ok');
    // The app keeps running on the file; then 4 KB of it go bad.
    const core = createCore({ cacheFile: file });
    const runsBefore = listSyncRuns(core.cache.read(), demoScope(provider)).length;
    damageMiddle(file);
    const before = sha256(file);
    bumpAll();
    const report = await core.coordinator.sync(target('damaged'));
    expect(report).toMatchObject({ status: 'failed', errorKind: 'cache_damaged', periods: [], runId: 0 });
    expect(report.error).toContain(file);
    expect(report.error).toContain('damaged');
    expect(core.coordinator.status('damaged', demoScope(provider))).toMatchObject({ state: 'failed' });
    expect(sha256(file)).toBe(before);
    expect(statSync(`${file}-wal`).size).toBe(0);
    await core.close();
    expect(sha256(file)).toBe(before);
    expect(runsBefore).toBe(1);
  });
});

describe('durability', () => {
  it('deleting the -wal after a sync, while the app still runs, loses nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oai-cache.sqlite');
    const core = createCore({ cacheFile: file });
    bumpAll();
    expect((await core.coordinator.sync(target('wal'))).status).toBe('ok');
    const expected = monthSummaries(file);
    expect(expected.map((m) => m.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);

    // A cleaner deletes the -wal; a backup tool takes the main file alone.
    rmSync(`${file}-wal`);
    const copy = path.join(tempDir(), 'copy.sqlite');
    copyFileSync(file, copy);
    expect(monthSummaries(copy)).toEqual(expected);
    await core.close();
    expect(monthSummaries(file)).toEqual(expected);
  });

  it('closing the cache checkpoints it even while another connection reads', () => {
    const file = path.join(tempDir(), 'oai-cache.sqlite');
    const handle = cacheHandle(openCache(file));
    const reader = openCache(file, { readonly: true });
    handle.write().exec(`INSERT INTO meta (key, value) VALUES ('probe', 'x')`);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    handle.close();
    // The reader keeps the WAL open, but it holds nothing the main file lacks.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
    reader.close();
  });
});
