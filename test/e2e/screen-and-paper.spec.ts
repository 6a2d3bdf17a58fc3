// Issue 15, points 9-13: what is on screen and on paper. Times of a month that
// crosses a daylight-saving change name their offset; the print header lines
// up in both languages; the billing-code editor's hint hides no code; a room
// without a cardholder is a link like the others; the support phone on screen,
// Home/End and Back to top on long tables. Screenshots and the print layouts'
// pages (PNG) land under test-results/ to look at.
import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Presentation, ViewRef } from '../../src/shared/bridge';
import { PRINT_READY_ATTRIBUTE, printRouteHash } from '../../src/shared/print-route';
import { accountSummary, roomConferences } from '../../src/main/cache';
import { activeProfileId, bodyRows, DEMO_SCOPE, expect, openDemo, saveScreenshot, test, type HarnessFixture } from './fixtures';
import { HAVE_POPPLER } from './saving';

const PRINT_DIR = path.resolve('test-results/print');
/** Europe/Paris went from GMT+1 to GMT+2 at 01:00 UTC on 29 March 2009. */
const MARCH_CHANGE = '2009-03-29T01:00:00Z';

/** A room whose March 2009 conferences fall on both sides of the change. */
function roomAcrossTheChange(app: HarnessFixture): string {
  const march = accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-03', 'active');
  for (const room of march.rooms) {
    const starts = roomConferences(app.services.cache.read(), DEMO_SCOPE, '2009-03', room.roomNumber).map((c) => c.start);
    if (starts.some((s) => s < MARCH_CHANGE) && starts.some((s) => s > MARCH_CHANGE)) return room.roomNumber;
  }
  throw new Error('no room of the demo crosses the March change');
}

/** The print layout of a view in a tab of its own, ready; its PDF and PNG pages under test-results/print/. */
async function printed(browser: Browser, app: HarnessFixture, view: ViewRef, presentation: Presentation, name: string): Promise<Page> {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(app.url + printRouteHash(view, presentation));
  await expect(tab.locator(`html[${PRINT_READY_ATTRIBUTE}]`)).toHaveCount(1, { timeout: 20_000 });
  if (HAVE_POPPLER) {
    mkdirSync(PRINT_DIR, { recursive: true });
    for (const old of readdirSync(PRINT_DIR)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) rmSync(path.join(PRINT_DIR, old));
    const pdf = path.join(PRINT_DIR, `${name}.pdf`);
    writeFileSync(pdf, await tab.pdf({ printBackground: true, preferCSSPageSize: true }));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PRINT_DIR, name)]);
  }
  return tab;
}

/** How many lines of text each element matching `selector` shows. */
function textLines(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
}

