// Issue 15, point 7: messages a person can read, in their language: a sentence
// with what to do, the technical text behind a Details toggle, inside the page.
import type { Page } from '@playwright/test';
import { startDemoProvider, type DemoProvider } from '../../src/main/demo';
import { translator } from '../../src/shared/i18n';
import { expect, openProvider, saveScreenshot, SEED_NOW, test, waitForSynced } from './fixtures';

let provider: DemoProvider;
test.beforeEach(async () => {
  provider = await startDemoProvider({ now: SEED_NOW, rooms: 5 });
});
test.afterEach(async () => {
  // The sync test closes it itself.
  await provider.close().catch(() => undefined);
});

/** The message's box lies inside the visible page: nothing above its top, nothing past its right edge. */
async function expectInsidePage(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

for (const [locale, language] of [['en-GB', 'en-GB'], ['fr-FR', 'fr']] as const) {
  const t = translator(language);
  test.describe(`in ${locale}`, () => {
    test.use({ osLocale: locale, keychain: 'refusing' });

    test('a keychain that refuses "Remember password" signs in anyway and says why, with the keychain’s text under Details', async ({ page, app }) => {
      await page.goto(app.url);
      const form = page.getByRole('region', { name: t('signIn.formTitle') });
      await form.getByLabel(t('signIn.username')).fill(provider.credentials.username);
      await form.getByLabel(t('signIn.password'), { exact: true }).fill(provider.credentials.password);
      await form.getByLabel(t('signIn.accountNumber')).fill(provider.credentials.accountNumber);
      await expect(form.getByLabel(t('signIn.remember'))).toBeChecked();
      await form.getByText(t('signIn.advanced')).click();
      await form.getByLabel(t('signIn.serverUrl')).fill(provider.url);
      await form.getByRole('button', { name: t('signIn.submit') }).click();

      await waitForSynced(page);
      const notice = page.getByTestId('password-not-remembered');
      await expect(notice.locator('p')).toHaveText(t('signIn.passwordNotRemembered.denied'));
      await expect(notice.locator('pre')).toBeHidden();
      await notice.getByText(t('error.details')).click();
      await expect(notice.locator('pre')).toContainText('AccessDenied');
      await expectInsidePage(page, 'password-not-remembered');
      await saveScreenshot(page, `keychain-refused-${locale}`);
      await expect(page.getByTestId('summary-table')).toBeVisible();
    });

    test('a failed sync says what happened in a sentence; the request and attempts only under Details', async ({ page, app }) => {
      await openProvider(page, app, provider);
      await provider.close();
      await page.getByRole('button', { name: t('sync.now') }).click();
      const failed = page.getByTestId('sync-failed');
      await expect(failed).toContainText(t('error.unreachable'), { timeout: 30_000 });
      await expect(failed).not.toContainText('attempt');
      await expect(failed).not.toContainText('/oai/v1');
      const details = page.getByTestId('sync-status').getByText(t('error.details'));
      await details.click();
      await expect(page.getByTestId('sync-status').locator('pre')).toContainText(/attempt/);
      await saveScreenshot(page, `sync-failed-${locale}`);
    });
  });
}
