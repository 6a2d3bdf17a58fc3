// Why a billing-code change was not accepted, as the views say it: the app's
// own reason (a month the provider no longer serves) in the user's language,
// the provider's own words otherwise.
import { describe, expect, it } from 'vitest';
import type { PendingBillingCode } from '../../../src/shared/domain';
import { translator } from '../../../src/shared/i18n';
import { failureReason } from '../../../src/renderer/src/billing-code';

const failed = (errorCode: string | null, errorMessage: string | null): PendingBillingCode => ({
  outboxId: 1,
  billingCode: 'PROJ-1',
  state: 'failed',
  errorCode,
  errorMessage,
});

describe('failureReason', () => {
  it('says a month the provider no longer serves was not sent, in both languages, not the stored English text', () => {
    const archived = failed('period_unavailable', 'The provider no longer serves 2009-02 (the month is archived here), so this change was not sent to the provider.');
    expect(failureReason(archived, translator('en'))).toBe('Not sent: the provider no longer serves this month (it is archived on this computer).');
    expect(failureReason(archived, translator('fr'))).toBe('Non envoyé : le fournisseur ne sert plus ce mois (il est archivé sur cet ordinateur).');
  });

  it('gives the provider’s own reason otherwise, or its code, or a generic word', () => {
    const t = translator('fr');
    expect(failureReason(failed('period_locked', 'period 2009-05 is invoiced and locked'), t)).toBe('period 2009-05 is invoiced and locked');
    expect(failureReason(failed('forbidden', null), t)).toBe('forbidden');
    expect(failureReason(failed(null, null), t)).toBe(t('error.unknown'));
  });
});
