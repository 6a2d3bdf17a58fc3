import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import { runningSyncText } from '../../../src/renderer/src/sync-status-text';

const month = (period: string) => `M${period}`;
const count = (n: number) => String(n);

describe('the status bar while a sync runs', () => {
  for (const language of ['en', 'fr'] as const) {
    const t = translator(language);
    it(`says it is starting, not "period 0 of 4", before any month starts (${language})`, () => {
      const text = runningSyncText({ periodIndex: 0, periodCount: 4, monthsInFlight: [], rows: 0 }, t, month, count);
      expect(text).toBe(t('sync.starting'));
      expect(text).not.toMatch(/\b0\b/);
    });
    it(`names the months in flight, or the period started (${language})`, () => {
      expect(runningSyncText({ periodIndex: 2, periodCount: 4, monthsInFlight: ['2009-05', '2009-04'], rows: 10 }, t, month, count)).toContain('M2009-05, M2009-04');
      expect(runningSyncText({ periodIndex: 3, periodCount: 4, monthsInFlight: ['2009-03'], rows: 1 }, t, month, count)).toMatch(/3\D+4/);
    });
  }
});
