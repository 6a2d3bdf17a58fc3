// One cell of an OAI download read as a date, a time of day, a duration, an
// amount, a count or a room number, whether Excel typed it (a serial number,
// a fraction of a day, a number with a currency format) or it is text
// (`06/05/2009`, `09:15`, `23:50:16`, `1 234,56 €`, `116.59`, `33 270 3`).
// Every reader answers a value or the reason it is unreadable.

/** A cell as the row readers hand it over: typed values become numbers (Excel serials for dates and times). */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'formula-without-result' }
  | { kind: 'error'; text: string };

export const EMPTY: Cell = { kind: 'empty' };

/** Why a cell is unreadable (the renderer words it in the user's language; `message` is English for the CLI). */
export type CellProblem =
  | 'missing_cell'
  | 'formula_without_result'
  | 'error_value'
  | 'bad_date'
  | 'bad_time'
  | 'bad_duration'
  | 'negative_duration'
  | 'bad_amount'
  | 'bad_count'
  | 'bad_room';

export type Read<T> = { ok: true; value: T } | { ok: false; code: CellProblem; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(code: CellProblem, message: string): Read<T> => ({ ok: false, code, message });

const SECONDS_PER_DAY = 86_400;
/** Excel's day 0 (the 1900 date system, as exceljs counts it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function isEmpty(cell: Cell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/** The cell as text (numbers as JavaScript writes them), trimmed; '' when empty. */
export function cellText(cell: Cell): string {
  if (cell.kind === 'text') return cell.text.trim();
  if (cell.kind === 'number') return String(cell.value);
  return '';
}

/** A JavaScript Date as exceljs gives typed dates, back to Excel's serial number. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / (SECONDS_PER_DAY * 1000);
}

function typedProblem<T>(cell: Cell): Read<T> | null {
  if (cell.kind === 'formula-without-result') return fail('formula_without_result', 'a formula without a saved result (open the file in Excel and save it again)');
  if (cell.kind === 'error') return fail('error_value', `an error value (${cell.text})`);
  if (isEmpty(cell)) return fail('missing_cell', 'empty (required)');
  return null;
}

// ---- dates ---------------------------------------------------------------

function validDay(year: number, month: number, day: number): CalendarDay | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : null;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A calendar day: a serial (its whole days) or day-first text (`06/05/2009` is 6 May), or ISO `2009-05-06`. */
export function readDate(cell: Cell): Read<CalendarDay> {
  const problem = typedProblem<CalendarDay>(cell);
  if (problem) return problem;
  if (cell.kind === 'number') {
    const seconds = Math.round(cell.value * SECONDS_PER_DAY);
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY * 1000);
    const day = cell.value >= 1 ? validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) : null;
    return day ? ok(day) : fail('bad_date', `not a date (${cell.value})`);
  }
  const text = cellText(cell);
  const dayFirst = DAY_FIRST.exec(text);
  const iso = dayFirst ? null : ISO_DAY.exec(text);
  const day = dayFirst
    ? validDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
    : iso
      ? validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : null;
  return day ? ok(day) : fail('bad_date', `not a date: "${text}" (day/month/year expected)`);
}

// ---- times of day and durations -----------------------------------------

