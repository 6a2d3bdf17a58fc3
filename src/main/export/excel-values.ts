// Conversions from the cache's units (UTC instants, seconds, cents) to Excel's
// (serial days in wall-clock time, fractions of a day, currency amounts) and
// the number formats that display them. Nothing here depends on the
// computer's time zone unless asked for it explicitly.
import { usableTimeZone, type FormatOptions } from '../../shared/format';
import type { Language } from '../../shared/i18n';

const MS_PER_DAY = 86_400_000;
/** Offsets change on whole quarter hours of UTC at the finest. */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Wall-clock time of UTC instants in one time zone, as "local milliseconds":
 * the epoch milliseconds of the same wall-clock fields read as UTC. Excel
 * serial values built from these show the local date and time on any
 * computer. Offsets come from Intl, cached per UTC day (per quarter hour on
 * the days the offset changes).
 */
export class WallClock {
  private readonly parts: Intl.DateTimeFormat;
  /** Offset of each UTC day with one offset all day; null for days with a change. */
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly quarterOffsets = new Map<number, number>();

  /** `timeZone` undefined = this computer's time zone. An unknown zone is shown in UTC (usableTimeZone). */
  constructor(timeZone: string | undefined) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      timeZone: usableTimeZone(timeZone).timeZone,
    });
  }

  /** Local milliseconds of an ISO instant, or null when it is not a valid instant. */
  localMs(isoInstant: string): number | null {
    const utc = Date.parse(isoInstant);
    return Number.isNaN(utc) ? null : this.localMsOf(utc);
  }

  localMsOf(utcMs: number): number {
    const day = Math.floor(utcMs / MS_PER_DAY);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const start = day * MS_PER_DAY;
      const first = this.offsetAt(start);
      offset = first === this.offsetAt(start + MS_PER_DAY - 1000) ? first : null;
      this.dayOffsets.set(day, offset);
    }
    return utcMs + (offset ?? this.quarterOffset(utcMs));
  }

  private quarterOffset(utcMs: number): number {
    const quarter = Math.floor(utcMs / QUARTER_HOUR_MS);
    let offset = this.quarterOffsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER_HOUR_MS;
      const first = this.offsetAt(start);
      // A change inside the quarter hour (never seen in practice): this instant exactly.
      if (first !== this.offsetAt(start + QUARTER_HOUR_MS - 1000)) return this.offsetAt(utcMs);
      offset = first;
      this.quarterOffsets.set(quarter, offset);
    }
    return offset;
  }

  private offsetAt(utcMs: number): number {
    const whole = Math.floor(utcMs / 1000) * 1000;
    const fields: Record<string, number> = {};
    for (const part of this.parts.formatToParts(new Date(whole))) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const local = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
    return local - whole;
  }
}

/** The calendar day of local milliseconds, as a Date exceljs writes as that day's serial. */
export function excelDay(localMs: number): Date {
  return new Date(Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY);
}

/** The time of day of local milliseconds, as a fraction of a day (Excel's time value). */
export function excelTimeOfDay(localMs: number): number {
  const ms = localMs - Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY;
  return ms / MS_PER_DAY;
}

/** Date and time of local milliseconds, as a Date exceljs writes as that serial. */
export function excelDateTime(localMs: number): Date {
  return new Date(localMs);
}

/** Seconds as Excel's duration value: a number of days. */
export function excelDuration(seconds: number): number {
  return seconds / 86_400;
}

/** Integer cents as a currency amount. */
export function excelMoney(cents: number): number {
  return cents / 100;
}

/** A YYYY-MM-DD calendar day as a Date exceljs writes as that day's serial. */
export function excelCalendarDay(ymd: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

// ---------------------------------------------------------------- text

/**
 * What XML 1.0, and so an .xlsx file, cannot hold: C0 controls other than
 * tab, newline and carriage return; U+FFFE and U+FFFF; unpaired surrogates
 * (with the u flag, a range of surrogates matches only unpaired ones). One
 * of them anywhere makes the whole file unreadable.
 */
// eslint-disable-next-line no-control-regex -- these controls are what it removes
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text as a workbook can hold it: provider text without the characters XML forbids, the rest kept. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

// ---------------------------------------------------------------- number formats

export const TIME_FORMAT = 'hh:mm:ss';
/**
 * Hours keep counting past 24, as OAI shows accumulated time. A custom code,
 * not `[h]:mm:ss`: exceljs writes that one as Excel's built-in format 46
 * with no code, which LibreOffice shows as a time of day (23:50:16 → 11:50:16 PM).
 */
export const DURATION_FORMAT = '[hh]:mm:ss';
export const COUNT_FORMAT = '#,##0';
/** A share (a fraction: 0.253 shows 25.3 %). */
export const PERCENT_FORMAT = '0.0%';

export function dateFormat(p: FormatOptions): string {
  if (p.dateStyle === 'iso') return 'yyyy-mm-dd';
  return p.language === 'en-US' ? 'm/d/yyyy' : 'dd/mm/yyyy';
}

export function dateTimeFormat(p: FormatOptions): string {
  if (p.dateStyle === 'iso') return 'yyyy-mm-dd hh:mm';
  return p.language === 'en-US' ? 'm/d/yyyy h:mm AM/PM' : 'dd/mm/yyyy hh:mm';
}

/**
 * The account currency as an Excel number format: EUR with the euro sign where
 * each language writes it (fr `1 234,56 €`, en `€1,234.56`), any other
 * currency with its ISO code after the amount.
 */
export function moneyFormat(currency: string, language: Language): string {
  const code = currency.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (code === 'EUR') return language === 'fr' ? '#,##0.00 "€"' : '"€"#,##0.00';
  return code === '' ? '#,##0.00' : `#,##0.00 "${code}"`;
}

// ---------------------------------------------------------------- text shown (for column widths)

/** Seconds as `h:mm:ss` with hours past 24, the width a duration cell needs. */
export function durationText(seconds: number): string {
  const whole = Math.abs(Math.trunc(seconds));
  const hours = Math.floor(whole / 3600);
  const rest = `${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  return `${seconds < 0 ? '-' : ''}${String(hours).padStart(2, '0')}:${rest}`;
}

/** Digits of a count with thousands separators. */
export function countText(value: number): string {
  return Math.trunc(value).toLocaleString('en-US');
}

/** An amount with separators and its currency sign or code. */
export function moneyText(cents: number, currency: string): string {
  const amount = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency.toUpperCase() === 'EUR' ? `${amount} €` : `${amount} ${currency}`;
}
