// Importing OAI downloads in the harness: the Import dialog (the harness's
// Open dialog answers with its --imports folder) with a preview per file,
// drag and drop of files onto the window (bytes uploaded in chunks), an
// imported month in every view, a refused file's problems in French, and
// removing an imported month.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bodyRows, collectErrors, expect, openDemo, plain, saveScreenshot, test, totalRow } from './fixtures';

const SAMPLES = path.resolve('test/fixtures/oai-downloads');
const NOVEMBER = 'oai-download-2008-11-account-602127.csv';
const DECEMBER = 'oai-download-2008-12-room-332703.xlsx';
const JANUARY = 'oai-download-2009-01-account-602127.xlsx';

/** Drops files onto the window as a user dragging them from the file manager would. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, data: file.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))], file.name));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

test.setTimeout(120_000);

test('Import dialog: preview of each file, Import, the first month opens and shows in every view; removed after confirmation', async ({ page, app }) => {
  const errors = collectErrors(page);
  await openDemo(page, app);
  mkdirSync(app.importsDir, { recursive: true });
  for (const name of [NOVEMBER, DECEMBER, JANUARY]) copyFileSync(path.join(SAMPLES, name), path.join(app.importsDir, name));

  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  const files = dialog.getByTestId('import-file');
  await expect(files).toHaveCount(3, { timeout: 30_000 });
  await expect(files.nth(0)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(files.nth(0)).toContainText(NOVEMBER);
  await expect(files.nth(0)).toContainText('November 2008');
  expect(plain(await files.nth(0).textContent())).toMatch(/Rooms4Conferences30Total charge€507\.52/);
  expect(plain(await files.nth(2).textContent())).toMatch(/January 2009.*Conferences28Total charge€510\.99/);
  await saveScreenshot(page, 'import-dialog-preview');

  await dialog.getByTestId('import-run').click();
  await expect(files.nth(0)).toHaveAttribute('data-status', 'imported', { timeout: 30_000 });
  await expect(files.nth(2)).toHaveAttribute('data-status', 'imported', { timeout: 30_000 });
  await saveScreenshot(page, 'import-dialog-imported');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The first imported month opens: summary totals computed from its conferences.
  await expect(page.getByTestId('period-select')).toHaveValue('2008-11');
  await expect(page.getByTestId('period-select').locator('option:checked')).toHaveText('November 2008 (imported)');
  await expect(page.getByTestId('period-imported')).toContainText(`Imported from ${NOVEMBER}`);
  expect((await totalRow(page, 'summary-table')).join(' ')).toContain('€507.52');
  await saveScreenshot(page, 'import-summary');

  // Room detail, then a conference: participant count only, and why.
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  const rows = await bodyRows(page, 'room-table');
  expect(rows).toHaveLength(11);
  await saveScreenshot(page, 'import-room');
  await page.getByTestId('room-table').locator('[role="row"][aria-rowindex="2"]').getByRole('button', { name: /^Participants of the conference of/ }).click();
  await expect(page.getByTestId('imported-conference-note')).toContainText("Participants' details are not in OAI's downloads.");

  // Billing codes of an imported month are local allocations: said before typing, marked after.
  await page.getByRole('button', { name: /^Billing code .* edit$/ }).first().click();
  await expect(page.getByText('Local allocation: kept in your archive, not sent to the provider.')).toBeVisible();
  await saveScreenshot(page, 'import-conference-local-hint');
  await page.getByRole('combobox', { name: /Billing code of conference/ }).fill('ARCHIVE-08');
  await page.getByRole('combobox', { name: /Billing code of conference/ }).press('Enter');
  await expect(page.getByText('Local', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'import-conference');

  await page.getByRole('button', { name: 'Billing codes' }).click();
  await expect(page.getByTestId('codes-table')).toContainText('ARCHIVE-08');
  await saveScreenshot(page, 'import-billing-codes');

  // Remove the month, after confirmation: the provider's months stay.
  await page.getByRole('button', { name: 'Account summary' }).click();
  await page.getByTestId('remove-imported').click();
  await page.getByTestId('remove-imported-dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('period-select').locator('option[value="2008-11"]')).toHaveCount(0);
  await expect(page.getByTestId('period-select').locator('option[value="2009-05"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test.describe('in French', () => {
  test.use({ osLocale: 'fr-FR' });

  test('drag and drop: a good file and a refused one (every problem listed), then Import', async ({ page, app }) => {
    const errors = collectErrors(page);
    await openDemo(page, app);
    const bad = readFileSync(path.join(SAMPLES, NOVEMBER), 'utf8').replace('03/11/2008', '31/11/2008').replace('01:18:03', '-00:10:00');
    await dropFiles(page, [
      { name: DECEMBER, bytes: readFileSync(path.join(SAMPLES, DECEMBER)) },
      { name: 'novembre-abime.csv', bytes: Buffer.from(bad) },
    ]);
    const dialog = page.getByTestId('import-dialog');
    const files = dialog.getByTestId('import-file');
    await expect(files).toHaveCount(2, { timeout: 30_000 });
    await expect(files.nth(0)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    await expect(files.nth(1)).toHaveAttribute('data-status', 'refused', { timeout: 30_000 });
    const problems = files.nth(1).getByTestId('import-problems').locator('li');
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0)).toHaveText('Ligne 2, colonne A (DATE) : pas une date : « 31/11/2008 » (jour/mois/année attendu)');
    await expect(problems.nth(1)).toHaveText('Ligne 2, colonne G (CONFERENCE LENGTH) : une durée négative : « -00:10:00 »');
    await expect(files.nth(1)).toContainText('Refusé : rien de ce fichier n’est importé');
    await saveScreenshot(page, 'import-drop-fr');

    await dialog.getByTestId('import-run').click();
    await expect(files.nth(0)).toHaveAttribute('data-status', 'imported', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(page.getByTestId('period-select')).toHaveValue('2008-12');
    await expect(page.getByTestId('period-select').locator('option:checked')).toHaveText('Décembre 2008 (importé)');
    await saveScreenshot(page, 'import-summary-fr');
    expect(errors).toEqual([]);
  });
});
