// The code editor's help: the account's codes in use, most used first (the
// effective code, within a room sign-in's room), what it suggests for what
// is typed, and the existing spelling of a code typed with another case or
// other spaces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingCodeUses, queueBillingCode } from '../../../src/main/cache';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { existingSpelling, foldCode, suggestedCodes, type CodeUse } from '../../../src/shared/code-suggestions';
import { makeConference, makeParticipant, makePeriod, openTestCache, replaceInput, roomScope, SCOPE, type TestCache } from '../cache/fixtures';

const USES: CodeUse[] = [
  { billingCode: 'CLIENT-A', uses: 9 },
  { billingCode: 'PROJ 42', uses: 4 },
  { billingCode: 'client-b', uses: 2 },
  { billingCode: 'ACLIENT', uses: 1 },
];

describe('suggestions and spelling', () => {
  it('suggests the codes starting with the typed text first, then containing it, case and spaces ignored', () => {
    expect(suggestedCodes(USES, '')).toEqual(['CLIENT-A', 'PROJ 42', 'client-b', 'ACLIENT']);
    expect(suggestedCodes(USES, 'cli')).toEqual(['CLIENT-A', 'client-b', 'ACLIENT']);
    expect(suggestedCodes(USES, 'proj42')).toEqual(['PROJ 42']);
    expect(suggestedCodes(USES, 'CLIENT-A')).toEqual([]);
  });
  it('offers the existing spelling of a code that differs only by case or spaces', () => {
    expect(existingSpelling(USES, 'client-a')).toBe('CLIENT-A');
    expect(existingSpelling(USES, ' Proj42 ')).toBe('PROJ 42');
    expect(existingSpelling(USES, 'CLIENT-A')).toBeNull();
    expect(existingSpelling(USES, 'CLIENT-C')).toBeNull();
    expect(existingSpelling(USES, '')).toBeNull();
    expect(foldCode('Proj 4 2')).toBe('proj42');
  });
});

describe('the account’s codes in use', () => {
  let cache: TestCache;
  beforeEach(() => {
    cache = openTestCache();
    const conference = (id: string, room: string, day: number, billingCode: string | null) =>
      makeConference(id, room, `2026-11-0${day}T09:00:00Z`, [makeParticipant(`p-${id}`)], { billingCode });
    replacePeriod(
      cache.db,
      replaceInput(makePeriod('2026-11'), [
        conference('a', '320026', 1, 'CLIENT-A'),
        conference('b', '320026', 2, 'CLIENT-A'),
        conference('c', '332703', 3, 'BOARD'),
        conference('d', '332703', 4, 'BOARD'),
        conference('e', '332703', 5, 'BOARD'),
        conference('f', '332703', 6, null),
      ]),
    );
  });
  afterEach(() => cache.close());

  it('most used first, pending changes counted under their new code, Unallocated left out', () => {
    expect(billingCodeUses(cache.db, SCOPE)).toEqual([
      { billingCode: 'BOARD', uses: 3 },
      { billingCode: 'CLIENT-A', uses: 2 },
    ]);
    queueBillingCode(cache.db, SCOPE, '2026-11', 'f', 'CLIENT-A', '2026-11-26T10:00:00Z');
    queueBillingCode(cache.db, SCOPE, '2026-11', 'e', 'CLIENT-A', '2026-11-26T10:00:00Z');
    expect(billingCodeUses(cache.db, SCOPE)).toEqual([
      { billingCode: 'CLIENT-A', uses: 4 },
      { billingCode: 'BOARD', uses: 2 },
    ]);
  });

  it('a room sign-in gets its room’s codes only', () => {
    expect(billingCodeUses(cache.db, roomScope('320026'))).toEqual([{ billingCode: 'CLIENT-A', uses: 2 }]);
  });
});
