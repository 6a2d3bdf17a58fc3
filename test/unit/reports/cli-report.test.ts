// `npm run cli -- report`: the JSON shape, adding up to each month's summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { accountSummary, openCache } from '../../../src/main/cache';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { openTestCache, SCOPE, type TestCache } from '../cache/fixtures';
import { inProcessCli } from '../cli/helpers';
import { MONTHS, writeArchive } from './fixtures';

const cli = inProcessCli(createKeychainStore(`OAI Desktop Tests ${process.pid}`));
let cache: TestCache;
beforeAll(() => {
  cache = openTestCache();
  writeArchive(cache.db);
  cache.db.close();
});
afterAll(() => cache.close());

describe('cli report', () => {
  it('--json: from, to, by, months, rows with key, label, months and total, and the total; rows add up to every month', async () => {
    for (const by of ['code', 'room']) {
      const run = await cli(['report', '--from', MONTHS[0]!, '--to', MONTHS.at(-1)!, '--by', by, '--db', cache.file, '--json']);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as Record<string, unknown> & { rows: { key: string | null; label: string | null; months: Record<string, { chargeCents: number }> }[]; total: { months: Record<string, unknown> } };
      expect(Object.keys(json)).toEqual(['from', 'to', 'by', 'months', 'rows', 'total']);
      expect(json).toMatchObject({ from: MONTHS[0], to: MONTHS.at(-1), by, months: MONTHS });
      expect(Object.keys(json.rows[0]!)).toEqual(['key', 'label', 'months', 'total']);
      expect(Object.keys(json.rows[0]!.months[MONTHS[0]!]!).sort()).toEqual(['accumulatedSeconds', 'chargeCents', 'conferenceCount']);
      const db = openCache(cache.file, { readonly: true });
      try {
        for (const month of MONTHS) {
          expect(json.rows.reduce((sum, row) => sum + row.months[month]!.chargeCents, 0)).toBe(accountSummary(db, SCOPE, month, 'all').total.chargeCents);
          expect(json.total.months[month]).toEqual(accountSummary(db, SCOPE, month, 'all').total);
        }
      } finally {
        db.close();
      }
      if (by === 'code') expect(json.rows.at(-1)).toMatchObject({ key: null, label: 'Unallocated' });
    }
  });

  it('text by default, the workbook with --out, usage errors exit 2', async () => {
    const text = await cli(['report', '--db', cache.file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Unallocated');
    const out = path.join(cache.dir, 'chargeback.xlsx');
    expect((await cli(['report', '--by', 'room', '--db', cache.file, '--out', out])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cli(['report', '--by', 'conference', '--db', cache.file])).code).toBe(2);
    expect((await cli(['report', '--from', '2026-13', '--db', cache.file])).code).toBe(2);
  });
});
