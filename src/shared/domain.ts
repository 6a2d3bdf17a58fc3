// Domain shapes shared by main (cache queries), the bridge and the renderer.
// Money is integer cents, durations integer seconds, instants UTC ISO strings.
// Formatting happens only at the edge (renderer, export).
import { z } from 'zod';

export const accountNumberSchema = z.string().regex(/^\d{1,20}$/, 'an account number is digits');
export const roomNumberSchema = z.string().regex(/^\d{1,20}$/, 'a room number is digits');
export const periodKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a billing period is YYYY-MM');
export const conferenceIdSchema = z.string().min(1).max(200);

export const accountInfoSchema = z.object({
  accountNumber: z.string(),
  companyName: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  supportPhone: z.string().nullable(),
});
export type AccountInfo = z.infer<typeof accountInfoSchema>;

/** The currency amounts are shown in when the account is not known (yet). */
export const DEFAULT_CURRENCY = 'EUR';

/** The currency of an account's amounts. */
export function currencyOf(account: Pick<AccountInfo, 'currency'> | null | undefined): string {
  return account?.currency ?? DEFAULT_CURRENCY;
}

/** Which rooms the account summary lists: those used in the period, or all. */
export const roomDisplaySchema = z.enum(['active', 'all']);
export type RoomDisplay = z.infer<typeof roomDisplaySchema>;

/** A file an imported month came from. */
export const importedFileInfoSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  importedAt: z.string(),
});
export type ImportedFileInfo = z.infer<typeof importedFileInfoSchema>;

export const periodInfoSchema = z.object({
  accountNumber: z.string(),
  period: z.string(),
  /** First day of the period, YYYY-MM-DD. */
  start: z.string(),
  invoiced: z.boolean(),
  /** Provider revision of the stored content; null if never fully synced. */
  revision: z.string().nullable(),
  /** false once the provider stopped serving it: the month is archived here. */
  servedByProvider: z.boolean(),
  /** Which login filled it: 'account' or a room number. */
  scope: z.string().nullable(),
  /** Provider base URL the data came from. */
  origin: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** 'import': filled from OAI's Excel downloads (never from the provider). */
  source: z.enum(['provider', 'import']),
  /** An imported month's files, in import order (absent for the provider's months). */
  importedFiles: z.array(importedFileInfoSchema).optional(),
});
export type PeriodInfo = z.infer<typeof periodInfoSchema>;

/**
 * "Data as of" of a view, in its print and its Excel file alike: the last
 * successful sync of that period (UTC), null if it never synced.
 */
export function periodDataAsOf(period: PeriodInfo | null): string | null {
  return period?.lastSyncedAt ?? null;
}

/** The service type of conferences imported from OAI's downloads (the provider sent none). */
export const IMPORTED_SERVICE_TYPE = 'import';


export const totalsSchema = z.object({
  conferenceCount: z.number().int(),
  accumulatedSeconds: z.number().int(),
  chargeCents: z.number().int(),
});
export type Totals = z.infer<typeof totalsSchema>;

export const roomSummaryRowSchema = totalsSchema.extend({
  roomNumber: z.string(),
  cardholder: z.string().nullable(),
  autoBillingCode: z.string().nullable(),
});
export type RoomSummaryRow = z.infer<typeof roomSummaryRowSchema>;

export const outboxStateSchema = z.enum(['pending', 'sent', 'failed']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** A billing-code change made locally and not yet confirmed by the provider. */
export const pendingBillingCodeSchema = z.object({
  outboxId: z.number().int(),
  billingCode: z.string().nullable(),
  state: outboxStateSchema,
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type PendingBillingCode = z.infer<typeof pendingBillingCodeSchema>;

/**
 * A billing code kept in the archive only, never sent to the provider (months
 * that are imported, invoiced or archived): it overrides the provider's code.
 */
export const localBillingCodeSchema = z.object({
  kind: z.literal('local'),
  billingCode: z.string().nullable(),
  updatedAt: z.string(),
});
export type LocalBillingCode = z.infer<typeof localBillingCodeSchema>;

export const conferenceRowSchema = z.object({
  id: z.string(),
  roomNumber: z.string(),
  start: z.string(),
  serviceType: z.string(),
  /** As last received from the provider; null = Unallocated. */
  billingCode: z.string().nullable(),
  /** Local change waiting for (or refused by) the provider, if any. */
  pending: pendingBillingCodeSchema.nullable(),
  /** The local allocation, if any (absent when none). */
  local: localBillingCodeSchema.optional(),
  participantCount: z.number().int(),
  lengthSeconds: z.number().int(),
  accumulatedSeconds: z.number().int(),
  chargeCents: z.number().int(),
});
export type ConferenceRow = z.infer<typeof conferenceRowSchema>;

/** A conference list's Total row over every conference, before they are all loaded. */
export const conferenceListTotalsSchema = z.object({
  conferenceCount: z.number().int(),
  participantCount: z.number().int(),
  lengthSeconds: z.number().int(),
  accumulatedSeconds: z.number().int(),
  chargeCents: z.number().int(),
});
export type ConferenceListTotals = z.infer<typeof conferenceListTotalsSchema>;

export const participantRowSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  accessType: z.string(),
  joinedAt: z.string(),
  leftAt: z.string(),
  seconds: z.number().int(),
  chargeCents: z.number().int(),
});
export type ParticipantRow = z.infer<typeof participantRowSchema>;

export const billingCodeRowSchema = totalsSchema.extend({
  /** null = Unallocated. */
  billingCode: z.string().nullable(),
});
export type BillingCodeRow = z.infer<typeof billingCodeRowSchema>;
