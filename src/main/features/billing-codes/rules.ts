// The rule for a billing code the user assigns, checked here once for every
// caller (the cache stores what it is given).
import { BILLING_CODE_PATTERN } from '../../../shared/view-rules';
import { AppError } from '../../errors';

/** Blank means back to Unallocated (null); otherwise the trimmed code, if the provider's rule for new codes allows it. */
export function billingCodeToAssign(input: string | null): string | null {
  const code = input?.trim() ?? '';
  if (code === '') return null;
  if (!BILLING_CODE_PATTERN.test(code)) {
    throw new AppError('invalid_billing_code', 'A billing code is 1 to 20 letters, digits, spaces, "_", "." or "-".');
  }
  return code;
}

export function changeNotWaiting(): AppError {
  return new AppError('not_found', 'That change is not waiting any more.');
}
