// Searching the archive: the box finds conferences across months, opens one
// and comes back to the same results; Download, Print and Save as PDF take
// every match; the one-code conference list downloads and prints too.
// Screenshots in both languages and themes.
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { bodyRows, collectErrors, expect, openDemo, saveScreenshot, test } from './fixtures';
import { expectPdf, saveWith } from './saving';

const WORDS = {
  en: { tab: 'Search', box: 'Search the archive', button: 'Search', back: 'Back to search', any: 'Any month' },
  fr: { tab: 'Recherche', box: "Rechercher dans l'archive", button: 'Rechercher', back: 'Retour à la recherche', any: "N'importe quel mois" },
} as const;

for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${theme}`, () => {
      test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-US', colorScheme: theme });

      test(`search finds a cardholder's conferences of every month and opens one (${language}, ${theme})`, async ({ page, app }) => {
        const errors = collectErrors(page);
        const words = WORDS[language];
        await openDemo(page, app);
        await page.getByRole('button', { name: words.tab, exact: true }).click();
        const box = page.getByRole('searchbox', { name: words.box });
        await box.fill('ballester');
        await box.press('Enter');
        const table = page.getByTestId('search-table');
        await expect(table).toBeVisible();
        const rows = await bodyRows(page, 'search-table');
        expect(rows.length).toBeGreaterThan(19);
        expect(rows.every((row) => row[3] === 'Marilene BALLESTER')).toBe(true);
        // Newest first, across several months.
        const months = new Set(rows.map((row) => row[0]!.slice(-7)));
        expect(months.size).toBeGreaterThan(1);
        await saveScreenshot(page, `search-${language}-${theme}`);
        if ((language === 'en') === (theme === 'light')) {
          const results = await new AxeBuilder({ page }).include('#main').analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
        }

        // A date opens its conference; Back returns to the same results.
        await table.getByRole('button').first().click();
        await expect(page.getByTestId('participants-table')).toBeVisible();
        await page.getByRole('button', { name: words.back }).click();
        await expect(page.getByRole('searchbox', { name: words.box })).toHaveValue('ballester');
        await expect(page.getByTestId('search-table')).toBeVisible();
        expect(await bodyRows(page, 'search-table')).toHaveLength(rows.length);
        expect(errors).toEqual([]);
      });
    });
  }
}

test('the months bound the search; no match says so', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill('ballester');
  await page.getByTestId('search-from').selectOption('2009-05');
  await page.getByTestId('search-to').selectOption('2009-05');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-table')).toBeVisible();
  const may = await bodyRows(page, 'search-table');
  expect(may).toHaveLength(19);

  await box.fill('zzzz-nobody');
  await box.press('Enter');
  await expect(page.getByText('No conference matches.')).toBeVisible();
});

test('a search downloads, prints and saves as PDF with every match', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill('ballester');
  await box.press('Enter');
  await expect(page.getByTestId('search-table')).toBeVisible();
  // The table renders the rows in view only: the count says how many were found.
  const shown = Number((await page.getByTestId('search-count').innerText()).replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(19);

  const file = await saveWith(page, app, 'Download');
  expect(file).toMatch(/OAI_602127_search\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('DATE');
  expect(workbook.getWorksheet('About')!.getRow(1).getCell(1).value).toBe('Search');
  let found = 0;
  sheet.eachRow((row) => {
    if (row.values && (row.values as unknown[]).includes('Marilene BALLESTER')) found += 1;
  });
  expect(found).toBe(shown);
  expectPdf(await saveWith(page, app, 'Print'), ['SEARCH', 'ballester', `Conferences found ${shown}`, 'BALLESTER']);
  expectPdf(await saveWith(page, app, 'Save as PDF'), ['SEARCH', 'BALLESTER', /Total/]);
});

test('one billing code’s conference list downloads, prints and saves as PDF', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('button', { name: 'Billing codes', exact: true }).click();
  await page.getByTestId('codes-table').getByRole('button', { name: /^Conferences with billing code/ }).first().click();
  await expect(page.getByTestId('code-conferences-table')).toBeVisible();
  const code = (await page.getByTestId('code-name').innerText()).trim();
  const rows = await bodyRows(page, 'code-conferences-table');
  await saveScreenshot(page, 'code-conferences-en-light');

  const file = await saveWith(page, app, 'Download');
  expect(file).toMatch(/OAI_602127_2009-05_code-.+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const texts: string[] = [];
  sheet.eachRow((row) => texts.push((row.values as unknown[]).map(String).join('|')));
  expect(texts.some((line) => line.includes(code))).toBe(true);
  expectPdf(await saveWith(page, app, 'Print'), [code, /Total/]);
  expectPdf(await saveWith(page, app, 'Save as PDF'), [code]);
  expect(rows.length).toBeGreaterThan(0);
});
