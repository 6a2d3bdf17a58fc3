// Issue 15, point 8: in French, Download and Save as PDF suggest French file
// names without accents; a conference's file is named by its start and room.
// (Every view's names in both languages: test/unit/export/file-names.test.ts.)
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, saveScreenshot, test, type HarnessFixture } from './fixtures';

/** Clicks a button of the view's Download and print group and returns the saved file's name. */
async function savedName(page: Page, app: HarnessFixture, button: string, screenshot?: string): Promise<string> {
  await page.getByRole('group', { name: 'Télécharger et imprimer' }).getByRole('button', { name: button, exact: true }).click();
  const notice = page.getByTestId('export-notice');
  await expect(notice).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
  const file = (await page.getByTestId('export-path').getAttribute('title'))!;
  expect(path.dirname(file)).toBe(app.downloadsDir);
  if (screenshot) await saveScreenshot(page, screenshot);
  await notice.getByRole('button', { name: 'Fermer le message' }).click();
  return path.basename(file);
}

test.describe('in French', () => {
  test.use({ osLocale: 'fr-FR' });

  test('Download and Save as PDF suggest French names without accents', async ({ page, app }) => {
    await openDemo(page, app);
    expect(await savedName(page, app, 'Télécharger')).toBe('OAI_602127_2009-05_recapitulatif.xlsx');
    await page.getByRole('button', { name: 'Codes de facturation', exact: true }).click();
    await expect(page.getByTestId('codes-table')).toBeVisible();
    expect(await savedName(page, app, 'Enregistrer en PDF')).toBe('OAI_602127_2009-05_codes-de-facturation.pdf');

    await page.getByRole('button', { name: 'Récapitulatif du compte', exact: true }).click();
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-table')).toBeVisible();
    expect(await savedName(page, app, 'Télécharger')).toBe('OAI_602127_2009-05_salle-332703.xlsx');
    await page.getByRole('button', { name: /^Participants de la conférence/ }).first().click();
    await expect(page.getByTestId('participants-table')).toBeVisible();
    const name = await savedName(page, app, 'Télécharger', 'file-names-conference-fr-light');
    expect(name).toMatch(/^OAI_602127_2009-05-06_\d{4}_salle-33-270-3\.xlsx$/);
    expect(name).not.toContain('c-2009');
  });
});
