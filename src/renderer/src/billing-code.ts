// Billing codes as the user edits them: the provider's rule for new codes and
// what a conference row shows while a local change waits in the outbox.
import { BILLING_CODE_PATTERN, effectiveBillingCode } from '../../shared/view-rules';

export type BillingCodeInput = { ok: true; billingCode: string | null } | { ok: false; reason: 'too_long' | 'bad_characters' };

/** Reads what the user typed: blank = back to Unallocated (null); otherwise the trimmed code if valid. */
export function parseBillingCodeInput(text: string): BillingCodeInput {
  const code = text.trim();
  if (code === '') return { ok: true, billingCode: null };
  if ([...code].length > 20) return { ok: false, reason: 'too_long' };
  if (!BILLING_CODE_PATTERN.test(code)) return { ok: false, reason: 'bad_characters' };
  return { ok: true, billingCode: code };
}

/** The code a conference shows: a local change wins over what the provider last sent, unless it failed. */
export const shownBillingCode = effectiveBillingCode;
