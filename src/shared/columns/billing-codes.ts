// The billing codes' table: the period's conferences, time and charge per
// billing code, Unallocated included.
import type { BillingCodeRow } from '../domain';
import type { ColumnDef } from './column';

export const BILLING_CODE_COLUMNS: readonly ColumnDef<BillingCodeRow>[] = [
  { id: 'code', labelKey: 'col.billingCode', kind: 'code', value: (r) => r.billingCode },
  { id: 'count', labelKey: 'col.conferences', kind: 'count', value: (r) => r.conferenceCount, total: { of: 'sum' } },
  { id: 'time', labelKey: 'col.accumulatedTime', kind: 'duration', value: (r) => r.accumulatedSeconds, total: { of: 'sum', strong: true } },
  { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (r) => r.chargeCents, total: { of: 'sum', strong: true } },
];

/** How many billing codes the period's conferences use (Unallocated is not a code). */
export function codesUsed(rows: readonly BillingCodeRow[]): number {
  return rows.filter((r) => r.billingCode !== null).length;
}
