// French and English: chosen from the OS locale at first run, switchable in
// settings; money, dates and times follow the language, or ISO dates.
import { bodyRows, expect, openDemo, saveScreenshot, test, totalRow } from './fixtures';

test.describe('with a French OS', () => {
  test.use({ osLocale: 'fr-FR' });

  test('the first run is in French, and English can be chosen before signing in', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Bienvenue dans OAI Desktop' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Ouvrir le compte de démonstration' })).toBeVisible();
    await expect(page.getByTestId('language-select').locator('option')).toHaveText(['English (UK)', 'English (US)', 'Français']);
    await page.getByTestId('language-select').selectOption('en-GB');
    await expect(page.getByRole('heading', { name: 'Welcome to OAI Desktop' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    // The choice is a setting: it survives a reload.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to OAI Desktop' })).toBeVisible();
  });
});

test('settings switch the language and the date style, and every view follows', async ({ page, app }) => {
  await openDemo(page, app);
  expect((await totalRow(page, 'summary-table')).at(-1)).toBe('€132.07');

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Language', { exact: true })).toHaveValue('system');
  await expect(dialog.getByRole('option', { name: 'Same as the system (English (US))' })).toBeAttached();
  // Issue 15, points 6 and 8: sync intervals in words, a week as a week.
  await expect(dialog.getByLabel('Sync automatically').locator('option')).toHaveText(['Every hour', 'Every 4 hours', 'Every 6 hours', 'Every 12 hours', 'Daily', 'Weekly']);
  await dialog.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('Synchroniser automatiquement').locator('option')).toHaveText([
    'Toutes les heures',
    'Toutes les 4 heures',
    'Toutes les 6 heures',
    'Toutes les 12 heures',
    'Tous les jours',
    'Toutes les semaines',
  ]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await expect(page.getByRole('heading', { name: 'Récapitulatif du compte' })).toBeVisible();
  expect((await totalRow(page, 'summary-table')).at(-1)).toBe('132,07 €');
  await expect(page.getByTestId('period-select').locator('option:checked')).toHaveText('Depuis le 1/05/2009 — Non facturé');
  await expect(page.getByTestId('last-sync')).toHaveText(/^Dernière synchronisation le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  let rows = await bodyRows(page, 'room-table');
  expect(rows[0]![0]).toBe('06/05/2009');
  expect(rows[0]![1]).toMatch(/^\d{2}:\d{2}$/);
  expect(rows[0]![3]).toBe('Sans réservation');
  await expect(page.getByRole('button', { name: 'Retour au récapitulatif' })).toBeVisible();

  // ISO dates.
  await page.getByRole('button', { name: 'Réglages' }).click();
  await page.getByRole('dialog').getByLabel(/^ISO/).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  rows = await bodyRows(page, 'room-table');
  expect(rows[0]![0]).toBe('2009-05-06');
  await expect(page.getByTestId('room-period')).toHaveText('Depuis le 2009-05-01 — Non facturé');

  // Back to the system's language (English) after a reload: settings persist in main.
  await page.getByRole('button', { name: 'Réglages' }).click();
  await page.getByRole('dialog').getByLabel('Langue', { exact: true }).selectOption('system');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Account Summary' })).toBeVisible();
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  rows = await bodyRows(page, 'room-table');
  expect(rows[0]![0]).toBe('2009-05-06');
  expect(rows[0]![1]).toMatch(/^\d{2}:\d{2}$/);
  expect(rows[0]!.at(-1)).toMatch(/^€\d+\.\d{2}$/);
});

// Issue 15, point 5: English readers outside the US read dates day first.
test.describe('with an English (UK) OS', () => {
  test.use({ osLocale: 'en-GB' });

  test('dates are day first and times 24-hour; English (US) is one choice away', async ({ page, app }) => {
    await openDemo(page, app);
    await expect(page.getByTestId('period-select').locator('option:checked')).toHaveText('Since 01/05/2009 — Not invoiced');
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    let rows = await bodyRows(page, 'room-table');
    expect(rows[0]![0]).toBe('06/05/2009');
    expect(rows[0]![1]).toMatch(/^\d{2}:\d{2}$/);
    expect(rows[0]!.at(-1)).toMatch(/^€\d+\.\d{2}$/);
    await saveScreenshot(page, 'language-en-GB-room');

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('option', { name: 'Same as the system (English (UK))' })).toBeAttached();
    await dialog.getByLabel('Language', { exact: true }).selectOption('en-US');
    await dialog.getByRole('button', { name: 'Close' }).click();
    rows = await bodyRows(page, 'room-table');
    expect(rows[0]![0]).toBe('5/6/2009');
    expect(rows[0]![1]).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    await expect(page.getByTestId('room-period')).toHaveText('Since 5/1/2009 — Not invoiced');
  });
});
