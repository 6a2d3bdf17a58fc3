// START TIME in a month that crosses a daylight-saving change: the cell keeps
// its time value (spreadsheets and the importer read it) and its format names
// the row's UTC offset, `09:30:00 (GMT+1)`, as the screen and print name it in
// such a month. Excel streams its rows, so the rule is the row's month (its
// offset differs between its first and last day), not the whole list's.
import { timeZoneOffset, usableTimeZone } from '../../shared/format';
import { TIME_FORMAT } from './excel-values';
import type { CellInput } from './sheet-table';

const monthCrossesChange = new Map<string, boolean>();

/** Whether the offset of `timeZone` differs between the first and the last day of the month of `isoInstant`. */
function crossesChange(timeZone: string, isoInstant: string): boolean {
  const month = isoInstant.slice(0, 7);
  const key = `${timeZone}|${month}`;
  let crosses = monthCrossesChange.get(key);
  if (crosses === undefined) {
    const [year, monthIndex] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, monthIndex, 0, 12)).toISOString();
    crosses = timeZoneOffset(timeZone, `${month}-01T12:00:00Z`) !== timeZoneOffset(timeZone, last);
    monthCrossesChange.set(key, crosses);
  }
  return crosses;
}

/** A START TIME cell: the local time, with its offset in the format in a month that crosses a change. */
export function startTimeCell(localMs: number | null, isoInstant: string, timeZone: string | undefined): CellInput {
  if (localMs === null || timeZone === undefined || usableTimeZone(timeZone).unknownZone !== null) return localMs;
  if (!crossesChange(timeZone, isoInstant)) return localMs;
  return { value: localMs, numFmt: `${TIME_FORMAT} "(${timeZoneOffset(timeZone, isoInstant)})"` };
}
