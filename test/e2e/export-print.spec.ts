// Download (Excel), Print and Save as PDF on every view, and the print layout
// route itself. In the harness every save lands in the fixture's downloads
// folder: the workbooks are read back with exceljs, the PDFs with poppler
// (pdfinfo, pdftotext); the layouts are also rendered to PNG pages under
// test-results/print/ for review.
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Presentation, ViewRef } from '../../src/shared/bridge';
import { PRINT_READY_ATTRIBUTE, printRouteHash } from '../../src/shared/print-route';
import { startDemoProvider } from '../../src/main/demo';
import { accountSummary, billingCodeSummary, roomConferences } from '../../src/main/cache';
import { activeProfileId, DEMO_SCOPE, expect, openDemo, openProvider, plain, saveScreenshot, SEED_NOW, test, waitForSynced, type HarnessFixture } from './fixtures';
import { expectPdf, HAVE_POPPLER, pdfText, saveWith } from './saving';

const PRINT_DIR = path.resolve('test-results/print');
const ACCOUNT = '602127';

/** The first table's heading (the first cell of the About sheet, the last one) and the last value of the first sheet's Total row. */
async function workbookHeadingAndTotal(file: string): Promise<{ heading: unknown; total: unknown }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  let total: unknown = undefined;
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (total === undefined && (label === 'Total' || label === 'Total shown')) {
      const cell = row.getCell(row.cellCount);
      const value = cell.value as { result?: unknown } | null;
      total = value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
    }
  });
  return { heading: workbook.worksheets.at(-1)!.getRow(1).getCell(1).value, total };
}

/** The PDF's pages as PNG files under test-results/print/, to look at. */
function renderPngs(pdf: string, name: string): void {
  mkdirSync(PRINT_DIR, { recursive: true });
  for (const old of readdirSync(PRINT_DIR)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) rmSync(path.join(PRINT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PRINT_DIR, name)]);
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Download, Print and Save as PDF of the view on screen. */
async function exportEverywhere(
  page: Page,
  app: HarnessFixture,
  expected: { file: string; heading: string; total: number; pdfTexts: readonly (string | RegExp)[] },
): Promise<void> {
  const workbook = await saveWith(page, app, 'Download');
  expect(path.basename(workbook)).toBe(expected.file);
  expect(await workbookHeadingAndTotal(workbook)).toEqual({ heading: expected.heading, total: expected.total });
  const printed = await saveWith(page, app, 'Print');
  expectPdf(printed, expected.pdfTexts);
  const saved = await saveWith(page, app, 'Save as PDF');
  expect(saved).not.toBe(printed);
  expectPdf(saved, expected.pdfTexts);
}

test('Download, Print and Save as PDF on every view save what the view shows', async ({ page, app }) => {
  await openDemo(page, app);
  const mayConferences = accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-05', 'all').total.conferenceCount;

  await exportEverywhere(page, app, {
    file: `OAI_${ACCOUNT}_2009-05_summary.xlsx`,
    heading: 'Account Summary',
    total: 132.07,
    pdfTexts: ['ACCOUNT SUMMARY', 'Account Number 602127', 'Since 5/1/2009 — Not invoiced', /Total 26:50:08 €132\.07/, 'Page 1 / 1'],
  });
  // The filter and sort of the view go with it.
  await page.getByLabel('Filter rooms').fill('ballester');
  const filtered = await saveWith(page, app, 'Save as PDF');
  expectPdf(filtered, ['Filter ballester', /Total shown 23:50:16 €116\.59/]);
  if (HAVE_POPPLER) expect(pdfText(filtered)).not.toContain('Godeau');
  await page.getByLabel('Filter rooms').fill('');

  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  await expect(page.getByTestId('room-table')).toBeVisible();
  await exportEverywhere(page, app, {
    file: `OAI_${ACCOUNT}_2009-05_room-332703.xlsx`,
    heading: 'Conference List',
    total: 116.59,
    pdfTexts: ['CONFERENCE LIST', 'Room Number 33 270 3', 'Cardholder Marilene BALLESTER', /Total 75 06:55:11 23:50:16 €116\.59/],
  });

  await page.getByRole('button', { name: /Participants of the conference/ }).first().click();
  await expect(page.getByTestId('participants-table')).toBeVisible();
  const conferenceTotal = plain(await page.getByTestId('participants-total').textContent());
  expect(conferenceTotal).toBe('€8.76');
  const workbookName = /^OAI_602127_2009-05-06_\d{4}_room-33-270-3\.xlsx$/;
  const workbook = await saveWith(page, app, 'Download');
  expect(path.basename(workbook)).toMatch(workbookName);
  expect(await workbookHeadingAndTotal(workbook)).toEqual({ heading: 'Conference', total: 8.76 });
  expectPdf(await saveWith(page, app, 'Print'), ['CONFERENCE', '6 participants', /€8\.76/]);
  expectPdf(await saveWith(page, app, 'Save as PDF'), ['CONFERENCE', 'Sophie Girard']);

  await page.getByRole('button', { name: 'Billing codes' }).click();
  await expect(page.getByTestId('codes-table')).toBeVisible();
  await exportEverywhere(page, app, {
    file: `OAI_${ACCOUNT}_2009-05_billing-codes.xlsx`,
    heading: 'Billing Codes',
    total: 132.07,
    pdfTexts: ['BILLING CODES', 'Unallocated', new RegExp(`Total ${mayConferences} 26:50:08 €132\\.07`)],
  });

  // Everything landed in the downloads folder: 4 workbooks, 9 PDFs.
  const files = readdirSync(app.downloadsDir);
  expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(4);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(9);
});

