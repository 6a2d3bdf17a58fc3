// A room sign-in after an account sign-in on the same provider: the cache
// holds the whole account, and yet with the room's sign-in selected every
// view, Download and Print shows that room only.
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { startDemoProvider, type DemoProvider } from '../../src/main/demo';
import { bodyRows, collectErrors, expect, plain, saveScreenshot, SEED_NOW, test, totalRow, waitForSynced } from './fixtures';
import { expectPdf, HAVE_POPPLER, pdfText, saveWith } from './saving';

let provider: DemoProvider;
test.beforeAll(async () => {
  provider = await startDemoProvider({ now: SEED_NOW, rooms: 10 });
});
test.afterAll(async () => {
  await provider.close();
});

/** Signs in with the form, as a user does, at the test's own demo provider. */
async function signInWithForm(page: Page, login: { room?: string }): Promise<void> {
  const form = page.getByRole('region', { name: 'Sign in to your OAI provider' });
  await form.getByLabel('User name (e-mail)').fill(provider.credentials.username);
  await form.getByLabel('Password', { exact: true }).fill(provider.credentials.password);
  if (login.room === undefined) {
    await form.getByLabel('Account number').fill(provider.credentials.accountNumber);
  } else {
    await form.getByLabel('One room only').check();
    await form.getByLabel('Room number').fill(login.room);
  }
  // Kept for this session only: the test needs no keychain.
  await form.getByLabel('Remember password').uncheck();
  await form.getByText('Advanced').click();
  await form.getByLabel('Provider address').fill(provider.url);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await waitForSynced(page);
}

/** Cells of a workbook sheet's column, for the rows between its header and its Total. */
async function sheetColumn(file: string, sheetName: string, header: string, column: number): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(sheetName)!;
  const values: unknown[] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === header) inTable = true;
    else if (first === 'Total') inTable = false;
    else if (inTable) values.push(row.getCell(column).value);
  });
  return values;
}

test('sign in with the account, add a room sign-in: with it selected, every view, Download, Print and Save as PDF show its room only', async ({ page, app }) => {
  const errors = collectErrors(page);
  await page.goto(app.url);
  await signInWithForm(page, {});
  expect((await bodyRows(page, 'summary-table')).map((row) => row[0])).toEqual(['32 002 6', '33 270 3', '33 584 8']);

  const profiles = page.getByTestId('profile-select');
  await profiles.selectOption({ label: 'Add an account…' });
  await signInWithForm(page, { room: '332703' });
  await expect(profiles.locator('option:checked')).toHaveText('Room 33 270 3');
  await expect(page.getByTestId('account-number')).toHaveText('602127');

  // Summary: only its room, and a total equal to that room's charge (€116.59 of the account's €132.07).
  const roomRow = ['33 270 3', 'Marilene BALLESTER', '', '23:50:16', '€116.59'];
  expect(await bodyRows(page, 'summary-table')).toEqual([roomRow]);
  expect(await totalRow(page, 'summary-table')).toEqual(['Total', '', '', '23:50:16', '€116.59']);
  await page.getByTestId('room-display').selectOption('all');
  expect(await bodyRows(page, 'summary-table')).toEqual([roomRow]);
  await saveScreenshot(page, 'room-sign-in-summary');

  const workbook = await saveWith(page, app, 'Download');
  expect(await sheetColumn(workbook, 'Summary', 'Room Number', 1)).toEqual(['332703']);
  const conferenceRooms = await sheetColumn(workbook, 'Conferences', 'DATE', 3);
  expect(conferenceRooms).toHaveLength(19);
  expect(new Set(conferenceRooms)).toEqual(new Set(['332703']));
  const printed = await saveWith(page, app, 'Print');
  expectPdf(printed, ['ACCOUNT SUMMARY', 'Marilene BALLESTER', /Total 23:50:16 €116\.59/]);
  if (HAVE_POPPLER) {
    expect(pdfText(printed)).not.toContain('Godeau');
    expect(pdfText(printed)).not.toContain('132.07');
  }

  // Billing codes: its room's conferences only.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Billing codes' }).click();
  await expect(page.getByTestId('codes-table')).toBeVisible();
  expect(plain(await page.getByTestId('codes-total').textContent())).toBe('€116.59');
  await saveScreenshot(page, 'room-sign-in-billing-codes');
  const codes = await saveWith(page, app, 'Download');
  expect(new Set(await sheetColumn(codes, 'Conferences', 'DATE', 3))).toEqual(new Set(['332703']));
  const codesPdf = await saveWith(page, app, 'Save as PDF');
  expectPdf(codesPdf, [/116\.59/]);
  if (HAVE_POPPLER) expect(pdfText(codesPdf)).not.toContain('132.07');

  // Room detail and one of its conferences: Save as PDF and Download follow the sign-in too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Account summary' }).click();
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
  await expect(page.getByTestId('conference-count')).toHaveText('19 conferences');
  const roomPdf = await saveWith(page, app, 'Save as PDF');
  expectPdf(roomPdf, ['Marilene BALLESTER', /23:50:16/]);
  if (HAVE_POPPLER) expect(pdfText(roomPdf)).not.toContain('Godeau');
  await page.getByRole('button', { name: /Participants of the conference of/ }).first().click();
  await expect(page.getByTestId('conference-room')).toHaveText('33 270 3');
  const conference = await saveWith(page, app, 'Download');
  expect(conference).toMatch(/\.xlsx$/);
  await saveScreenshot(page, 'room-sign-in-conference');

  // The account's sign-in still sees the whole account.
  await profiles.selectOption({ label: 'Account 602127' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Account summary' }).click();
  expect((await bodyRows(page, 'summary-table')).map((row) => row[0])).toEqual(['32 002 6', '33 270 3', '33 584 8']);
  expect(errors).toEqual([]);
});
