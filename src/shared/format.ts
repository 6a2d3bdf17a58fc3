// Every number, amount, date and time shown on screen and in print, and the
// period names of the Excel title blocks, go through here, so both languages
// and both date styles stay consistent everywhere. Pure functions over Intl;
// formatters are cached because tables call them per row.
import type { Translate } from './i18n';
import type { DateStyle } from './i18n/language';
import { LANGUAGE_LOCALES, type Language } from './i18n/locales';

export interface FormatOptions {
  language: Language;
  dateStyle: DateStyle;
}

/** The Intl locale numbers and dates of a language are written in. */
function intlLocale(language: Language): string {
  return LANGUAGE_LOCALES[language].intl;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** Integer cents of `currency` as the language writes money: fr `116,59 €`, en `€116.59`. */
export function formatMoney(cents: number, currency: string, language: Language): string {
  try {
    return numberFormat(intlLocale(language), { style: 'currency', currency }).format(cents / 100);
  } catch {
    // An unknown currency code from a provider: show the amount and the code as sent.
    return `${numberFormat(intlLocale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
  }
}

/** A count with the language's digit grouping: fr `12 345`, en `12,345`. */
export function formatCount(value: number, language: Language): string {
  return numberFormat(intlLocale(language), { maximumFractionDigits: 0 }).format(value);
}

/** Seconds as `hh:mm:ss`; hours keep counting past 24 (`123:04:05`), as OAI shows accumulated time. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const seconds = Math.abs(Math.trunc(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${sign}${pad2(hours)}:${pad2(minutes)}:${pad2(rest)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** A room number grouped the OAI way: first two digits, then threes, remainder last (`33 270 3`). */
export function formatRoomNumber(roomNumber: string): string {
  if (roomNumber.length <= 3) return roomNumber;
  const groups = [roomNumber.slice(0, 2)];
  for (let i = 2; i < roomNumber.length; i += 3) groups.push(roomNumber.slice(i, i + 3));
  return groups.join(' ');
}

/** What times are shown in, given the provider's zone: see usableTimeZone. */
export interface UsableTimeZone {
  /** The zone to format in: the given one, 'UTC' in its place, or undefined for this computer's. */
  timeZone: string | undefined;
  /** The provider's zone when this runtime does not know it (times are then in UTC), else null. */
  unknownZone: string | null;
}

const knownZones = new Map<string, boolean>();

/**
 * The one place that decides which zone times are shown in. A zone this
 * runtime's Intl does not know (`Mars/Olympus_Mons`, `GMT+25`, one newer than
 * its time zone data) would make every formatter throw a RangeError: times
 * are shown in UTC instead, and `unknownZone` names it for the note
 * ("Times in UTC: …") that every medium showing times adds.
 */
export function usableTimeZone(timeZone: string | undefined): UsableTimeZone {
  if (timeZone === undefined) return { timeZone: undefined, unknownZone: null };
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(timeZone, known);
  }
  return known ? { timeZone, unknownZone: null } : { timeZone: 'UTC', unknownZone: timeZone };
}

/** "Times in UTC: the provider's time zone "X" is not known.", or null when the zone is known. */
export function timeZoneNote(timeZone: string | undefined, t: Translate): string | null {
  const { unknownZone } = usableTimeZone(timeZone);
  return unknownZone === null ? null : t('time.unknownZone', { zone: unknownZone });
}

/** The zone Intl is given for `timeZone`. */
function intlZone(timeZone: string | undefined): string | undefined {
  return usableTimeZone(timeZone).timeZone;
}

interface CalendarParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** Wall-clock fields of an instant in a time zone (`undefined` = this computer's). */
function calendarParts(instant: Date, timeZone: string | undefined): CalendarParts {
  const parts = dateFormat('en-US', {
    timeZone: intlZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** The calendar date of an instant in `timeZone`: fr and en-GB `06/05/2009`, en-US `5/6/2009`, iso `2009-05-06`. */
export function formatDate(isoInstant: string, timeZone: string | undefined, options: FormatOptions): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  if (options.dateStyle === 'iso') {
    const p = calendarParts(instant, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  }
  const fields: Intl.DateTimeFormatOptions =
    options.language === 'fr'
      ? { timeZone: intlZone(timeZone), day: '2-digit', month: '2-digit', year: 'numeric' }
      : { timeZone: intlZone(timeZone), day: 'numeric', month: 'numeric', year: 'numeric' };
  return dateFormat(intlLocale(options.language), fields).format(instant);
}

/** The wall-clock time of an instant in `timeZone`: fr and en-GB `09:02`, en-US `9:02 AM`, iso `09:02`. */
export function formatTime(
  isoInstant: string,
  timeZone: string | undefined,
  options: FormatOptions,
  withSeconds = false,
): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return isoInstant;
  if (options.dateStyle === 'iso') {
    const p = calendarParts(instant, timeZone);
    return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  }
  const fields: Intl.DateTimeFormatOptions = {
    timeZone: intlZone(timeZone),
    hour: options.language === 'en-US' ? 'numeric' : '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  };
  return dateFormat(intlLocale(options.language), fields).format(instant);
}

/** Date and time together, e.g. for "last synced" (in this computer's time zone by default). */
export function formatDateTime(isoInstant: string, options: FormatOptions, timeZone?: string): string {
  return `${formatDate(isoInstant, timeZone, options)} ${formatTime(isoInstant, timeZone, options)}`;
}

/**
 * A calendar day `YYYY-MM-DD` (no time zone involved) the way OAI writes a
 * period's start: fr `1/05/2009`, en `5/1/2009`, iso `2009-05-01`.
 */
export function formatCalendarDay(ymd: string, options: FormatOptions): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  if (options.dateStyle === 'iso') return ymd;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const fields: Intl.DateTimeFormatOptions =
    options.language === 'fr'
      ? { timeZone: 'UTC', day: 'numeric', month: '2-digit', year: 'numeric' }
      : { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' };
  return dateFormat(intlLocale(options.language), fields).format(day);
}

/** A billing period `YYYY-MM` as a month name: en `May 2009`, fr `Mai 2009`. */
export function formatMonth(period: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const month = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const text = dateFormat(intlLocale(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(month);
  return text.charAt(0).toLocaleUpperCase(intlLocale(language)) + text.slice(1);
}

/** The UTC offset of `timeZone` at an instant, as OAI labels its Time column: `GMT+2`, `GMT+5:30`, `GMT`. */
export function timeZoneOffset(timeZone: string, isoInstant: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return 'GMT';
  const parts = dateFormat('en-US', { timeZone: intlZone(timeZone), timeZoneName: 'shortOffset' }).formatToParts(instant);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT+0' || name === 'UTC' ? 'GMT' : name;
}

/**
 * The offset label for a list of instants shown in `timeZone`: one offset
 * (`GMT+2`), or both when the list straddles a daylight-saving change
 * (`GMT+1/+2`). With no instants, the offset at `fallbackInstant`.
 */
export function timeZoneOffsetLabel(timeZone: string, instants: readonly string[], fallbackInstant: string): string {
  const offsets: string[] = [];
  for (const instant of instants.length > 0 ? instants : [fallbackInstant]) {
    const offset = timeZoneOffset(timeZone, instant);
    if (!offsets.includes(offset)) offsets.push(offset);
  }
  return offsets.map((offset, index) => (index === 0 ? offset : offset.replace(/^GMT/, ''))).join('/');
}

/** Whether an offset label of timeZoneOffsetLabel names more than one offset (`GMT+1/+2`). */
export function namesSeveralOffsets(label: string | null | undefined): boolean {
  return label?.includes('/') ?? false;
}

/** The formatting functions bound to one language and date style. */
export interface Formatter {
  options: FormatOptions;
  money: (cents: number, currency: string) => string;
  count: (value: number) => string;
  /** A share: 0.253 → 25.3 %. */
  percent: (fraction: number) => string;
  duration: (seconds: number) => string;
  room: (roomNumber: string) => string;
  date: (isoInstant: string, timeZone: string | undefined) => string;
  time: (isoInstant: string, timeZone: string | undefined, withSeconds?: boolean) => string;
  /** An instant in this computer's time zone (e.g. when the last sync ran). */
  localDateTime: (isoInstant: string) => string;
  day: (ymd: string) => string;
  month: (period: string) => string;
}

export function createFormatter(options: FormatOptions): Formatter {
  return {
    options,
    money: (cents, currency) => formatMoney(cents, currency, options.language),
    count: (value) => formatCount(value, options.language),
    percent: (fraction) => new Intl.NumberFormat(options.language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction),
    duration: formatDuration,
    room: formatRoomNumber,
    date: (instant, timeZone) => formatDate(instant, timeZone, options),
    time: (instant, timeZone, withSeconds) => formatTime(instant, timeZone, options, withSeconds),
    localDateTime: (instant) => formatDateTime(instant, options),
    day: (ymd) => formatCalendarDay(ymd, options),
    month: (period) => formatMonth(period, options.language),
  };
}