for (const language of ['en', 'fr'] as const) {
  test.describe(`in ${language === 'fr' ? 'French' : 'English'}`, () => {
    test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-GB' });

    test('a month crossing the summer-time change names each time its offset, on screen and in print (point 9)', async ({ page, app, browser }) => {
      await openDemo(page, app);
      const roomNumber = roomAcrossTheChange(app);
      await page.getByTestId('period-select').selectOption('2009-03');
      await page.getByTestId('room-display').selectOption('all');
      await page.getByLabel(language === 'fr' ? 'Filtrer les salles' : 'Filter rooms').fill(roomNumber);
      await page.getByTestId('summary-table').locator('.link-button').first().click();
      const table = page.getByTestId('room-table');
      await expect(table.getByRole('columnheader', { name: /\[GMT\+1\/\+2\]/ })).toBeVisible();
      const times = (await bodyRows(page, 'room-table')).map((row) => row[1]!);
      for (const time of times) expect(time).toMatch(/^\d\d:\d\d \(GMT\+[12]\)$/);
      expect(times[0]).toMatch(/\(GMT\+1\)$/);
      // Newest first: the rows after the change, then those before it, in one screen.
      const dateHeader = table.getByRole('columnheader', { name: 'Date' });
      await dateHeader.getByRole('button').click();
      await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
      const newest = (await bodyRows(page, 'room-table')).map((row) => row[1]!);
      expect(newest[0]).toMatch(/\(GMT\+2\)$/);
      await saveScreenshot(page, `i15-dst-room-${language}`);

      const view: ViewRef = { kind: 'room', profileId: activeProfileId(app), period: '2009-03', roomNumber, sort: { column: 'date', direction: 'descending' } };
      const tab = await printed(browser, app, view, { language: language === 'fr' ? 'fr' : 'en-GB', dateStyle: 'locale' }, `i15-dst-room-${language}`);
      const printedTimes = await tab.locator('.print-table tbody tr:not(.print-total) td:nth-child(2)').allTextContents();
      expect(printedTimes[0]).toMatch(/^\d\d:\d\d \(GMT\+2\)$/);
      expect(printedTimes.at(-1)).toMatch(/^\d\d:\d\d \(GMT\+1\)$/);

      // A month with one offset keeps its short times.
      const may = await printed(browser, app, { ...view, period: '2009-05', roomNumber: '332703' }, { language: 'fr', dateStyle: 'locale' }, `i15-may-room-${language}`);
      for (const time of await may.locator('.print-table tbody tr:not(.print-total) td:nth-child(2)').allTextContents()) expect(time).toMatch(/^\d\d:\d\d$/);
    });

    test('the room print header lines up: its fact blocks share one top, service types on one line (point 10)', async ({ page, app, browser }) => {
      await openDemo(page, app);
      const view: ViewRef = { kind: 'room', profileId: activeProfileId(app), period: '2009-05', roomNumber: '332703', sort: null };
      const tab = await printed(browser, app, view, { language: language === 'fr' ? 'fr' : 'en-GB', dateStyle: 'locale' }, `i15-room-header-${language}`);
      const groups = await tab.locator('.print-fact-group').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().top));
      expect(groups.length).toBe(2);
      expect(groups[1]).toBe(groups[0]);
      // Each fact on one line.
      expect(await textLines(tab, '.print-fact dd')).toEqual(await tab.locator('.print-fact dd').evaluateAll((elements) => elements.map(() => 1)));
      // Every service type cell holds one line of text.
      const serviceTypes = await textLines(tab, '.print-table tbody tr:not(.print-total) td:nth-child(4)');
      expect(serviceTypes).toEqual(Array<number>(19).fill(1));
    });
  });
}

const WORDS = {
  en: { filter: 'Filter rooms', noCardholder: 'No cardholder', editHelp: 'Enter to save, Esc to cancel', idle: 'Click a billing code to change it.' },
  fr: { filter: 'Filtrer les salles', noCardholder: 'Sans titulaire', editHelp: 'Entrée pour enregistrer, Échap pour annuler', idle: 'Cliquez sur un code de facturation pour le modifier.' },
} as const;

/** The element at the centre of a locator's box is the locator's element or inside it: nothing covers it. */
async function uncovered(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (element === top || element.contains(top));
  });
}