test('a failed save says why and where, and the buttons work again', async ({ page, app }) => {
  await openDemo(page, app);
  rmSync(app.downloadsDir, { recursive: true, force: true });
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const notice = page.getByTestId('export-notice');
  await expect(notice).toHaveAttribute('data-tone', 'error', { timeout: 30_000 });
  // Why in the user's words; where and the system's reason under Details.
  await expect(notice.getByRole('alert')).toContainText('The file could not be written.');
  await notice.getByText('Details').click();
  await expect(notice.locator('pre')).toContainText(`Could not save ${path.join(app.downloadsDir, `OAI_${ACCOUNT}_2009-05_summary.xlsx`)}: the folder does not exist (ENOENT).`);
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeEnabled();
  await saveScreenshot(page, 'summary-export-failed-en-light');
  // An error stays until dismissed.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  mkdirSync(app.downloadsDir);
  const saved = await saveWith(page, app, 'Download', undefined, 'summary-export-saved-en-light');
  expect(path.basename(saved)).toBe(`OAI_${ACCOUNT}_2009-05_summary.xlsx`);
});

test('an archived month prints marked archived', async ({ page, app }) => {
  test.skip(!HAVE_POPPLER, 'needs poppler-utils');
  // A provider at 20 May 2009 serves February to May; a month later, March to June.
  const may = await startDemoProvider({ now: SEED_NOW, rooms: 3 });
  const port = Number(new URL(may.url).port);
  await openProvider(page, app, may);
  await may.close();
  const june = await startDemoProvider({ now: '2009-06-20', rooms: 3, port });
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('period-select').locator('option')).toHaveCount(5, { timeout: 30_000 });
    await waitForSynced(page);
  } finally {
    await june.close();
  }
  await page.getByTestId('period-select').selectOption('2009-02');
  await expect(page.getByTestId('period-archived')).toBeVisible();
  const file = await saveWith(page, app, 'Save as PDF');
  expectPdf(file, [
    /ACCOUNT SUMMARY ARCHIVED/,
    'February 2009 — Invoiced (archived)',
    'The provider no longer serves this month. It is kept on this computer.',
  ]);
  renderPngs(file, 'summary-archived-en');
});

test.describe('in French', () => {
  test.use({ osLocale: 'fr-FR' });

  test('the buttons are labelled and the PDF is written in French', async ({ page, app }) => {
    await openDemo(page, app);
    const group = page.getByRole('group', { name: 'Télécharger et imprimer' });
    await expect(group.getByRole('button', { name: 'Télécharger', exact: true })).toBeVisible();
    await expect(group.getByRole('button', { name: 'Imprimer', exact: true })).toBeVisible();
    await group.getByRole('button', { name: 'Enregistrer en PDF', exact: true }).click();
    const notice = page.getByTestId('export-notice');
    await expect(notice).toContainText('Enregistré dans', { timeout: 30_000 });
    const file = (await page.getByTestId('export-path').getAttribute('title'))!;
    expect(path.dirname(file)).toBe(app.downloadsDir);
    expectPdf(file, [
      'RÉCAPITULATIF DU COMPTE',
      'Depuis le 1/05/2009 — Non facturé',
      /Total 26:50:08 132,07 €/,
      'Pour toute assistance, appelez le +32 2 789 00 10',
      'Page 1 / 1',
    ]);
  });
});

