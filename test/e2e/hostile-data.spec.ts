// Provider data the app cannot show as sent, and views that throw anyway:
// an account time zone this runtime does not know is shown in UTC with a
// note (screen, print, Excel); a view that throws while rendering shows an
// error panel with Back to summary, the rest of the app usable.
import { execFileSync, spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { roomConferences } from '../../src/main/cache';
import { formatDate, formatTime } from '../../src/shared/format';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE, printRouteHash } from '../../src/shared/print-route';
import { activeProfileId, bodyRows, collectErrors, DEMO_SCOPE, expect, openDemo, plain, saveScreenshot, SEED_NOW, test } from './fixtures';
import { saveWith } from './saving';

const ROOM = '332703';
const UNKNOWN_ZONE = 'Mars/Olympus_Mons';
const NOTE = `Times in UTC: the provider’s time zone "${UNKNOWN_ZONE}" is not known.`;
const EN = { language: 'en-US', dateStyle: 'locale' } as const;
const HAVE_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;

/** All text cells of a workbook, every sheet. */
async function workbookTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
  return texts;
}

function expectPdfNote(file: string): void {
  expect(file).toMatch(/\.pdf$/);
  if (!HAVE_PDFTOTEXT) return;
  const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  expect(text).toContain(plain(NOTE));
  expect(text).toContain('Time [GMT]');
}

