// Reports across months, as main sends them and the CLI prints them: a
// subject's totals per month (trends), a range of months grouped by billing
// code or by room (chargeback), the change against earlier months (compare)
// and what deserves attention in a month.
import { z } from 'zod';
import { periodKeySchema, roomNumberSchema, totalsSchema, type Totals } from './domain';

export const monthTotalsSchema = totalsSchema.extend({ period: z.string() });
export type MonthTotals = z.infer<typeof monthTotalsSchema>;

export const trendSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account') }).strict(),
  z.object({ kind: z.literal('room'), roomNumber: roomNumberSchema }).strict(),
  z.object({ kind: z.literal('code'), billingCode: z.string().max(200).nullable() }).strict(),
]);
export type TrendSubject = z.infer<typeof trendSubjectSchema>;

export const reportBySchema = z.enum(['code', 'room']);
export type ReportBy = z.infer<typeof reportBySchema>;

const monthsRecord = z.record(z.string(), totalsSchema);

export const chargebackRowSchema = z.object({
  /** The billing code (null = Unallocated) or the room number. */
  key: z.string().nullable(),
  /** Rooms: the cardholder (of the range's latest month); codes: the code (null = Unallocated). */
  label: z.string().nullable(),
  /** Every month of the report, zero where the row had none. */
  months: monthsRecord,
  total: totalsSchema,
});
export type ChargebackRow = z.infer<typeof chargebackRowSchema>;

export const chargebackSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: reportBySchema,
  /** The archive's months in [from, to], oldest first. */
  months: z.array(z.string()),
  rows: z.array(chargebackRowSchema),
  total: z.object({ months: monthsRecord, total: totalsSchema }),
});
export type Chargeback = z.infer<typeof chargebackSchema>;

export const chargebackArgsSchema = z
  .object({
    by: reportBySchema,
    /** null: the last 12 months in the archive. */
    from: periodKeySchema.nullable(),
    to: periodKeySchema.nullable(),
  })
  .strict();

export const comparedMonthSchema = z.object({
  period: z.string(),
  /** Each room's totals that month (rooms it lists). */
  rooms: monthsRecord,
  total: totalsSchema,
});
export type ComparedMonth = z.infer<typeof comparedMonthSchema>;

export const summaryCompareSchema = z.object({
  period: z.string(),
  /** The month before and the same month a year earlier, null where the archive does not hold it. */
  previous: comparedMonthSchema.nullable(),
  yearAgo: comparedMonthSchema.nullable(),
});
export type SummaryCompare = z.infer<typeof summaryCompareSchema>;

/** A change in cents and in % (null when the month compared with was zero). */
export interface Change {
  cents: number;
  percent: number | null;
}

export function changeOf(current: number, before: number): Change {
  return { cents: current - before, percent: before === 0 ? null : ((current - before) / before) * 100 };
}

/** The month `delta` months after `period` (YYYY-MM; negative: before). */
export function shiftPeriod(period: string, delta: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const ZERO_TOTALS: Totals = { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };

/** Default: a line left open. */
export const DEFAULT_ATTENTION_SECONDS = 4 * 3600;

export const attentionSchema = z.object({
  period: z.string(),
  thresholdSeconds: z.number().int(),
  longConferences: z.array(
    z.object({ conferenceId: z.string(), roomNumber: z.string(), start: z.string(), lengthSeconds: z.number().int(), chargeCents: z.number().int() }),
  ),
  longLegs: z.array(
    z.object({
      conferenceId: z.string(),
      roomNumber: z.string(),
      participantId: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      joinedAt: z.string(),
      seconds: z.number().int(),
    }),
  ),
  /** Rooms whose month is more than 50 % and 20 (currency units) above their average of the three months before. */
  risingRooms: z.array(
    z.object({ roomNumber: z.string(), cardholder: z.string().nullable(), chargeCents: z.number().int(), averageCents: z.number().int() }),
  ),
  /** Rooms without a conference for three months or more, up to this month. */
  idleRooms: z.array(
    z.object({ roomNumber: z.string(), cardholder: z.string().nullable(), monthsUnused: z.number().int(), lastUsed: z.string().nullable() }),
  ),
});
export type Attention = z.infer<typeof attentionSchema>;
export type AttentionList = 'longConferences' | 'longLegs' | 'risingRooms' | 'idleRooms';
export const attentionListSchema = z.enum(['longConferences', 'longLegs', 'risingRooms', 'idleRooms']);
