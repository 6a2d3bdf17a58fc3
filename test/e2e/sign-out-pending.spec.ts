// Billing-code changes not yet sent: the status bar counts them (hidden at
// none), following each edit and each sync; sign-out says how many and offers
// to sync first, in both languages with their plural forms.
import type { Page } from '@playwright/test';
import { collectErrors, expect, openDemo, saveScreenshot, test, waitForSynced } from './fixtures';

const WORDS = {
  en: {
    locale: 'en-GB',
    pendingOne: '1 billing code change to send',
    pendingTwo: '2 billing code changes to send',
    unsentTwo: '2 billing code changes have not been sent to MeetingOne yet.',
    signOut: 'Sign out',
    anyway: 'Sign out anyway',
    syncFirst: 'Sync now',
    cancel: 'Cancel',
    syncNow: 'Sync now',
  },
  fr: {
    locale: 'fr-FR',
    pendingOne: '1 modification de code à envoyer',
    pendingTwo: '2 modifications de code à envoyer',
    unsentTwo: '2 modifications de codes de facturation n’ont pas encore été envoyées à MeetingOne.',
    signOut: 'Se déconnecter',
    anyway: 'Se déconnecter quand même',
    syncFirst: 'Synchroniser maintenant',
    cancel: 'Annuler',
    syncNow: 'Synchroniser',
  },
} as const;

const rowOf = (page: Page, index: number) => page.getByTestId('room-table').locator(`[role="row"][aria-rowindex="${index + 2}"]`);

/** Types a code for the room's conference at `index` and waits until it shows. */
async function assign(page: Page, index: number, code: string) {
  const row = rowOf(page, index);
  await row.locator('.code-button').click();
  await row.getByRole('combobox').fill(code);
  await row.getByRole('combobox').press('Enter');
  await expect(row.locator('.code-button')).toHaveText(code);
}

for (const language of ['en', 'fr'] as const) {
  test.describe(language, () => {
    const words = WORDS[language];
    test.use({ osLocale: words.locale });

    test(`the status bar counts unsent changes and sign-out offers to sync them first (${language})`, async ({ page, app }) => {
      const errors = collectErrors(page);
      await openDemo(page, app);
      const pending = page.getByTestId('pending-changes');
      await expect(pending).toHaveCount(0);

      // Offline, an edit waits in the outbox: the count shows at once; the next sync sends it and the count goes.
      await app.services.stopDemoProvider();
      await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
      await assign(page, 0, 'E2E-1');
      await expect(pending).toHaveText(words.pendingOne);
      await saveScreenshot(page, `pending-changes-${language}`);
      await page.getByTestId('sync-status').getByRole('button', { name: words.syncNow, exact: true }).click();
      await expect(pending).toHaveCount(0, { timeout: 30_000 });
      await waitForSynced(page);

      await app.services.stopDemoProvider();
      await assign(page, 1, 'E2E-2');
      await assign(page, 2, 'E2E-3');
      await expect(pending).toHaveText(words.pendingTwo);

      // Sign out: it says how many changes are unsent; Cancel keeps the sign-in.
      await page.getByRole('button', { name: words.signOut, exact: true }).click();
      const dialog = page.getByTestId('signout-dialog');
      await expect(dialog.getByTestId('signout-unsent')).toContainText(words.unsentTwo);
      await expect(dialog.getByRole('button', { name: words.anyway })).toBeVisible();
      await saveScreenshot(page, `signout-pending-${language}`);
      await dialog.getByRole('button', { name: words.cancel }).click();
      await expect(dialog).toHaveCount(0);
      await expect(pending).toHaveText(words.pendingTwo);

      // Sync now sends them, then signs out.
      await page.getByRole('button', { name: words.signOut, exact: true }).click();
      await dialog.getByRole('button', { name: words.syncFirst }).click();
      await expect(dialog).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByRole('button', { name: words.signOut, exact: true })).toHaveCount(0);
      const puts = app.services.demoProvider()!.requests.filter((r) => r.method === 'PUT' && r.status === 200);
      expect(puts).toHaveLength(2);
      expect(errors).toEqual([]);
    });
  });
}
