// Local wall-clock time of the account's time zone to a UTC instant, as OAI
// downloads give START TIME: a time in the spring-forward gap does not exist
// (refused), a time repeated at the autumn change is taken at its first
// occurrence (summer time).
import type { CalendarDay } from './cells';

const HOUR_MS = 3_600_000;

export type LocalToUtc = (day: CalendarDay, secondsOfDay: number) => string | null;

/** A converter for one time zone (IANA name), its offsets memoized per hour. */
export function localToUtc(timeZone: string): LocalToUtc {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  /** local - UTC, in ms, at a UTC instant (offsets change on whole hours or half hours: memoized per hour). */
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetOf(parts, utcMs);
      // Some zones change on the half hour: keep the hour only when it has one offset.
      if (offset === offsetOf(parts, hour * HOUR_MS) && offset === offsetOf(parts, hour * HOUR_MS + HOUR_MS - 1000)) offsets.set(hour, offset);
    }
    return offset;
  };
  return (day, secondsOfDay) => {
    const wall = Date.UTC(day.year, day.month - 1, day.day) + secondsOfDay * 1000;
    // The offsets around that wall time: one of them (or two, at the autumn repeat) maps back to it.
    const candidates = [...new Set([offsetAt(wall - 14 * HOUR_MS), offsetAt(wall), offsetAt(wall + 14 * HOUR_MS)])];
    const instants = candidates.map((offset) => wall - offset).filter((utc) => utc + offsetAt(utc) === wall);
    if (instants.length === 0) return null;
    return new Date(Math.min(...instants)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
}

function offsetOf(parts: Intl.DateTimeFormat, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of parts.formatToParts(new Date(whole))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const local = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return local - whole;
}

/** Whether Intl knows the zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
