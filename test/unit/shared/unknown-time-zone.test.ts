// A provider's account time zone this runtime does not know (a typo, a zone
// newer than the ICU data, nonsense): times are shown in UTC, with a note,
// and no formatter throws.
import { describe, expect, it } from 'vitest';
import { WallClock } from '../../../src/main/export/excel-values';
import { PARTICIPANT_COLUMNS, cellText, conferenceListOffset } from '../../../src/shared/columns';
import type { ParticipantRow } from '../../../src/shared/domain';
import {
  createFormatter,
  formatDate,
  formatDateTime,
  formatTime,
  timeZoneOffset,
  timeZoneOffsetLabel,
  usableTimeZone,
} from '../../../src/shared/format';
import { translator } from '../../../src/shared/i18n';

const UNKNOWN = ['Mars/Olympus_Mons', 'GMT+25', 'Europe/Pariss', ' ', ''];
const INSTANT = '2009-05-06T07:02:11Z';
const en = { language: 'en-US', dateStyle: 'locale' } as const;
const frIso = { language: 'fr', dateStyle: 'iso' } as const;

describe('usableTimeZone', () => {
  it('keeps a zone this runtime knows, and the computer’s own when none is given', () => {
    expect(usableTimeZone('Europe/Paris')).toEqual({ timeZone: 'Europe/Paris', unknownZone: null });
    expect(usableTimeZone('UTC')).toEqual({ timeZone: 'UTC', unknownZone: null });
    expect(usableTimeZone(undefined)).toEqual({ timeZone: undefined, unknownZone: null });
  });

  it('falls back to UTC and names the zone it does not know', () => {
    for (const zone of UNKNOWN) expect(usableTimeZone(zone)).toEqual({ timeZone: 'UTC', unknownZone: zone });
  });
});

describe('formatting in a zone this runtime does not know', () => {
  it('shows dates and times in UTC instead of throwing', () => {
    for (const zone of UNKNOWN) {
      expect(formatTime(INSTANT, zone, en)).toBe(formatTime(INSTANT, 'UTC', en));
      expect(formatTime(INSTANT, zone, frIso, true)).toBe('07:02:11');
      expect(formatDate(INSTANT, zone, frIso)).toBe('2009-05-06');
      expect(formatDate('2009-05-31T23:30:00Z', zone, en)).toBe('5/31/2009');
      expect(formatDateTime(INSTANT, en, zone)).toBe(formatDateTime(INSTANT, en, 'UTC'));
    }
  });

  it('labels the Time column GMT, as the times it shows are UTC', () => {
    expect(timeZoneOffset('Mars/Olympus_Mons', INSTANT)).toBe('GMT');
    expect(timeZoneOffsetLabel('GMT+25', [INSTANT, '2009-03-30T07:00:00Z'], '2009-03-01T12:00:00Z')).toBe('GMT');
    expect(conferenceListOffset('GMT+25', [], '2009-05-01')).toBe('GMT');
  });

  it('formats a table’s time cells (screen and print) in UTC', () => {
    const t = translator('en');
    const format = createFormatter(en);
    const leg: ParticipantRow = {
      id: 'p-1',
      name: 'Jean Dupont',
      phone: null,
      accessType: 'toll',
      joinedAt: INSTANT,
      leftAt: '2009-05-06T08:03:12Z',
      seconds: 3661,
      chargeCents: 489,
    };
    const joined = PARTICIPANT_COLUMNS.find((column) => column.id === 'joined')!;
    const context = { t, format, currency: 'EUR', timeZone: 'Mars/Olympus_Mons' };
    expect(cellText(joined, leg, context)).toBe(cellText(joined, leg, { ...context, timeZone: 'UTC' }));
  });

  it('gives Excel the UTC wall clock', () => {
    const clock = new WallClock('Mars/Olympus_Mons');
    expect(clock.localMs(INSTANT)).toBe(Date.parse(INSTANT));
    expect(new WallClock('Europe/Paris').localMs(INSTANT)).toBe(Date.parse(INSTANT) + 2 * 3600_000);
  });
});
