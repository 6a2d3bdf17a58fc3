// `search`: matching conferences of every cached month, newest first, within
// --from/--to; months the index lacks are indexed first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessCli } from './helpers';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { ACCOUNT, makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, type TestCache } from '../cache/fixtures';

const cli = inProcessCli(createKeychainStore(`OAI Desktop Tests ${process.pid}`));
let cache: TestCache;

beforeEach(() => {
  cache = openTestCache();
  replacePeriod(
    cache.db,
    replaceInput(makePeriod('2026-09'), [makeConference('s-1', '320026', '2026-09-02T09:00:00Z', [makeParticipant('p-1', { name: 'Ana Lima' })], { billingCode: 'CLIENT-A' })]),
  );
  replacePeriod(cache.db, replaceInput(makePeriod('2026-11'), [makeConference('n-1', '320026', '2026-11-02T09:00:00Z', [makeParticipant('p-2', { name: 'Ana Lopes' })])]));
  // As an archive synced before the index existed.
  cache.db.exec('DELETE FROM conference_search; DELETE FROM conference_search_periods');
  cache.db.close();
});
afterEach(() => cache.close());

describe('cli search', () => {
  it('--json: every month, newest first, each conference with its month, cardholder and effective code', async () => {
    const result = await cli(['search', 'ana', '--db', cache.file, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.account).toBe(ACCOUNT);
    expect(json.conferences.map((c: { period: string; id: string }) => `${c.period}/${c.id}`)).toEqual(['2026-11/n-1', '2026-09/s-1']);
    expect(json.conferences[1]).toMatchObject({ roomNumber: '320026', cardholder: 'Holder 320026', billingCode: 'CLIENT-A', start: '2026-09-02T09:00:00Z' });
  });

  it('--from and --to bound the months; several words must all match', async () => {
    const ids = async (args: string[]) => JSON.parse((await cli(['search', ...args, '--db', cache.file, '--json'])).stdout).conferences.map((c: { id: string }) => c.id);
    expect(await ids(['ana', '--to', '2026-10'])).toEqual(['s-1']);
    expect(await ids(['ana', '--from', '2026-10'])).toEqual(['n-1']);
    expect(await ids(['ana', 'lopes'])).toEqual(['n-1']);
    expect(await ids(['client-a'])).toEqual(['s-1']);
  });

  it('prints a line per conference and the count; exits 2 without text or with a bad month', async () => {
    const text = await cli(['search', 'lima', '--db', cache.file]);
    expect(text.stdout).toMatch(/^Date\s+Time\s+Room Number\s+Cardholder\s+Billing Code\s+Length\s+Charge$/m);
    expect(text.stdout).toMatch(/^02\/09\/2026\s+\d\d:00\s+32 002 6\s+Holder 320026\s+CLIENT-A\s+\d\d:\d\d:\d\d\s+€\d+\.\d\d$/m);
    expect(text.stdout).toMatch(/^1 conference$/m);
    expect((await cli(['search', '--db', cache.file])).code).toBe(2);
    expect((await cli(['search', 'ana', '--from', '2026-13', '--db', cache.file])).code).toBe(2);
  });
});
