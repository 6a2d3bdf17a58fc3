// Billing codes as the user edits them: the provider's rule for new codes and
// what a conference row shows while a local change waits in the outbox.
import type { PendingBillingCode } from '../../shared/domain';
import { PERIOD_UNAVAILABLE } from '../../shared/errors';
import type { MessageKey, Translate } from '../../shared/i18n';
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

/** The provider's refusals the app knows, each said in the user's words (docs/provider-api.md). */
const KNOWN_REFUSALS = {
  period_locked: 'code.refused.period_locked',
  invalid_billing_code: 'code.refused.invalid_billing_code',
  forbidden: 'code.refused.forbidden',
  not_found: 'code.refused.not_found',
  bad_request: 'code.refused.bad_request',
} as const satisfies Record<string, MessageKey>;

/** Why a change was not accepted, in the user's language: a known refusal by its code, else a general sentence. */
export function failureReason(pending: PendingBillingCode, t: Translate): string {
  if (pending.errorCode === PERIOD_UNAVAILABLE) return t('code.periodUnavailable');
  const known = pending.errorCode !== null && Object.hasOwn(KNOWN_REFUSALS, pending.errorCode);
  return t(known ? KNOWN_REFUSALS[pending.errorCode as keyof typeof KNOWN_REFUSALS] : 'code.refused.other');
}

/** The provider's own words, kept as a detail line under the reason (none for the app's own reasons). */
export function providerWords(pending: PendingBillingCode, t: Translate): string | null {
  if (pending.errorCode === PERIOD_UNAVAILABLE) return null;
  const message = pending.errorMessage?.trim() || pending.errorCode;
  return message ? t('code.providerSaid', { message }) : null;
}
