// Reports across months on the demo account, in both languages and themes:
// trends (the account's, a room's, a code's), the chargeback report (codes
// and rooms), the summary's compare column and attention panel; screenshots
// under test-results/screenshots/, and the chargeback's Download, Print and
// Save as PDF (its pages as PNGs under test-results/print/).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { bodyRows, expect, holdBridgeCall, openDemo, plain, saveScreenshot, test } from './fixtures';
import { expectPdf, HAVE_POPPLER, saveWith } from './saving';

const WORDS = {
  en: { trends: 'Trends', chargeback: 'Chargeback', rooms: 'Rooms', compare: 'Compare with earlier months', attention: 'Deserves attention', summary: 'Account summary' },
  fr: { trends: 'Tendances', chargeback: 'Refacturation', rooms: 'Salles', compare: 'Comparer aux mois précédents', attention: 'À surveiller', summary: 'Récapitulatif du compte' },
} as const;

/** axe finds no serious or critical violation (checked in English, light, as views.spec.ts does for its views). */
async function expectAccessible(page: Page, view: string, check: boolean): Promise<void> {
  if (!check) return;
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious).toEqual([]);
}

async function chartDrawn(page: Page): Promise<void> {
  await expect(page.getByTestId('bar-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
}

for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`trends, chargeback, compare and attention (${language}, ${theme})`, async ({ page, app }) => {
      test.setTimeout(120_000);
      const words = WORDS[language];
      const axe = language === 'en' && theme === 'light';
      const shot = async (view: string) => {
        await saveScreenshot(page, `${view}-${language}-${theme}`);
        await expectAccessible(page, view, axe);
      };
      await page.emulateMedia({ colorScheme: theme });
      await app.services.handlers.updateSettings({ language: language === 'en' ? 'en-GB' : 'fr' });
      await openDemo(page, app);
      const nav = page.getByRole('navigation');

      // The summary: attention panel and compare column.
      await expect(page.getByTestId('attention-panel')).toContainText(words.attention);
      await page.getByTestId('compare-toggle').click();
      await expect(page.getByRole('columnheader', { name: /vs|\// }).first()).toBeVisible();
      await shot('summary-compare');

      // Trends of the account: chart and table; the same total as the chargeback over the same months.
      await nav.getByRole('button', { name: words.trends }).click();
      await chartDrawn(page);
      const months = await bodyRows(page, 'trends-table');
      expect(months.length).toBeGreaterThan(1);
      const trendsTotal = plain(await page.getByTestId('trends-total').textContent());
      await shot('trends');

      await nav.getByRole('button', { name: words.chargeback }).click();
      await chartDrawn(page);
      await expect(page.getByTestId('chargeback-table')).toBeVisible();
      expect(plain(await page.getByTestId('chargeback-total').textContent())).toBe(trendsTotal);
      await shot('chargeback-codes');
      await page.getByTestId('chargeback-by').selectOption('room');
      await expect(page.getByTestId('chargeback-table')).toContainText(/33\s?270\s?3/);
      expect(plain(await page.getByTestId('chargeback-total').textContent())).toBe(trendsTotal);
      await shot('chargeback-rooms');

      // A room's trend, then a month of it opens the room in that month.
      const firstRoom = page.getByTestId('chargeback-table').locator('.table-body [role="row"]').first().getByRole('button');
      await firstRoom.click();
      await chartDrawn(page);
      await shot('trends-room');
      await page.getByTestId('trends-table').locator('.table-body [role="row"]').first().getByRole('button').click();
      await expect(page.getByTestId('room-table')).toBeVisible();
    });
  }
}

test('the chargeback downloads, prints and saves as PDF with its chart', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openDemo(page, app);
  await page.getByRole('navigation').getByRole('button', { name: 'Chargeback' }).click();
  await chartDrawn(page);
  const total = plain(await page.getByTestId('chargeback-total').textContent());

  const workbook = await saveWith(page, app, 'Download');
  expect(path.basename(workbook)).toBe('OAI_602127_chargeback-code_last-12-months.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet('Chargeback')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Billing Code');
  expect(book.getWorksheet('About')!.getRow(1).getCell(1).value).toBe('Chargeback');

  const pdf = await saveWith(page, app, 'Save as PDF');
  expectPdf(pdf, ['CHARGEBACK', 'Account Number 602127', 'Grouped by Billing codes', 'Unallocated', total.replace(/[.$€]/g, (c) => `\\${c}`) ? new RegExp(total.replace(/[.$€]/g, (c) => `\\${c}`)) : total]);
  if (HAVE_POPPLER) {
    const dir = path.resolve('test-results/print');
    mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'chargeback')]);
  }
  const printed = await saveWith(page, app, 'Print');
  expectPdf(printed, ['CHARGEBACK']);
});

test('a code’s trend opens from its conference list', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('navigation').getByRole('button', { name: 'Billing codes' }).click();
  await page.getByRole('button', { name: 'Conferences with billing code BOARD' }).click();
  await page.getByTestId('code-trend').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Billing code BOARD over time');
  await chartDrawn(page);
});

test('choosing a period: the summary is asked first, and the attention panel keeps its lists until the month’s own arrive', async ({ page, app }) => {
  await openDemo(page, app);
  const panel = page.getByTestId('attention-panel');
  await expect(panel).toHaveAttribute('open', '');
  await expect(panel.locator('.attention-lists li').first()).toBeVisible();
  const calls: string[] = [];
  page.on('request', (request) => {
    const name = /\/__bridge\/(\w+)$/.exec(request.url())?.[1];
    if (name === 'accountSummary' || name === 'attention') calls.push(name);
  });
  // The month's attention answers slowly: meanwhile the previous lists stay, inert, and the panel stays open.
  const release = await holdBridgeCall(page, 'attention');
  const select = page.getByTestId('period-select');
  const second = (await select.locator('option').nth(1).getAttribute('value')) ?? '';
  await select.selectOption(second);
  await expect.poll(() => calls).toEqual(['accountSummary', 'attention']);
  await expect(panel).toHaveAttribute('aria-busy', 'true');
  await expect(panel).toHaveAttribute('open', '');
  await expect(panel.locator('.attention-lists')).toHaveAttribute('inert', '');
  release();
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');
  await expect(panel.locator('.attention-lists')).not.toHaveAttribute('inert', '');
});

test('a summary that fails to load does not leave the attention panel waiting for it', async ({ page, app }) => {
  await openDemo(page, app);
  const panel = page.getByTestId('attention-panel');
  await expect(panel.locator('.attention-lists li').first()).toBeVisible();
  await page.route('**/__bridge/accountSummary', (route) => route.abort('failed'));
  const select = page.getByTestId('period-select');
  await select.selectOption((await select.locator('option').nth(1).getAttribute('value')) ?? '');
  // The summary shows its error; the panel loads the month on its own.
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');
  await expect(panel.locator('.attention-lists')).not.toHaveAttribute('inert', '');
});
