import { describe, expect, it } from 'vitest';
import { readBillingCode, readDate, readDuration, readMoney, readRoomNumber, readTimeOfDay, type Cell } from '../../../src/main/import/cells';

const text = (t: string): Cell => ({ kind: 'text', text: t });
const num = (value: number): Cell => ({ kind: 'number', value });
const value = <T>(read: { ok: true; value: T } | { ok: false }) => (read.ok ? read.value : 'refused');

describe('cells, typed and text', () => {
  it('amounts', () => {
    expect(['116,59 €', '1 234,56 €', '1\u202f234,56 €', '116.59', '1,234.56', '1.234,56', '1,234', '12', '0,5'].map((t) => value(readMoney(text(t))))).toEqual([
      11_659, 123_456, 123_456, 11_659, 123_456, 123_456, 123_400, 1200, 50,
    ]);
    expect(value(readMoney(num(116.59)))).toBe(11_659);
    expect(value(readMoney(text('douze')))).toBe('refused');
  });

  it('dates are day-first, serials are days', () => {
    expect(value(readDate(text('06/05/2009')))).toEqual({ year: 2009, month: 5, day: 6 });
    expect(value(readDate(num(39_939)))).toEqual({ year: 2009, month: 5, day: 6 });
    expect(value(readDate(text('31/04/2009')))).toBe('refused');
  });

  it('times and durations', () => {
    expect(value(readTimeOfDay(text('09:15')))).toBe(33_300);
    expect(value(readTimeOfDay(text('09:15:00')))).toBe(33_300);
    expect(value(readTimeOfDay(num(39_939 + 33_300 / 86_400)))).toBe(33_300);
    expect(value(readDuration(text('23:50:16')))).toBe(85_816);
    expect(value(readDuration(text('30:00:01')))).toBe(108_001);
    expect(readDuration(text('-00:01:00'))).toMatchObject({ ok: false, code: 'negative_duration' });
  });

  it('rooms and codes', () => {
    expect(value(readRoomNumber(text('33 270 3')))).toBe('332703');
    expect(value(readRoomNumber(num(332_703)))).toBe('332703');
    expect([readBillingCode(text('Unallocated')), readBillingCode(text('Non attribué')), readBillingCode(text('')), readBillingCode(text(' RH '))]).toEqual([null, null, null, 'RH']);
  });
});
