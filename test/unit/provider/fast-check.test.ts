// The fast conferences-page check must agree with conferencesPageSchema: it
// may never accept what zod rejects. Compared here on a valid page and on
// every field of it broken in many ways.
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, conferencesPageSchema } from '../../../src/main/provider/api-schemas';
import { isWellFormedConferencesPage } from '../../../src/main/provider/fast-check';
import { conference } from './helpers';

const MISSING = Symbol('missing');
const WRONG_VALUES: unknown[] = [
  MISSING,
  null,
  '',
  'abc',
  '123',
  '2009-05-06T07:02:11Z',
  '2009-05-06 07:02:11',
  '2009-05-06T07:02:11.250Z',
  0,
  -1,
  1.5,
  2 ** 53,
  2 ** 52,
  10 ** 12 + 1,
  -(10 ** 12) - 1,
  true,
  [],
  {},
];

function validPage(): Record<string, unknown> {
  return { conferences: [conference(0), conference(1)], nextCursor: 'next', extra: { kept: true } };
}

/** Every path to a leaf or container of the valid page (array items included). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function withValueAt(page: Record<string, unknown>, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === MISSING ? undefined : replacement;
  const copy = structuredClone(page);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === MISSING) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

describe('fast conferences-page check', () => {
  it('accepts a valid page as it is, unknown fields included', () => {
    const page = validPage();
    expect(isWellFormedConferencesPage(page)).toBe(true);
    expect(isWellFormedConferencesPage({ conferences: [], nextCursor: null })).toBe(true);
  });

  it('accepts amounts and durations up to 10^12 and refuses any beyond, as zod does', () => {
    const at = (field: 'chargeCents' | 'lengthSeconds' | 'seconds', value: number) => {
      const page = validPage() as { conferences: Record<string, unknown>[] };
      const target = field === 'seconds' ? (page.conferences[1]!.participants as Record<string, unknown>[])[0]! : page.conferences[1]!;
      target[field] = value;
      return page;
    };
    for (const field of ['chargeCents', 'lengthSeconds', 'seconds'] as const) {
      expect(isWellFormedConferencesPage(at(field, MAX_AMOUNT)), field).toBe(true);
      expect(isWellFormedConferencesPage(at(field, MAX_AMOUNT + 1)), field).toBe(false);
      const path = field === 'seconds' ? ['conferences', 1, 'participants', 0, 'seconds'] : ['conferences', 1, field];
      expect(conferencesPageSchema.safeParse(at(field, MAX_AMOUNT + 1)).error?.issues[0]?.path).toEqual(path);
    }
    expect(isWellFormedConferencesPage(at('chargeCents', -MAX_AMOUNT))).toBe(true);
    expect(isWellFormedConferencesPage(at('chargeCents', -MAX_AMOUNT - 1))).toBe(false);
  });

  it('agrees with zod on every field broken in every way', () => {
    const page = validPage();
    let compared = 0;
    let rejected = 0;
    for (const path of pathsOf(page)) {
      for (const wrong of WRONG_VALUES) {
        const candidate = withValueAt(page, path, wrong);
        const zodAccepts = conferencesPageSchema.safeParse(candidate).success;
        const fastAccepts = isWellFormedConferencesPage(candidate);
        expect(fastAccepts, `${path.join('.')} = ${String(wrong)}`).toBe(zodAccepts);
        compared += 1;
        if (!fastAccepts) rejected += 1;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(300);
  });
});