test.describe('print layouts', () => {
  // Enough rooms for a two-page summary and thousands of conferences in April.
  test.use({ demo: { now: SEED_NOW, rooms: 50, perRoom: 400 } });

  test('each view prints with its header block, every row, the total, page numbers and footer', async ({ page, app, browser }) => {
    test.skip(!HAVE_POPPLER, 'needs poppler-utils');
    test.setTimeout(90_000);
    mkdirSync(PRINT_DIR, { recursive: true });
    await openDemo(page, app);

    // The busiest room of April: hundreds of conferences, many pages.
    const april = accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-04', 'active');
    const bigRoom = [...april.rooms].sort((a, b) => b.conferenceCount - a.conferenceCount)[0]!;
    expect(bigRoom.conferenceCount).toBeGreaterThan(300);
    const marilene = roomConferences(app.services.cache.read(), DEMO_SCOPE, '2009-05', '332703');
    const profileId = activeProfileId(app);
    const en: Presentation = { language: 'en-US', dateStyle: 'locale' };
    const fr: Presentation = { language: 'fr', dateStyle: 'locale' };
    const layouts: { name: string; view: ViewRef; presentation: Presentation; title: string; rows: number; total: RegExp }[] = [
      {
        name: 'summary-en',
        view: { kind: 'summary', profileId, period: '2009-05', display: 'active', filter: '', sort: null },
        presentation: en,
        title: 'Account Summary',
        rows: 3,
        total: /^Total 26:50:08 €132\.07$/,
      },
      {
        name: 'summary-all-fr',
        view: { kind: 'summary', profileId, period: '2009-04', display: 'all', filter: '', sort: { column: 'charge', direction: 'descending' } },
        presentation: fr,
        title: 'Récapitulatif du compte',
        rows: 50,
        total: /^Total \d+:\d\d:\d\d [\d ]+,\d\d €$/,
      },
      {
        name: 'room-big-en',
        view: { kind: 'room', profileId, period: '2009-04', roomNumber: bigRoom.roomNumber, sort: null },
        presentation: en,
        title: 'Conference List',
        rows: bigRoom.conferenceCount,
        total: /^Total [\d,]+ \d+:\d\d:\d\d \d+:\d\d:\d\d €[\d,]+\.\d\d$/,
      },
      {
        name: 'room-fr-iso',
        view: { kind: 'room', profileId, period: '2009-05', roomNumber: '332703', sort: { column: 'charge', direction: 'descending' } },
        presentation: { language: 'fr', dateStyle: 'iso' },
        title: 'Liste des conférences',
        rows: 19,
        total: /^Total 75 06:55:11 23:50:16 116,59 €$/,
      },
      {
        name: 'codes-en',
        view: { kind: 'billingCodes', profileId, period: '2009-05' },
        presentation: en,
        title: 'Billing Codes',
        rows: billingCodeSummary(app.services.cache.read(), DEMO_SCOPE, '2009-05').length,
        total: new RegExp(`^Total ${accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-05', 'all').total.conferenceCount} 26:50:08 €132\\.07$`),
      },
      {
        name: 'conference-en',
        view: { kind: 'conference', profileId, period: '2009-05', conferenceId: marilene[0]!.id },
        presentation: en,
        title: 'Conference',
        rows: 6,
        total: /^Total 6 participants 01:38:31 €8\.76$/,
      },
    ];

    // A dark OS theme must not reach the paper.
    const context = await browser.newContext({ colorScheme: 'dark' });
    try {
      for (const layout of layouts) {
        const tab = await context.newPage();
        await tab.goto(app.url + printRouteHash(layout.view, layout.presentation));
        await expect(tab.locator(`html[${PRINT_READY_ATTRIBUTE}]`)).toHaveCount(1, { timeout: 20_000 });
        // Only the layout: no top bar, no status bar.
        await expect(tab.locator('.topbar, .statusbar')).toHaveCount(0);
        await expect(tab.locator('.print-brand')).toHaveText('OAI Desktop — Online Account Information');
        await expect(tab.getByRole('heading', { level: 1 })).toHaveText(layout.title);
        await expect(tab.locator('.print-table tbody tr:not(.print-total)')).toHaveCount(layout.rows);
        expect(plain((await tab.getByTestId('print-total').locator('td').allTextContents()).join(' '))).toMatch(layout.total);
        const colors = await tab.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
        expect(colors).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
        const pdf = path.join(PRINT_DIR, `${layout.name}.pdf`);
        writeFileSync(pdf, await tab.pdf({ printBackground: true, preferCSSPageSize: true }));
        renderPngs(pdf, layout.name);
        await tab.close();
      }
    } finally {
      await context.close();
    }

    // The multi-page room, saved through the app as the user would.
    await page.getByTestId('period-select').selectOption('2009-04');
    await page.getByLabel('Filter rooms').fill(bigRoom.roomNumber);
    await expect(page.getByText(/^1 room of \d+$/)).toBeVisible();
    await page.getByTestId('summary-table').getByRole('button', { name: /^Conferences of / }).click();
    await expect(page.getByTestId('room-table')).toBeVisible();
    // Hold the request a moment, so the export surely runs for over a second.
    await page.route('**/__bridge/savePdf', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const file = await saveWith(page, app, 'Save as PDF', async () => {
      // While it runs, the three buttons wait; after a second the progress shows.
      const group = page.getByRole('group', { name: 'Download and print' });
      for (const name of ['Download', 'Print', 'Save as PDF']) await expect(group.getByRole('button', { name, exact: true })).toBeDisabled();
      await expect(page.getByTestId('export-progress')).toContainText('Creating the PDF…');
      await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
      await saveScreenshot(page, 'room-export-progress-en-light');
    });
    await expect(page.getByRole('group', { name: 'Download and print' }).getByRole('button', { name: 'Download', exact: true })).toBeEnabled();
    const pages = pdfPages(file);
    // About 25 to 40 rows fit on an A4 page.
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(bigRoom.conferenceCount / 45));
    expect(pages).toBeLessThanOrEqual(Math.ceil(bigRoom.conferenceCount / 20) + 1);
    const first = pdfText(file, 1);
    expect(first).toContain('CONFERENCE LIST');
    expect(first).toContain('April 2009 — Invoiced');
    expect(first).toContain('For assistance please call +32 2 789 00 10');
    expect(first).toContain(`Page 1 / ${pages}`);
    const second = pdfText(file, 2);
    // The table header repeats, and the running header names the document.
    const repeatedHeader = /^(.*?)\d+\/\d+\/2009 /.exec(second)?.[1] ?? '';
    for (const header of ['Date', 'Time', '[GMT+2]', 'Quantity', 'Service Type', 'Billing', 'Length', 'Accum. Time', 'Charge']) {
      expect(repeatedHeader).toContain(header);
    }
    expect(second).toContain(`Conference List — ${bigRoom.roomNumber.slice(0, 2)} `);
    expect(second).toContain(`Page 2 / ${pages}`);
    expect(second).toMatch(/Generated \d+\/\d+\/\d{4} \d+:\d\d [AP]M · For assistance please call \+32 2 789 00 10/);
    expect(second).not.toContain('CONFERENCE LIST');
    const last = pdfText(file, pages);
    expect(last).toMatch(/Total [\d,]+ \d+:\d\d:\d\d \d+:\d\d:\d\d €[\d,]+\.\d\d/);
    expect(pdfText(file, pages - 1)).not.toMatch(/\bTotal\b/);
  });
});

test('Save as PDF and Print of a conference no longer in the cache fail like Download does, and write nothing', async ({ page, app }) => {
  await openDemo(page, app);
  const view: ViewRef = { kind: 'conference', profileId: activeProfileId(app), period: '2009-05', conferenceId: 'c-200905-999999' };
  const presentation: Presentation = { language: 'en-US', dateStyle: 'locale' };
  await expect(app.services.handlers.exportView({ view, presentation })).rejects.toMatchObject({ code: 'export_failed' });
  await expect(app.services.handlers.savePdf({ view, presentation })).rejects.toMatchObject({ code: 'print_failed' });
  await expect(app.services.handlers.printView({ view, presentation })).rejects.toMatchObject({ code: 'print_failed' });
  expect(readdirSync(app.downloadsDir).filter((name) => !name.startsWith('.'))).toEqual([]);
});
