import { describe, expect, it } from 'vitest';
import type { PeriodInfo } from '../../../src/shared/domain';
import { translator } from '../../../src/shared/i18n';
import { newestFirst, periodLabel } from '../../../src/shared/period-label';
import { createFormatter } from '../../../src/shared/format';

const period = (key: string, invoiced: boolean, servedByProvider = true): PeriodInfo => ({
  accountNumber: '602127',
  period: key,
  start: `${key}-01`,
  invoiced,
  revision: 'r1',
  servedByProvider,
  scope: 'account',
  origin: 'demo',
  lastSyncedAt: null,
  lastError: null,
  lastErrorAt: null,
  source: 'provider',
});

describe('billing period names', () => {
  it('name the open month as OAI does, in both languages and ISO', () => {
    const may = period('2009-05', false);
    expect(periodLabel(may, translator('en'), { language: 'en-US', dateStyle: 'locale' })).toBe('Since 5/1/2009 — Not invoiced');
    expect(periodLabel(may, translator('fr'), { language: 'fr', dateStyle: 'locale' })).toBe('Depuis le 1/05/2009 — Non facturé');
    expect(periodLabel(may, translator('fr'), { language: 'fr', dateStyle: 'iso' })).toBe('Depuis le 2009-05-01 — Non facturé');
  });

  it('name closed months by month, and mark archived ones', () => {
    expect(periodLabel(period('2009-04', true), translator('en'), { language: 'en-US', dateStyle: 'locale' })).toBe('April 2009 — Invoiced');
    expect(periodLabel(period('2009-02', true, false), translator('en'), { language: 'en-US', dateStyle: 'locale' })).toBe(
      'February 2009 — Invoiced (archived)',
    );
    expect(periodLabel(period('2009-02', true, false), translator('fr'), { language: 'fr', dateStyle: 'locale' })).toBe(
      'Février 2009 — Facturé (archivé)',
    );
  });

  it('list periods newest first', () => {
    const list = [period('2008-12', true), period('2009-02', true), period('2009-01', true)];
    expect(newestFirst(list).map((p) => p.period)).toEqual(['2009-02', '2009-01', '2008-12']);
  });

  it('bind the formatter to the language and date style', () => {
    const fr = createFormatter({ language: 'fr', dateStyle: 'locale' });
    expect(fr.money(13207, 'EUR').replace(/\u00a0|\u202f/g, ' ')).toBe('132,07 €');
    expect(fr.date('2009-05-06T07:02:11Z', 'Europe/Paris')).toBe('06/05/2009');
    expect(fr.room('332703')).toBe('33 270 3');
    const iso = createFormatter({ language: 'en-US', dateStyle: 'iso' });
    expect(iso.date('2009-05-06T07:02:11Z', 'Europe/Paris')).toBe('2009-05-06');
    expect(iso.month('2009-05')).toBe('May 2009');
  });
});
