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
});
