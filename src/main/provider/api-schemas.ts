// Zod schemas of the OAI provider API, version 1 (see docs/provider-api.md).
// Shared by the provider client (which validates every response) and the
// embedded demo provider (which types what it sends).
//
// The contract says: servers may add fields anywhere and new enum values may
// appear. So objects are "loose" (unknown keys are kept, not stripped) and
// enum-like fields are plain strings. A missing or mistyped required field is a
// malformed response.
import { z } from 'zod';

export const API_PREFIX = '/oai/v1';

const digits = z.string().regex(/^\d+$/, 'expected a digit string');
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'expected an RFC 3339 UTC instant');
const periodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * The largest amount (cents, either sign) or duration (seconds) the client
 * accepts, in one value and in the sums the contract defines, up to a whole
 * period's (see check-sums.ts): 10^12, ten billion currency units or 31,700
 * years. Any sum the app computes then stays an exact JavaScript number
 * (below 2^53 ≈ 9.007 × 10^15) over up to 9,007 periods, 750 years of months.
 */
export const MAX_AMOUNT = 1_000_000_000_000;
const cents = z.number().int().min(-MAX_AMOUNT, 'expected at least -10^12').max(MAX_AMOUNT, 'expected at most 10^12');
const seconds = z.number().int().nonnegative().max(MAX_AMOUNT, 'expected at most 10^12');

export const sessionScopeSchema = z.looseObject({
  kind: z.string(), // "account" | "room" (others kept as text)
  accountNumber: digits,
  roomNumber: digits.optional(),
});

export const sessionResponseSchema = z.looseObject({
  token: z.string().min(1),
  expiresAt: instant,
  scope: sessionScopeSchema,
});

export const accountResponseSchema = z.looseObject({
  accountNumber: digits,
  companyName: z.string(),
  currency: z.string().min(1),
  timeZone: z.string().min(1),
  supportPhone: z.string().nullable().optional(),
});

export const periodSchema = z.looseObject({
  period: periodKey,
  start: isoDate,
  invoiced: z.boolean(),
  revision: z.string().min(1),
});

export const periodsResponseSchema = z.looseObject({
  periods: z.array(periodSchema),
});

export const roomSchema = z.looseObject({
  roomNumber: digits,
  cardholder: z.string().nullable(),
  autoBillingCode: z.string().nullable(),
  conferenceCount: z.number().int().nonnegative(),
  accumulatedSeconds: seconds,
  chargeCents: cents,
});

export const roomsResponseSchema = z.looseObject({
  rooms: z.array(roomSchema),
});

export const participantSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  accessType: z.string(),
  joinedAt: instant,
  leftAt: instant,
  seconds,
  chargeCents: cents,
});

export const conferenceSchema = z.looseObject({
  id: z.string().min(1),
  roomNumber: digits,
  start: instant,
  serviceType: z.string(),
  billingCode: z.string().nullable(),
  participantCount: z.number().int().nonnegative(),
  lengthSeconds: seconds,
  accumulatedSeconds: seconds,
  chargeCents: cents,
  participants: z.array(participantSchema),
});

export const conferencesPageSchema = z.looseObject({
  conferences: z.array(conferenceSchema),
  nextCursor: z.string().min(1).nullable(),
});

export const errorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type AccountResponse = z.infer<typeof accountResponseSchema>;
export type ApiPeriod = z.infer<typeof periodSchema>;
export type ApiRoom = z.infer<typeof roomSchema>;
export type ApiParticipant = z.infer<typeof participantSchema>;
export type ApiConference = z.infer<typeof conferenceSchema>;
export type ConferencesPage = z.infer<typeof conferencesPageSchema>;

/** Error codes the contract names; others may appear and are kept as text. */
export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_credentials'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'period_unavailable'
  | 'period_locked'
  | 'period_changed'
  | 'invalid_billing_code'
  | 'rate_limited'
  | 'unavailable';

export { BILLING_CODE_PATTERN } from '../../shared/view-rules';

export interface SessionRequest {
  username: string;
  password: string;
  accountNumber?: string;
  roomNumber?: string;
}
