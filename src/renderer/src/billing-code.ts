// Billing codes as the user edits them: the provider's rule for new codes and
// what a conference row shows while a local change waits in the outbox.
import type { PendingBillingCode } from '../../shared/domain';
import { PERIOD_UNAVAILABLE } from '../../shared/errors';
import type { Translate } from '../../shared/i18n';
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

/** Why a change was not accepted: the app's own reason in the user's words, else the provider's. */
export function failureReason(pending: PendingBillingCode, t: Translate): string {
  if (pending.errorCode === PERIOD_UNAVAILABLE) return t('code.periodUnavailable');
  return pending.errorMessage ?? pending.errorCode ?? t('error.unknown');
}
