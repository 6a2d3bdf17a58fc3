import { describe, expect, it } from 'vitest';
import { localToUtc } from '../../../src/main/import/time-zone';

const paris = localToUtc('Europe/Paris');
const at = (y: number, m: number, d: number, h: number, mi: number, s = 0) => paris({ year: y, month: m, day: d }, h * 3600 + mi * 60 + s);

describe('local START TIME to UTC (Europe/Paris)', () => {
  it('winter is UTC+1, summer UTC+2', () => {
    expect(at(2009, 1, 15, 9, 15)).toBe('2009-01-15T08:15:00Z');
    expect(at(2009, 7, 15, 9, 15)).toBe('2009-07-15T07:15:00Z');
  });

  it('refuses a time in the spring-forward gap (29 March 2009, 02:00–02:59)', () => {
    expect(at(2009, 3, 29, 2, 30)).toBeNull();
    expect(at(2009, 3, 29, 1, 59, 59)).toBe('2009-03-29T00:59:59Z');
    expect(at(2009, 3, 29, 3, 0)).toBe('2009-03-29T01:00:00Z');
  });

  it('takes the first occurrence of a time repeated in autumn (25 October 2009, 02:00–02:59 twice)', () => {
    expect(at(2009, 10, 25, 2, 30)).toBe('2009-10-25T00:30:00Z');
    expect(at(2009, 10, 25, 3, 0)).toBe('2009-10-25T02:00:00Z');
  });
});
