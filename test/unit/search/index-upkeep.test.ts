// Months an older archive holds without search documents are indexed on the
// archive thread once asked, and found afterwards; the search says until then
// that it is not complete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheHandle, openCache, searchConferences, type CacheHandle } from '../../../src/main/cache';
import { searchIndexUpkeep } from '../../../src/main/features/search/index-upkeep';
import { searchArchive } from '../../../src/main/features/search/search';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, SCOPE, type TestCache } from '../cache/fixtures';

let cache: TestCache;
let handle: CacheHandle;
const query = { text: 'ines', from: null, to: null, offset: 0, limit: 10 };

beforeEach(() => {
  cache = openTestCache();
  replacePeriod(cache.db, replaceInput(makePeriod('2026-10'), [makeConference('o-1', '320026', '2026-10-02T09:00:00Z', [makeParticipant('p-1', { name: 'Inès' })])]));
  cache.db.exec('DELETE FROM conference_search; DELETE FROM conference_search_periods');
  cache.db.close();
  handle = cacheHandle(openCache(cache.file, { verify: false }));
});
afterEach(() => {
  handle.close();
  cache.close();
});

describe('search index upkeep', () => {
  it('indexes the missing months in the background; the search is complete afterwards', async () => {
    const messages: string[] = [];
    const upkeep = searchIndexUpkeep(handle, { info: (m) => messages.push(m), error: (m) => messages.push(`error ${m}`) });
    expect(searchArchive(handle.read(), SCOPE, query)).toMatchObject({ hits: [], complete: false });
    upkeep.catchUp();
    upkeep.catchUp(); // joins the running one
    await upkeep.idle();
    expect(messages).toEqual([expect.stringMatching(/^search index: 1 month\(s\) indexed in \d+ ms$/)]);
    const result = searchArchive(handle.read(), SCOPE, query);
    expect(result.complete).toBe(true);
    expect(result.hits.map((hit) => hit.id)).toEqual(['o-1']);
    expect(searchConferences(handle.read(), SCOPE, { ...query, text: 'INES' }).hits).toHaveLength(1);
  });

  it('a month swapped in while a catch-up runs is indexed by the one that follows; a search waits for it, but not forever', async () => {
    const upkeep = searchIndexUpkeep(handle, { info: () => {}, error: () => {} });
    upkeep.catchUp();
    // A sync's swap during the catch-up: its month has no documents (the sync leaves them to the upkeep).
    replacePeriod(handle.write(), replaceInput(makePeriod('2026-11'), [makeConference('n-1', '320026', '2026-11-02T09:00:00Z', [makeParticipant('p-2', { name: 'Inès' })])]));
    handle.write().exec(`DELETE FROM conference_search_periods WHERE period = '2026-11'`);
    upkeep.catchUp();
    await upkeep.searchReady(60_000);
    const result = searchArchive(handle.read(), SCOPE, query);
    expect(result.complete).toBe(true);
    expect(result.hits.map((hit) => hit.id)).toEqual(['n-1', 'o-1']);
    // Nothing running: ready at once; a catch-up under way and a short wait: the wait ends first.
    handle.write().exec(`DELETE FROM conference_search_periods`);
    upkeep.catchUp();
    const started = Date.now();
    await upkeep.searchReady(1);
    expect(Date.now() - started).toBeLessThan(1000);
    await upkeep.idle();
    expect(searchArchive(handle.read(), SCOPE, query).complete).toBe(true);
  });
});

