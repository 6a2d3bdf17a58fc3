// The export's words (the shared catalogue) and its unit conversions: wall-clock times in
// a time zone (against Intl, across daylight-saving changes), number formats.
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from './helpers';
import { defaultExportFileName } from '../../../src/main/export';
import {
  WallClock,
  dateFormat,
  excelDay,
  excelTimeOfDay,
  moneyFormat,
} from '../../../src/main/export/excel-values';
import { OAI_CONFERENCE_COLUMNS } from '../../../src/main/export/oai-columns';
import { columnLetter, sheetName } from '../../../src/main/export/sheet-table';
import { accessTypeName, catalogs, messageForms, translator } from '../../../src/shared/i18n';

describe('labels', () => {
  it('has the same keys in English and French, none empty', () => {
    const en = Object.keys(catalogs.en).sort();
    const fr = Object.keys(catalogs.fr).sort();
    expect(fr).toEqual(en);
    for (const language of ['en', 'fr'] as const) {
      for (const [key, message] of Object.entries(catalogs[language])) {
        for (const text of messageForms(message)) expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('keeps OAI\u2019s download columns exactly', () => {
    expect(OAI_CONFERENCE_COLUMNS).toEqual(['DATE', 'START TIME', 'ROOM NUMBER', 'CARDHOLDER', 'PARTICIPANTS', 'BILLING CODE', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES']);
  });

  it('fills placeholders and names access types in each language', () => {
    expect(translator('fr')('period.open', { start: '1/05/2009' })).toBe('Depuis le 1/05/2009 — Non facturé');
    expect(translator('en')('period.invoiced', { month: 'April 2009' })).toBe('April 2009 — Invoiced');
    expect(accessTypeName('toll-free', translator('fr'))).toBe('Numéro vert');
    expect(accessTypeName('satellite', translator('en'))).toBe('satellite');
  });
});

/** Wall-clock fields of an instant in a zone, straight from Intl, as local milliseconds. */
function intlLocalMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

describe('WallClock', () => {
  it('gives Paris wall-clock time on both sides of the 2009 daylight-saving changes', () => {
    const paris = new WallClock('Europe/Paris');
    expect(paris.localMs('2009-05-06T07:02:11Z')).toBe(Date.UTC(2009, 4, 6, 9, 2, 11));
    expect(paris.localMs('2009-03-29T00:59:59Z')).toBe(Date.UTC(2009, 2, 29, 1, 59, 59));
    expect(paris.localMs('2009-03-29T01:00:00Z')).toBe(Date.UTC(2009, 2, 29, 3, 0, 0));
    expect(paris.localMs('2009-10-25T00:59:59Z')).toBe(Date.UTC(2009, 9, 25, 2, 59, 59));
    expect(paris.localMs('2009-10-25T01:00:00Z')).toBe(Date.UTC(2009, 9, 25, 2, 0, 0));
    expect(paris.localMs('not a date')).toBeNull();
  });

  it('agrees with Intl for thousands of instants in zones with odd offsets and changes', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']) {
      const clock = new WallClock(zone);
      for (let i = 0; i < 1500; i += 1) {
        const utc = Date.UTC(2000, 0, 1) + Math.floor(random() * 30 * 365) * 86_400_000 + Math.floor(random() * 86_400) * 1000;
        expect(clock.localMsOf(utc), `${zone} ${new Date(utc).toISOString()}`).toBe(intlLocalMs(utc, zone));
      }
    }
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(new WallClock('Mars/Olympus').localMs('2009-05-06T07:02:11Z')).toBe(Date.UTC(2009, 4, 6, 7, 2, 11));
  });

  it('splits local time into an Excel day and a time of day', () => {
    const local = Date.UTC(2009, 4, 6, 9, 2, 11);
    expect(excelDay(local)).toEqual(new Date(Date.UTC(2009, 4, 6)));
    expect(excelTimeOfDay(local) * 86_400).toBeCloseTo(9 * 3600 + 2 * 60 + 11, 6);
  });
});

describe('formats and names', () => {
  it('formats money in the account currency for each language', () => {
    expect(moneyFormat('EUR', 'fr')).toBe('#,##0.00 "€"');
    expect(moneyFormat('EUR', 'en-US')).toBe('"€"#,##0.00');
    expect(moneyFormat('USD', 'fr')).toBe('#,##0.00 "USD"');
    expect(moneyFormat('gbp', 'en-US')).toBe('#,##0.00 "GBP"');
  });

  it('formats dates per language and style', () => {
    expect(dateFormat({ language: 'fr', dateStyle: 'locale' })).toBe('dd/mm/yyyy');
    expect(dateFormat({ language: 'en-US', dateStyle: 'locale' })).toBe('m/d/yyyy');
    expect(dateFormat({ language: 'fr', dateStyle: 'iso' })).toBe('yyyy-mm-dd');
  });

  it('names sheets and columns as Excel wants them', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(sheetName('Codes: a/b [x]?')).toBe('Codes- a-b -x--');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('suggests a file name per view, safe on every file system', () => {
    const profileId = 'profile-1';
    expect(defaultExportFileName({ kind: 'summary', profileId, period: '2009-05', display: 'active', filter: '', sort: null }, ACCOUNT, 'en-GB')).toBe('OAI_602127_2009-05_summary.xlsx');
    expect(defaultExportFileName({ kind: 'billingCodes', profileId, period: '2009-05' }, ACCOUNT, 'en-GB')).toBe('OAI_602127_2009-05_billing-codes.xlsx');
    expect(defaultExportFileName({ kind: 'room', profileId, period: '2009-05', roomNumber: '332703', sort: null }, ACCOUNT, 'en-GB')).toBe('OAI_602127_2009-05_room-332703.xlsx');
    expect(defaultExportFileName({ kind: 'conference', profileId, period: '2009-05', conferenceId: 'c-200905-000008' }, ACCOUNT, 'en-GB')).toBe(
      'OAI_602127_2009-05_conference-c-200905-000008.xlsx',
    );
    expect(defaultExportFileName({ kind: 'conference', profileId, period: '2009-05', conferenceId: '../a b/c:d' }, ACCOUNT, 'en-GB')).toBe('OAI_602127_2009-05_conference-_a_b_c_d.xlsx');
  });
});