const CLOCK = /^(-)?(\d{1,6}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;

function clockSeconds(text: string): { negative: boolean; seconds: number } | null {
  const match = CLOCK.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  const minutes = Number(match[3]);
  const seconds = match[4] === undefined ? 0 : Number(match[4]);
  if (minutes > 59 || seconds > 59) return null;
  return { negative: match[1] === '-', seconds: Number(match[2]) * 3600 + minutes * 60 + seconds };
}

/** Seconds since midnight: the fraction of a day of a serial (its date part ignored) or `09:15` / `09:15:00`. */
export function readTimeOfDay(cell: Cell): Read<number> {
  const problem = typedProblem<number>(cell);
  if (problem) return problem;
  if (cell.kind === 'number') {
    if (cell.value < 0) return fail('bad_time', `not a time of day (${cell.value})`);
    return ok(Math.round(cell.value * SECONDS_PER_DAY) % SECONDS_PER_DAY);
  }
  const text = cellText(cell);
  const clock = clockSeconds(text);
  if (!clock || clock.negative || clock.seconds >= SECONDS_PER_DAY) return fail('bad_time', `not a time of day: "${text}" (hh:mm or hh:mm:ss expected)`);
  return ok(clock.seconds);
}

/** Whole seconds of a duration: a number of days (Excel's duration) or `hh:mm:ss` (hours may pass 24). Never negative. */
export function readDuration(cell: Cell): Read<number> {
  const problem = typedProblem<number>(cell);
  if (problem) return problem;
  if (cell.kind === 'number') {
    return cell.value < 0 ? fail('negative_duration', `a negative duration (${cell.value})`) : ok(Math.round(cell.value * SECONDS_PER_DAY));
  }
  const text = cellText(cell);
  const clock = clockSeconds(text);
  if (!clock) return fail('bad_duration', `not a duration: "${text}" (hh:mm:ss expected)`);
  if (clock.negative && clock.seconds > 0) return fail('negative_duration', `a negative duration: "${text}"`);
  return ok(clock.seconds);
}

// ---- amounts -------------------------------------------------------------

const CURRENCY = /(€|\$|£|CHF|EUR|USD|GBP)/giu;
/** Spaces of every kind and apostrophes: thousands separators in Europe. */
const GROUPING = /[\s\u00a0\u202f'’]/gu;

/** Integer cents of an amount: a typed number, or text with a decimal comma or point, grouped thousands, a currency sign. */
export function readMoney(cell: Cell): Read<number> {
  const problem = typedProblem<number>(cell);
  if (problem) return problem;
  if (cell.kind === 'number') return Number.isFinite(cell.value) ? ok(toCents(cell.value)) : fail('bad_amount', `not an amount (${cell.value})`);
  const text = cellText(cell);
  const amount = parseAmount(text.replace(CURRENCY, '').replace(GROUPING, ''));
  return amount === null ? fail('bad_amount', `not an amount: "${text}"`) : ok(toCents(amount));
}

function toCents(amount: number): number {
  // 116.59 * 100 is 11658.999…: round the product, not the amount. Most
  // products are that close to a whole number of cents; the others (1.005 *
  // 100 is 100.49999…) are rounded at 6 decimals first.
  const product = amount * 100;
  const cents = Math.round(product);
  return Math.abs(product - cents) < 1e-6 ? cents : Math.round(Number(product.toFixed(6)));
}

function parseAmount(raw: string): number | null {
  const negative = /^-|^\(.*\)$|-$/.test(raw);
  const body = raw.replace(/^[-(]|[)-]$/g, '');
  if (!/^\d[\d.,]*$/.test(body)) return null;
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastPoint);
  let whole = body;
  let fraction = '';
  if (decimalAt >= 0) {
    const separator = body[decimalAt]!;
    const after = body.slice(decimalAt + 1);
    const onlyOne = body.indexOf(separator) === decimalAt && (separator === ',' ? lastPoint : lastComma) < 0;
    // `1,234` or `1.234` alone is a thousands grouping; a money amount has at most 2 decimals.
    const grouping = onlyOne && after.length === 3;
    if (!grouping) {
      whole = body.slice(0, decimalAt);
      fraction = after;
    }
  }
  const digits = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits) || !/^\d*$/.test(fraction)) return null;
  const value = Number(`${digits}.${fraction || '0'}`);
  return negative ? -value : value;
}

// ---- counts, rooms, codes ------------------------------------------------

/** A whole number of participants (0 when the cell is empty: the column is optional). */
export function readCount(cell: Cell): Read<number> {
  if (isEmpty(cell)) return ok(0);
  const problem = typedProblem<number>(cell);
  if (problem) return problem;
  const value = cell.kind === 'number' ? cell.value : Number(cellText(cell).replace(GROUPING, ''));
  const text = cellText(cell);
  return Number.isInteger(value) && value >= 0 && text !== '' ? ok(value) : fail('bad_count', `not a number of participants: "${text}"`);
}

/** Digits, the spaces some files put in (`33 270 3`) removed. */
export function readRoomNumber(cell: Cell): Read<string> {
  const problem = typedProblem<string>(cell);
  if (problem) return problem;
  const text = cell.kind === 'number' && Number.isInteger(cell.value) ? String(cell.value) : cellText(cell).replace(GROUPING, '');
  return /^\d{1,20}$/.test(text) ? ok(text) : fail('bad_room', `not a room number: "${cellText(cell)}"`);
}

const NO_CODE = new Set(['unallocated', 'non attribue', 'non attribuee']);

/** A billing code, or null for none (an empty cell, *Unallocated*, *Non attribué*). */
export function readBillingCode(cell: Cell): string | null {
  const text = cellText(cell);
  // Most codes are neither (the words below are 11 to 14 letters, accents decomposed).
  if (text.length > 16 || !/^[un]/i.test(text)) return text === '' ? null : text;
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
  return text === '' || NO_CODE.has(plain) ? null : text;
}

/** Optional text (a cardholder): null when empty. */
export function readText(cell: Cell): string | null {
  const text = cellText(cell);
  return text === '' ? null : text;
}
