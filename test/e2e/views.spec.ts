// Every view in both languages and both themes: screenshots saved under
// test-results/screenshots/ for review, and axe finds no serious or critical
// accessibility violation on any of them. Plus keyboard-only use.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, failAprilSync, openDemo, saveScreenshot, test } from './fixtures';

async function expectAccessible(page: Page, view: string): Promise<void> {
  if (!checkAxe) return;
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, `${view}: axe ran its checks`).toBeGreaterThan(10);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious).toEqual([]);
}

const WORDS = {
  en: {
    billingCodes: 'Billing codes',
    back: 'Back to summary',
    settings: 'Settings',
    close: 'Close',
    signOut: 'Sign out',
    cancel: 'Cancel',
    participants: /Participants of the conference/,
    code: 'Conferences with billing code BOARD',
    edit: /^Billing code Unallocated/,
  },
  fr: {
    billingCodes: 'Codes de facturation',
    back: 'Retour au récapitulatif',
    settings: 'Réglages',
    close: 'Fermer',
    signOut: 'Se déconnecter',
    cancel: 'Annuler',
    participants: /Participants de la conférence/,
    code: 'Conférences avec le code de facturation BOARD',
    edit: /^Code de facturation Non attribué/,
  },
} as const;

// axe runs on every view in English light and French dark (both themes, both
// languages); the other two combinations only take screenshots, to keep the suite short.
let checkAxe = true;

for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${theme}`, () => {
      test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-US', colorScheme: theme });

      const withAxe = (language === 'en') === (theme === 'light');
      test(`every view${withAxe ? ' passes axe and' : ''} is captured (${language}, ${theme})`, async ({ page, app }) => {
        checkAxe = withAxe;
        const words = WORDS[language];
        const shot = (view: string) => saveScreenshot(page, `${view}-${language}-${theme}`);
        await page.goto(app.url);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await expect(page.locator('img.brand-mark')).toHaveJSProperty('complete', true);
        await shot('signin');
        await expectAccessible(page, 'sign-in');

        await openDemo(page, app);
        await shot('summary');
        await expectAccessible(page, 'summary');

        await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
        await expect(page.getByTestId('room-table')).toBeVisible();
        await shot('room');
        await expectAccessible(page, 'room');

        // The billing-code editor, with its inline message.
        const editButton = page.getByRole('button', { name: words.edit }).first();
        await editButton.click();
        await page.keyboard.type('PROJ/1');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('alert')).toBeVisible();
        await shot('room-editing');
        await expectAccessible(page, 'room, editing a code');
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: words.participants }).first().click();
        await expect(page.getByTestId('participants-table')).toBeVisible();
        await shot('conference');
        await expectAccessible(page, 'conference');

        await page.getByRole('button', { name: words.billingCodes }).click();
        await expect(page.getByTestId('codes-table')).toBeVisible();
        await shot('codes');
        await expectAccessible(page, 'billing codes');

        await page.getByRole('button', { name: words.code }).click();
        await expect(page.getByTestId('code-conferences-table')).toBeVisible();
        await shot('code');
        await expectAccessible(page, 'billing code conferences');

        await page.getByRole('button', { name: words.settings }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('settings');
        await expectAccessible(page, 'settings');
        await page.getByRole('dialog').getByRole('button', { name: words.close }).click();

        await page.getByRole('button', { name: words.signOut }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('signout');
        await expectAccessible(page, 'sign out');
        await page.getByRole('dialog').getByRole('button', { name: words.cancel }).click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
      });
    });
  }
}

test.beforeEach(() => {
  checkAxe = true;
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the summary and a room scale to a large screen', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByTestId('room-display').selectOption('all');
    await saveScreenshot(page, 'summary-all-en-light-1920');
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-table')).toBeVisible();
    await saveScreenshot(page, 'room-en-light-1920');
  });
});

test('pending, refused and archived states are clear', async ({ page, app }) => {
  await openDemo(page, app);
  const provider = app.services.demoProvider()!;
  provider.faults.add({
    method: 'PUT',
    path: 'billing-code',
    action: { kind: 'error', status: 409, code: 'period_locked', message: 'May 2009 is locked for invoicing' },
  });
  failAprilSync(provider);
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  const codes = page.getByRole('button', { name: /^Billing code Unallocated/ });
  for (const code of ['LOCKED', 'PROJ-7']) {
    await codes.first().click();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: new RegExp(`^Billing code ${code}`) })).toBeVisible();
  }
  await saveScreenshot(page, 'room-pending-en-light');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('failed-changes')).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, 'room-failed-en-light');
  await expectAccessible(page, 'room with a refused change');

  await page.getByRole('button', { name: 'Back to summary' }).click();
  await page.getByTestId('period-select').selectOption('2009-04');
  await expect(page.getByTestId('period-error')).toBeVisible();
  await saveScreenshot(page, 'summary-period-failed-en-light');
  await expectAccessible(page, 'summary with a failed period');
});

test('everything works from the keyboard alone', async ({ page, app }) => {
  await openDemo(page, app);
  // Sort by Charge from the keyboard: headers are buttons.
  const chargeSort = page.getByRole('columnheader', { name: 'Charge' }).getByRole('button');
  await chargeSort.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: 'Charge' })).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Space');
  await expect(page.getByRole('columnheader', { name: 'Charge' })).toHaveAttribute('aria-sort', 'descending');

  // Tab reaches the cardholders, in order, and Enter opens a room.
  const marilene = page.getByRole('button', { name: /Marilene BALLESTER/ });
  for (let i = 0; i < 20 && !(await marilene.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(marilene).toBeFocused();
  // The focus ring is visible.
  const outline = await marilene.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('room-table')).toBeVisible();
  // The new view's title takes the focus, so the next Tab starts from the top of the view.
  await expect(page.getByRole('heading', { name: 'Conference List' })).toBeFocused();

  // Edit a billing code without the mouse.
  const edit = page.getByRole('button', { name: /^Billing code Unallocated/ }).first();
  await edit.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('KEYS-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Billing code KEYS-1/ })).toBeFocused();

  // Open a conference and come back.
  await page.getByRole('button', { name: /Participants of the conference/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('participants-table')).toBeVisible();
  await page.getByRole('button', { name: 'Back to conference list' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('room-table')).toBeVisible();

  // Settings open and close from the keyboard (Esc).
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
});
