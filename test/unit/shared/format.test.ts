import { describe, expect, it } from 'vitest';
import {
  formatCalendarDay,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatMonth,
  formatRoomNumber,
  formatTime,
  timeZoneOffset,
  timeZoneOffsetLabel,
} from '../../../src/shared/format';

// Intl separates French groups and the euro sign with no-break spaces; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const fr = { language: 'fr', dateStyle: 'locale' } as const;
const en = { language: 'en-US', dateStyle: 'locale' } as const;
const frIso = { language: 'fr', dateStyle: 'iso' } as const;
const enIso = { language: 'en-US', dateStyle: 'iso' } as const;

describe('money', () => {
  it('writes integer cents the way each language writes euros', () => {
    expect(plain(formatMoney(11659, 'EUR', 'fr'))).toBe('116,59 €');
    expect(formatMoney(11659, 'EUR', 'en-US')).toBe('€116.59');
    expect(plain(formatMoney(13207, 'EUR', 'fr'))).toBe('132,07 €');
    expect(plain(formatMoney(9, 'EUR', 'fr'))).toBe('0,09 €');
    expect(plain(formatMoney(123456789, 'EUR', 'fr'))).toBe('1 234 567,89 €');
    expect(formatMoney(123456789, 'EUR', 'en-US')).toBe('€1,234,567.89');
    expect(formatMoney(0, 'EUR', 'en-US')).toBe('€0.00');
  });

  it('follows the account currency and survives an unknown code', () => {
    expect(formatMoney(2550, 'USD', 'en-US')).toBe('$25.50');
    expect(plain(formatMoney(2550, 'GBP', 'fr'))).toBe('25,50 £GB');
    expect(plain(formatMoney(2550, 'NOT-A-CODE', 'fr'))).toBe('25,50 NOT-A-CODE');
  });
});

describe('counts', () => {
  it('groups digits per language', () => {
    expect(plain(formatCount(12345, 'fr'))).toBe('12 345');
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(19, 'en-US')).toBe('19');
  });
});

describe('durations', () => {
  it('are hh:mm:ss with hours past 24', () => {
    expect(formatDuration(60)).toBe('00:01:00');
    expect(formatDuration(85_816)).toBe('23:50:16');
    expect(formatDuration(10_732)).toBe('02:58:52');
    expect(formatDuration(123 * 3600 + 4 * 60 + 5)).toBe('123:04:05');
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(-61)).toBe('-00:01:01');
  });
});

describe('room numbers', () => {
  it('group as OAI shows them: two digits, then threes, remainder last', () => {
    expect(formatRoomNumber('332703')).toBe('33 270 3');
    expect(formatRoomNumber('320026')).toBe('32 002 6');
    expect(formatRoomNumber('335848')).toBe('33 584 8');
    expect(formatRoomNumber('12345678')).toBe('12 345 678');
    expect(formatRoomNumber('123456789')).toBe('12 345 678 9');
    expect(formatRoomNumber('1234')).toBe('12 34');
    expect(formatRoomNumber('123')).toBe('123');
  });
});

describe('dates and times', () => {
  // 07:02:11 UTC is 09:02:11 in Paris (summer time) and 03:02 the same day in New York.
  const start = '2009-05-06T07:02:11Z';

  it('show the calendar date in the account time zone, per language or ISO', () => {
    expect(formatDate(start, 'Europe/Paris', fr)).toBe('06/05/2009');
    expect(formatDate(start, 'Europe/Paris', en)).toBe('5/6/2009');
    expect(formatDate(start, 'Europe/Paris', frIso)).toBe('2009-05-06');
    expect(formatDate(start, 'Europe/Paris', enIso)).toBe('2009-05-06');
    // Late evening UTC is already the next day in Paris.
    expect(formatDate('2009-05-06T22:30:00Z', 'Europe/Paris', fr)).toBe('07/05/2009');
    expect(formatDate('2009-05-06T22:30:00Z', 'America/New_York', enIso)).toBe('2009-05-06');
  });

  it('show the wall-clock time in the account time zone', () => {
    expect(formatTime(start, 'Europe/Paris', fr)).toBe('09:02');
    expect(plain(formatTime(start, 'Europe/Paris', en))).toBe('9:02 AM');
    expect(formatTime(start, 'Europe/Paris', enIso)).toBe('09:02');
    expect(formatTime(start, 'Europe/Paris', frIso, true)).toBe('09:02:11');
    expect(formatTime(start, 'Europe/Paris', fr, true)).toBe('09:02:11');
    expect(formatTime('2009-05-06T13:30:00Z', 'Europe/Paris', enIso)).toBe('15:30');
    expect(formatDateTime(start, frIso, 'Europe/Paris')).toBe('2009-05-06 09:02');
  });

  it('leave text that is not an instant as it is', () => {
    expect(formatDate('not a date', 'Europe/Paris', fr)).toBe('not a date');
  });

  it('write a period start the OAI way and months by name', () => {
    expect(formatCalendarDay('2009-05-01', fr)).toBe('1/05/2009');
    expect(formatCalendarDay('2009-05-01', en)).toBe('5/1/2009');
    expect(formatCalendarDay('2009-05-01', frIso)).toBe('2009-05-01');
    expect(formatMonth('2009-05', 'en-US')).toBe('May 2009');
    expect(formatMonth('2009-05', 'fr')).toBe('Mai 2009');
    expect(formatMonth('2009-02', 'fr')).toBe('Février 2009');
  });
});

describe('time zone labels', () => {
  it('give the offset of the account time zone at the time', () => {
    expect(timeZoneOffset('Europe/Paris', '2009-05-06T07:02:11Z')).toBe('GMT+2');
    expect(timeZoneOffset('Europe/Paris', '2009-01-06T07:02:11Z')).toBe('GMT+1');
    expect(timeZoneOffset('Asia/Kolkata', '2009-05-06T07:02:11Z')).toBe('GMT+5:30');
    expect(timeZoneOffset('America/New_York', '2009-05-06T07:02:11Z')).toBe('GMT-4');
    expect(timeZoneOffset('UTC', '2009-05-06T07:02:11Z')).toBe('GMT');
    expect(timeZoneOffset('Not/AZone', '2009-05-06T07:02:11Z')).toBe('GMT');
  });

  it('name both offsets when a month straddles a daylight-saving change', () => {
    expect(timeZoneOffsetLabel('Europe/Paris', ['2009-05-06T07:00:00Z', '2009-05-19T07:00:00Z'], '2009-05-01T00:00:00Z')).toBe('GMT+2');
    expect(timeZoneOffsetLabel('Europe/Paris', ['2009-03-20T07:00:00Z', '2009-03-30T07:00:00Z'], '2009-03-01T00:00:00Z')).toBe('GMT+1/+2');
    expect(timeZoneOffsetLabel('Europe/Paris', [], '2009-01-01T00:00:00Z')).toBe('GMT+1');
  });
});