for (const language of ['en', 'fr'] as const) {
  test.describe(`${language === 'fr' ? 'French' : 'English'} screens`, () => {
    test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-GB' });
    const words = WORDS[language];

    test('the billing-code editor says its keys in the caption bar, hiding no other row (point 11)', async ({ page, app }) => {
      await openDemo(page, app);
      await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
      const table = page.getByTestId('room-table');
      await expect(table).toBeVisible();
      await expect(page.getByTestId('table-caption')).toHaveText(words.idle);
      const rowAt = (index: number) => table.locator(`[role="row"][aria-rowindex="${index}"]`);
      const nextCode = rowAt(3).locator('.cell-code button').first();
      await expect(nextCode).toBeVisible();
      await rowAt(2).locator('.cell-code button').first().click();
      await expect(rowAt(2).getByRole('combobox')).toBeFocused();
      await expect(page.getByTestId('code-help')).toBeVisible();
      // The next rows' codes stay in sight while the editor is open.
      expect(await uncovered(nextCode)).toBe(true);
      expect(await uncovered(rowAt(4).locator('.cell-code button').first())).toBe(true);
      await expect(page.getByTestId('code-help')).toHaveText(words.editHelp);
      await expect(page.getByTestId('table-caption')).toContainText(words.editHelp);
      await saveScreenshot(page, `i15-code-hint-${language}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await saveScreenshot(page, `i15-code-hint-${language}-dark`);
      await rowAt(2).getByRole('combobox').press('Escape');
      await expect(page.getByTestId('table-caption')).toHaveText(words.idle);
    });

    test('a room without a cardholder is a link like the others, by mouse and keyboard (point 12)', async ({ page, app }) => {
      await openDemo(page, app);
      const all = accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-05', 'all').rooms;
      const nobody = all.find((room) => room.cardholder === null)!;
      const named = all.find((room) => room.cardholder !== null && room.roomNumber.startsWith(nobody.roomNumber.slice(0, 1)))!;
      await page.getByTestId('room-display').selectOption('all');
      const filter = page.getByLabel(words.filter);
      await filter.fill(named.roomNumber);
      const namedLink = page.getByTestId('summary-table').locator('.link-button').first();
      const linkLook = (link: typeof namedLink) => link.evaluate((element) => ({ color: getComputedStyle(element.firstElementChild ?? element).color, cursor: getComputedStyle(element).cursor }));
      const expected = await linkLook(namedLink);
      await filter.fill(nobody.roomNumber);
      const link = page.getByTestId('summary-table').getByRole('button', { name: new RegExp(words.noCardholder) });
      await expect(link).toHaveText(words.noCardholder);
      expect(await linkLook(link)).toEqual(expected);
      await saveScreenshot(page, `i15-no-cardholder-${language}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await link.hover();
      await saveScreenshot(page, `i15-no-cardholder-${language}-dark`);
      // Tab reaches it from the filter box; Enter opens the room.
      await filter.focus();
      for (let i = 0; i < 12 && !(await link.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(link).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('room-table')).toBeVisible();
      await expect(page.getByTestId('room-cardholder')).toContainText(words.noCardholder);
    });
  });
}

for (const language of ['en', 'fr'] as const) {
  test.describe(`${language === 'fr' ? 'French' : 'English'} long tables`, () => {
    test.use({ osLocale: language === 'fr' ? 'fr-FR' : 'en-GB' });

    test('the support phone is on screen; Home, End and Go to top move through a long table (point 13)', async ({ page, app }) => {
      await openDemo(page, app);
      const phone = accountSummary(app.services.cache.read(), DEMO_SCOPE, '2009-05', 'all').account?.supportPhone;
      expect(phone).toBeTruthy();
      await expect(page.getByTestId('support-phone')).toHaveText(`${language === 'fr' ? 'Assistance : ' : 'Support: '}${phone!}`);

      await page.getByTestId('room-display').selectOption('all');
      const table = page.getByTestId('summary-table');
      await expect(table).toHaveAttribute('aria-rowcount', '42');
      const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null);
      const goToTop = page.getByTestId('go-to-top');
      await expect(goToTop).toHaveCount(0);

      await table.locator('.link-button').first().focus();
      await page.keyboard.press('End');
      await expect.poll(focusedRow).toBe('41');
      await expect(table.locator('[aria-rowindex="41"]')).toBeInViewport();
      await expect(goToTop).toBeVisible();
      await expect(goToTop).toHaveText(language === 'fr' ? '↑ Haut de page' : '↑ Go to top');
      // It hides no row: the last rows' cells stay in sight.
      const lastCells = table.locator('[aria-rowindex="41"] [role="cell"]:not(:empty), [aria-rowindex="40"] [role="cell"]:not(:empty)');
      await expect(lastCells).toHaveCount(8);
      for (const cell of await lastCells.all()) expect(await uncovered(cell)).toBe(true);
      await saveScreenshot(page, `i15-long-table-${language}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await saveScreenshot(page, `i15-long-table-${language}-dark`);

      await page.keyboard.press('Home');
      await expect.poll(focusedRow).toBe('2');
      await expect.poll(() => table.evaluate((element) => element.scrollTop)).toBe(0);
      await expect(goToTop).toHaveCount(0);

      // The table itself takes Tab, then End; Go to top brings the first row back.
      await table.focus();
      await page.keyboard.press('End');
      await expect.poll(focusedRow).toBe('41');
      await goToTop.click();
      await expect.poll(() => table.evaluate((element) => element.scrollTop)).toBe(0);
      await expect.poll(focusedRow).toBe('2');
      await expect(goToTop).toHaveCount(0);
    });
  });
}
