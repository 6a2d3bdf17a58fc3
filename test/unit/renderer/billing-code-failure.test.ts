// Why a billing-code change was not accepted, as the views say it: the app's
// own reason (a month the provider no longer serves) in the user's language,
// the provider's own words otherwise.
import { describe, expect, it } from 'vitest';
import type { PendingBillingCode } from '../../../src/shared/domain';
import { translator } from '../../../src/shared/i18n';
import { failureReason, providerWords } from '../../../src/renderer/src/billing-code';

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

  it('says each known refusal in the user’s language, keeping the provider’s own words as a detail', () => {
    const locked = failed('period_locked', 'period 2009-05 is invoiced and locked');
    expect(failureReason(locked, translator('en'))).toBe('The provider has locked this month (it is invoiced): its billing codes can no longer change.');
    expect(failureReason(locked, translator('fr'))).toBe('Le fournisseur a verrouillé ce mois (il est facturé) : ses codes de facturation ne peuvent plus changer.');
    expect(providerWords(locked, translator('fr'))).toBe('Réponse du fournisseur : « period 2009-05 is invoiced and locked »');
    const t = translator('en');
    for (const code of ['invalid_billing_code', 'forbidden', 'not_found', 'bad_request']) {
      const reason = failureReason(failed(code, 'raw'), t);
      expect(reason).not.toBe(t('code.refused.other'));
      expect(reason).not.toContain('raw');
    }
    expect(providerWords(failed('period_unavailable', 'The provider no longer serves 2009-02'), t)).toBeNull();
  });

  it('an unknown refusal gets a general sentence, with the provider’s words or code as the detail', () => {
    const t = translator('en');
    expect(failureReason(failed('quota_exceeded', 'Too many changes today'), t)).toBe('The provider did not accept this change.');
    expect(providerWords(failed('quota_exceeded', 'Too many changes today'), t)).toBe('The provider said: “Too many changes today”');
    expect(providerWords(failed('quota_exceeded', null), t)).toBe('The provider said: “quota_exceeded”');
    expect(providerWords(failed(null, null), t)).toBeNull();
    // Not an inherited property's name either.
    expect(failureReason(failed('toString', null), t)).toBe('The provider did not accept this change.');
  });
});
