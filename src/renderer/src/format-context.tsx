// The formatting functions bound to the user's language and date style, for views.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
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
  type FormatOptions,
} from './format';

export interface Formatter {
  options: FormatOptions;
  money: (cents: number, currency: string) => string;
  count: (value: number) => string;
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
    duration: formatDuration,
    room: formatRoomNumber,
    date: (instant, timeZone) => formatDate(instant, timeZone, options),
    time: (instant, timeZone, withSeconds) => formatTime(instant, timeZone, options, withSeconds),
    localDateTime: (instant) => formatDateTime(instant, options),
    day: (ymd) => formatCalendarDay(ymd, options),
    month: (period) => formatMonth(period, options.language),
  };
}

const FormatContext = createContext<Formatter>(createFormatter({ language: 'en', dateStyle: 'locale' }));

export function FormatProvider({ options, children }: { options: FormatOptions; children: ReactNode }) {
  const { language, dateStyle } = options;
  const formatter = useMemo(() => createFormatter({ language, dateStyle }), [language, dateStyle]);
  return <FormatContext.Provider value={formatter}>{children}</FormatContext.Provider>;
}

export function useFormat(): Formatter {
  return useContext(FormatContext);
}
