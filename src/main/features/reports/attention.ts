// What deserves attention in a month: lines left open (conferences or legs
// longer than a threshold), rooms well above their own recent average, and
// rooms unused for three months or more.
import { shiftPeriod, type Attention } from '../../../shared/reports';
import { heldMonths, longConferences, longLegs, roomMonths, roomsLastUsed, type ReadableDB, type ViewScope } from '../../cache';

/** A rise counts when the month is more than this share above the average, and at least RISE_MIN_CENTS above it. */
const RISE_RATIO = 1.5;
const RISE_MIN_CENTS = 2000;
/** Months compared with: the three before. */
const AVERAGE_MONTHS = 3;
/** Months without a conference before a room is listed as unused. */
export const IDLE_MONTHS = 3;

/**
 * Rooms whose charge this month is more than 50 % and more than 20 (units of
 * the currency) above their average of the three calendar months before; only
 * when the archive holds those three months (a room absent from one of them
 * had no charge there).
 */
export function risingRooms(db: ReadableDB, scope: ViewScope, period: string, held: ReadonlySet<string>): Attention['risingRooms'] {
  const before = Array.from({ length: AVERAGE_MONTHS }, (_, index) => shiftPeriod(period, -1 - index));
  if (!before.every((month) => held.has(month))) return [];
  const sums = new Map<string, number>();
  const current: Attention['risingRooms'] = [];
  for (const row of roomMonths(db, scope, before.at(-1)!, period)) {
    if (row.period === period) current.push({ roomNumber: row.roomNumber, cardholder: row.cardholder, chargeCents: row.chargeCents, averageCents: 0 });
    else sums.set(row.roomNumber, (sums.get(row.roomNumber) ?? 0) + row.chargeCents);
  }
  return current
    .map((room) => ({ ...room, sum: sums.get(room.roomNumber) ?? 0 }))
    .filter(({ chargeCents, sum }) => chargeCents * AVERAGE_MONTHS > sum * RISE_RATIO && chargeCents * AVERAGE_MONTHS > sum + RISE_MIN_CENTS * AVERAGE_MONTHS)
    .map(({ sum, ...room }) => ({ ...room, averageCents: Math.round(sum / AVERAGE_MONTHS) }))
    .sort((a, b) => b.chargeCents - b.averageCents - (a.chargeCents - a.averageCents));
}

/**
 * The month's rooms without a conference in it nor in the archive's months
 * before it, for IDLE_MONTHS months or more (counted in the archive's months).
 */
export function idleRooms(db: ReadableDB, scope: ViewScope, period: string, held: readonly string[]): Attention['idleRooms'] {
  const lastUsed = roomsLastUsed(db, scope, period);
  const upTo = held.filter((month) => month <= period);
  return roomMonths(db, scope, period, period)
    .filter((room) => room.conferenceCount === 0)
    .map((room) => {
      const last = lastUsed.get(room.roomNumber) ?? null;
      const monthsUnused = upTo.filter((month) => last === null || month > last).length;
      return { roomNumber: room.roomNumber, cardholder: room.cardholder, monthsUnused, lastUsed: last };
    })
    .filter((room) => room.monthsUnused >= IDLE_MONTHS)
    .sort((a, b) => b.monthsUnused - a.monthsUnused || a.roomNumber.length - b.roomNumber.length || (a.roomNumber < b.roomNumber ? -1 : 1));
}

export function attentionOf(db: ReadableDB, scope: ViewScope, period: string, thresholdSeconds: number): Attention {
  const held = heldMonths(db, scope);
  return {
    period,
    thresholdSeconds,
    longConferences: longConferences(db, scope, period, thresholdSeconds),
    longLegs: longLegs(db, scope, period, thresholdSeconds),
    risingRooms: risingRooms(db, scope, period, new Set(held)),
    idleRooms: idleRooms(db, scope, period, held),
  };
}
