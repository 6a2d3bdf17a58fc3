// The importer reads the app's own downloads in their current layout (header
// on row 1, title block on the About sheet), in both languages: every
// conference back, at the same instant, with its code (Unallocated /
// Non attribué as none). Older layouts (a title block above the header) are
// the variants of parse-file.test.ts; OAI's real downloads its samples.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportView } from '../../../src/main/export';
import { parseImportFile } from '../../../src/main/import/parse-file';
import { periodConferences } from '../../../src/main/cache';
import { effectiveBillingCode } from '../../../src/shared/view-rules';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { PROFILE, syncedCache, tempDir, type SyncedCache } from '../export/helpers';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache();
});
afterAll(() => cache.db.close());

const SUMMARY: ViewRef = { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'all', filter: '', sort: null };

it.each<Presentation>([
  { language: 'en-GB', dateStyle: 'locale' },
  { language: 'en-US', dateStyle: 'iso' },
  { language: 'fr', dateStyle: 'locale' },
])('imports its own summary download ($language, $dateStyle) as the cache holds it', async (presentation) => {
  const file = path.join(tempDir(), `own-${presentation.language}.xlsx`);
  await exportView(cache.db, cache.scope, SUMMARY, presentation, { file });
  const parsed = await parseImportFile(file, { timeZone: 'Europe/Paris' });
  expect(parsed.problems).toEqual([]);
  const cached = [...periodConferences(cache.db, cache.scope, '2009-05')];
  const key = (c: { roomNumber: string; start: string; code: string | null; cents: number }) => `${c.roomNumber} ${c.start} ${c.code} ${c.cents}`;
  expect(parsed.conferences.map((c) => key({ roomNumber: c.roomNumber, start: c.startUtc, code: c.billingCode, cents: c.chargeCents })).sort()).toEqual(
    cached.map((c) => key({ roomNumber: c.roomNumber, start: c.start.replace(/\.\d{3}Z$/, 'Z'), code: effectiveBillingCode(c), cents: c.chargeCents })).sort(),
  );
});
