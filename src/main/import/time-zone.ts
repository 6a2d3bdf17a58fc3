// Local wall-clock time of the account's time zone to a UTC instant, as OAI
// downloads give START TIME: a time in the spring-forward gap does not exist
// (refused), a time repeated at the autumn change is taken at its first
// occurrence (summer time). The inverse of the exports' WallClock, whose
// offsets (memoized per day) it reuses.
import { usableTimeZone } from '../../shared/format';
import { WallClock } from '../export/excel-values';
import type { CalendarDay } from './cells';

const HOUR_MS = 3_600_000;

export type LocalToUtc = (day: CalendarDay, secondsOfDay: number) => string | null;

/** A converter for one time zone (IANA name). */
export function localToUtc(timeZone: string): LocalToUtc {
  const clock = new WallClock(timeZone);
  /** local - UTC, in ms, at a UTC instant. */
  const offsetAt = (utcMs: number) => clock.localMsOf(utcMs) - utcMs;
  // The offsets around a day's wall times, per day: a file has thousands of rows a day.
  const offsetsOfDay = new Map<number, number[]>();
  const offsetsAround = (midnight: number) => {
    let offsets = offsetsOfDay.get(midnight);
    if (offsets === undefined) {
      // Every offset in force from 14 h before the day to 14 h after it (the widest offsets there are).
      offsets = [...new Set([-14, 0, 6, 12, 18, 24, 38].map((hours) => offsetAt(midnight + hours * HOUR_MS)))];
      offsetsOfDay.set(midnight, offsets);
    }
    return offsets;
  };
  return (day, secondsOfDay) => {
    const midnight = Date.UTC(day.year, day.month - 1, day.day);
    const wall = midnight + secondsOfDay * 1000;
    // The offsets around that wall time: one of them (or two, at the autumn repeat) maps back to it.
    const candidates = offsetsAround(midnight);
    let earliest = Infinity;
    for (const offset of candidates) {
      const utc = wall - offset;
      if (utc < earliest && utc + offsetAt(utc) === wall) earliest = utc;
    }
    if (earliest === Infinity) return null;
    // Whole seconds: the ISO form without its milliseconds.
    return `${new Date(earliest).toISOString().slice(0, 19)}Z`;
  };
}

/** Whether Intl knows the zone (an unknown one would be read as UTC: refused instead). */
export function isKnownTimeZone(timeZone: string): boolean {
  return usableTimeZone(timeZone).unknownZone === null;
}
