// Calendar helpers for the demo provider: billing periods (calendar months),
// Europe/Paris business hours converted to UTC, and instant formatting.

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Parses a real calendar date 'YYYY-MM-DD'; null if malformed or impossible. */
export function parseDay(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodKeyOf(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function parsePeriodKey(key: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

/** The current month of `now` and the three before it, newest first. */
export function servedPeriodKeys(now: CalendarDay): string[] {
  const keys: string[] = [];
  for (let back = 0; back < 4; back++) {
    const monthIndex = now.year * 12 + (now.month - 1) - back;
    keys.push(periodKeyOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1));
  }
  return keys;
}

export function epochSecondsOfDay(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day) / 1000;
}

function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
}

function lastSundayOf(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - dayOfWeek(year, month, last);
}

/**
 * EU summer time (since 1996): from the last Sunday of March to the last
 * Sunday of October. The switch happens at 01:00 UTC, so for any local time
 * after 03:00 the whole calendar day has one offset — enough for business hours.
 */
export function isParisSummerTime(year: number, month: number, day: number): boolean {
  const monthDay = month * 100 + day;
  const [summerStart, summerEnd] = summerTimeBounds(year);
  return monthDay >= summerStart && monthDay < summerEnd;
}

const summerTimeBoundsByYear = new Map<number, readonly [number, number]>();

/** [start, end) of summer time as month * 100 + day; memoized, it runs once per conference start. */
function summerTimeBounds(year: number): readonly [number, number] {
  let bounds = summerTimeBoundsByYear.get(year);
  if (!bounds) {
    bounds = [300 + lastSundayOf(year, 3), 1000 + lastSundayOf(year, 10)];
    summerTimeBoundsByYear.set(year, bounds);
  }
  return bounds;
}

/** UTC epoch seconds of a Paris local wall-clock time (valid after 03:00 local). */
export function parisLocalToEpochSeconds(year: number, month: number, day: number, secondsOfDay: number): number {
  const offsetSeconds = isParisSummerTime(year, month, day) ? 7200 : 3600;
  return Date.UTC(year, month - 1, day) / 1000 + secondsOfDay - offsetSeconds;
}

/** Monday–Friday day numbers of a month. */
export function weekdaysOf(year: number, month: number): number[] {
  const days: number[] = [];
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const weekday = dayOfWeek(year, month, day);
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/** RFC 3339 UTC instant without fractional seconds: '2009-05-06T07:02:11Z'. */
export function isoInstant(epochSeconds: number): string {
  const day = Math.floor(epochSeconds / 86400);
  if (day !== lastDay) {
    lastDay = day;
    lastDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const secondsOfDay = epochSeconds - day * 86400;
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  return lastDayPrefix + TWO_DIGITS[hours] + ':' + TWO_DIGITS[minutes] + ':' + TWO_DIGITS[secondsOfDay % 60] + 'Z';
}

// isoInstant runs ~15 times per conference served: avoid a Date per call.
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
let lastDay = Number.NaN;
let lastDayPrefix = '';
