// The billing-code editor suggests the account's codes in use (a keyboard
// combobox) and offers the existing spelling of a code typed with another
// case; both languages and themes are captured.
import type { Page } from '@playwright/test';
import { bodyRows, collectErrors, expect, holdBridgeCall, openDemo, saveScreenshot, test } from './fixtures';

const WORDS = {
  en: { unallocated: 'Unallocated', use: 'Use CLIENT-A', keep: 'Keep client-a', pending: 'Pending' },
  fr: { unallocated: 'Non attribué', use: 'Utiliser CLIENT-A', keep: 'Garder client-a', pending: 'En attente' },
} as const;

async function firstUnallocatedRow(page: Page, unallocated: string) {
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  await expect(page.getByTestId('room-table')).toBeVisible();
  const rows = await bodyRows(page, 'room-table');
  const index = rows.findIndex((row) => row[4] === unallocated);
  expect(index).toBeGreaterThanOrEqual(0);
  return page.getByTestId('room-table').locator(`[role="row"][aria-rowindex="${index + 2}"]`);
}

for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${theme}`, () => {
      test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-US', colorScheme: theme });

      test(`codes in use are suggested, and a near-duplicate offers the existing spelling (${language}, ${theme})`, async ({ page, app }) => {
        const errors = collectErrors(page);
        const words = WORDS[language];
        await openDemo(page, app);
        const row = await firstUnallocatedRow(page, words.unallocated);
        await row.getByRole('button', { name: new RegExp(words.unallocated) }).click();
        const box = row.getByRole('combobox');
        await expect(box).toBeFocused();
        await box.fill('cl');
        const list = row.getByRole('listbox');
        await expect(list).toBeVisible();
        const options = list.getByRole('option');
        await expect(options.first()).toHaveText(/^CLIENT-/);
        expect((await options.allInnerTexts()).every((code) => code.toLowerCase().includes('cl'))).toBe(true);
        await box.press('ArrowDown');
        await expect(options.first()).toHaveAttribute('aria-selected', 'true');
        await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
        await saveScreenshot(page, `code-suggestions-${language}-${theme}`);

        // Esc closes the list first, then the editor would close.
        await box.press('Escape');
        await expect(list).toBeHidden();
        await expect(box).toHaveAttribute('aria-expanded', 'false');

        // client-a is CLIENT-A to a person: the existing spelling is offered before saving.
        await box.fill('client-a');
        await box.press('Enter');
        const offer = row.getByTestId('code-offer');
        await expect(offer).toBeVisible();
        await saveScreenshot(page, `code-offer-${language}-${theme}`);
        await offer.getByRole('button', { name: words.use }).click();
        await expect(row.getByRole('button', { name: /CLIENT-A/ })).toBeVisible();
        await expect(row.getByText(words.pending, { exact: true })).toBeVisible();
        expect(errors).toEqual([]);
      });
    });
  }
}

test('a suggestion is taken with the keyboard, and the typed spelling can be kept on purpose', async ({ page, app }) => {
  await openDemo(page, app);
  const row = await firstUnallocatedRow(page, 'Unallocated');
  await row.getByRole('button', { name: /Unallocated/ }).click();
  const box = row.getByRole('combobox');
  await box.fill('board');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(row.getByRole('button', { name: /^Billing code BOARD/ })).toBeVisible();

  await row.getByRole('button', { name: /^Billing code BOARD/ }).click();
  await row.getByRole('combobox').fill('client-a');
  await row.getByRole('combobox').press('Enter');
  await row.getByTestId('code-offer').getByRole('button', { name: 'Keep client-a' }).click();
  await expect(row.getByRole('button', { name: /^Billing code client-a/ })).toBeVisible();
});

/**
 * On the first unallocated row, types `text` and presses Enter while the
 * account's codes are held back (until `release`); `saves` counts the codes
 * saved since.
 */
async function enterBeforeCodesArrive(page: Page, text: string) {
  const row = await firstUnallocatedRow(page, 'Unallocated');
  const release = await holdBridgeCall(page, 'billingCodeSuggestions');
  let saves = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/__bridge/assignBillingCode')) saves += 1;
  });
  await row.getByRole('button', { name: /Unallocated/ }).click();
  await row.getByRole('combobox').fill(text);
  await row.getByRole('combobox').press('Enter');
  return { row, release, saves: () => saves };
}

test('Enter pressed before the account’s codes have arrived still offers the existing spelling', async ({ page, app }) => {
  await openDemo(page, app);
  const { row, release, saves } = await enterBeforeCodesArrive(page, 'client-a');
  // Waiting for the codes: the box is read-only and nothing is saved.
  await expect(row.getByRole('combobox')).toHaveAttribute('readonly', '');
  expect(saves()).toBe(0);
  release();
  await row.getByTestId('code-offer').getByRole('button', { name: 'Use CLIENT-A' }).click();
  await expect(row.getByRole('button', { name: /^Billing code CLIENT-A/ })).toBeVisible();
  expect(saves()).toBe(1);
});

test('an editor closed while Enter waits for the account’s codes saves nothing', async ({ page, app }) => {
  await openDemo(page, app);
  // A new code (no near-duplicate to offer): without the codes it would be saved at once.
  const { row, release, saves } = await enterBeforeCodesArrive(page, 'new-code');
  await row.getByRole('combobox').press('Escape');
  await expect(row.getByRole('combobox')).toHaveCount(0);
  release();
  // Past the editor's wait for the codes: still unallocated, nothing sent.
  await page.waitForTimeout(2500);
  await expect(row.getByRole('button', { name: /Unallocated/ })).toBeVisible();
  expect(saves()).toBe(0);
});