test.describe('an account time zone this runtime does not know', () => {
  test.use({ demo: { now: SEED_NOW, rooms: 40, timeZone: UNKNOWN_ZONE } });

  test('room and conference show UTC times with a note; print and Excel say so too', async ({ page, app }) => {
    const errors = collectErrors(page);
    await openDemo(page, app);
    const first = roomConferences(app.services.cache.read(), DEMO_SCOPE, '2009-05', ROOM)[0]!;
    const utcTime = formatTime(first.start, 'UTC', EN);

    // The room: UTC times, the Time header says GMT, the note above the list.
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('time-zone-note')).toHaveText(NOTE);
    await expect(page.getByRole('columnheader', { name: 'Time [GMT]' })).toBeVisible();
    const rows = await bodyRows(page, 'room-table');
    expect(rows).toHaveLength(19);
    expect(rows[0]!.slice(0, 2)).toEqual([formatDate(first.start, 'UTC', EN), utcTime]);
    await saveScreenshot(page, 'unknown-time-zone-room-en-light');

    const workbook = await saveWith(page, app, 'Download');
    expect(await workbookTexts(workbook)).toContain(NOTE);
    expectPdfNote(await saveWith(page, app, 'Print'));

    // The conference: its time and the participants' joined/left times in UTC, with the note.
    await page.getByRole('button', { name: new RegExp(`Participants of the conference of .* ${utcTime}`) }).first().click();
    await expect(page.getByRole('heading', { name: 'Conference' })).toBeVisible();
    await expect(page.getByTestId('time-zone-note')).toHaveText(NOTE);
    await expect(page.getByText('Time [GMT]', { exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Joined [GMT]' })).toBeVisible();
    await saveScreenshot(page, 'unknown-time-zone-conference-en-light');
    expect(await workbookTexts(await saveWith(page, app, 'Download'))).toContain(NOTE);
    expectPdfNote(await saveWith(page, app, 'Save as PDF'));

    // Back through the room to the summary: nothing threw anywhere.
    await page.getByRole('button', { name: 'Back to conference list' }).click();
    await page.getByRole('button', { name: 'Back to summary' }).click();
    await expect(page.getByTestId('summary-table')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

/**
 * Makes this page's Intl fail to format in a time zone (as a runtime whose
 * time zone data lacks it would), from `zone` on or once failIn() names one:
 * a fault of the environment, injected by the test alone, that makes any
 * view showing times in that zone throw while rendering.
 */
async function injectIntlFault(page: Page, zone?: string): Promise<void> {
  await page.addInitScript((initialZone) => {
    const target = window as unknown as { __failZone?: string };
    if (initialZone) target.__failZone = initialZone;
    const proto = Intl.DateTimeFormat.prototype;
    const fails = (format: Intl.DateTimeFormat) => target.__failZone !== undefined && format.resolvedOptions().timeZone === target.__failZone;
    const fault = () => new RangeError(`injected: no time zone data for ${target.__failZone}`);
    // The originals, called on the right `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const formatGetter = Object.getOwnPropertyDescriptor(proto, 'format')!.get!;
    Object.defineProperty(proto, 'format', {
      configurable: true,
      get(this: Intl.DateTimeFormat) {
        const format = formatGetter.call(this) as (date?: Date | number) => string;
        return (date?: Date | number) => {
          if (fails(this)) throw fault();
          return format(date);
        };
      },
    });
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const formatToParts = proto.formatToParts;
    proto.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
      if (fails(this)) throw fault();
      return formatToParts.call(this, date);
    };
  }, zone ?? '');
}

function failIn(page: Page, zone: string): Promise<void> {
  return page.evaluate((name) => void ((window as unknown as { __failZone?: string }).__failZone = name), zone);
}

test.describe('a view that throws', () => {
  // Paris is the demo account's zone; this computer's own zone stays UTC, so the status bar keeps working.
  test.use({ timezoneId: 'UTC' });

  test('shows an error panel in its place; Details, the top bar and Back to summary still work', async ({ page, app }) => {
    await injectIntlFault(page);
    await openDemo(page, app);
    await failIn(page, 'Europe/Paris');

    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    const panel = page.getByTestId('view-error');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'This view could not be shown' })).toBeVisible();
    await expect(panel).toContainText('The rest of the app still works');
    const details = panel.getByTestId('view-error-details');
    await expect(details).toBeHidden();
    await panel.getByRole('button', { name: 'Details' }).click();
    await expect(details).toHaveText('RangeError: injected: no time zone data for Europe/Paris');
    // The rest of the app is still there.
    await expect(page.locator('.topbar')).toBeVisible();
    await expect(page.getByTestId('last-sync')).toBeVisible();
    await saveScreenshot(page, 'view-error-room-en-light');

    await panel.getByRole('button', { name: 'Back to summary' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('summary-table')).toBeVisible();

    // The top bar leaves a broken view too, and the billing codes (no times) still open.
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(panel).toBeVisible();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Billing codes' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Billing codes' })).toBeVisible();
  });

  test('in French too; and a print layout that throws reports the failure instead of hanging', async ({ page, app, browser }) => {
    await injectIntlFault(page);
    await openDemo(page, app);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByTestId('settings-dialog');
    await settings.getByLabel('Language', { exact: true }).selectOption('fr');
    await settings.getByRole('button', { name: 'Fermer' }).click();
    await failIn(page, 'Europe/Paris');
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    const panel = page.getByTestId('view-error');
    await expect(panel.getByRole('heading', { name: 'Cette vue ne peut pas être affichée' })).toBeVisible();
    await panel.getByRole('button', { name: 'Détails' }).click();
    await saveScreenshot(page, 'view-error-room-fr-light');
    await panel.getByRole('button', { name: 'Retour au récapitulatif' }).click();
    await expect(page.getByTestId('summary-table')).toBeVisible();

    // The print layout formats its data as it loads (in the account's zone and UTC), and
    // "generated at" as it renders, in this computer's zone: fail that one.
    const computer = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
    const print = await computer.newPage();
    await injectIntlFault(print, 'Asia/Tokyo');
    const view = { kind: 'room', profileId: activeProfileId(app), period: '2009-05', roomNumber: ROOM, sort: null } as const;
    await print.goto(app.url + printRouteHash(view, EN));
    await expect(print.locator(`html[${PRINT_READY_ATTRIBUTE}]`)).toHaveCount(1, { timeout: 20_000 });
    await expect(print.locator('html')).toHaveAttribute(PRINT_ERROR_ATTRIBUTE, 'This view could not be shown: RangeError: injected: no time zone data for Asia/Tokyo');
    await expect(print.getByTestId('view-error')).toBeVisible();
    await computer.close();
  });
});
