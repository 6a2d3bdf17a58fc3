// The cache is browsable with no provider at all, the status bar tells when
// the account last synced and how a sync progresses, and a period whose sync
// failed keeps its data with the reason shown.
import { startDemoProvider } from '../../src/main/demo';
import { APRIL_REFUSAL, bodyRows, collectErrors, expect, failAprilSync, openDemo, openProvider, saveScreenshot, SEED_NOW, signInTo, test, totalRow, waitForSynced } from './fixtures';

test('with the provider stopped, a reload still browses every view from the cache', async ({ page, app }) => {
  const errors = collectErrors(page);
  await openDemo(page, app);
  const lastSync = await page.getByTestId('last-sync').textContent();
  await app.services.stopDemoProvider();
  await page.reload();

  await expect(page.getByTestId('summary-table')).toBeVisible();
  await expect(page.getByTestId('last-sync')).toHaveText(lastSync!);
  expect((await totalRow(page, 'summary-table')).at(-1)).toBe('€132.07');

  await page.getByTestId('period-select').selectOption('2009-03');
  await expect(page.getByText('Invoiced', { exact: true })).toBeVisible();
  const marchRooms = await bodyRows(page, 'summary-table');
  expect(marchRooms.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: new RegExp(`^Conferences of ${marchRooms[0]![1]}`) }).click();
  expect((await bodyRows(page, 'room-table')).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: /Participants of the conference/ }).first().click();
  expect((await bodyRows(page, 'participants-table')).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Billing codes' }).click();
  await expect(page.getByTestId('period-select')).toHaveValue('2009-03');
  const codes = await bodyRows(page, 'codes-table');
  await page.getByRole('button', { name: `Conferences with billing code ${codes[0]![0]}` }).click();
  expect(await bodyRows(page, 'code-conferences-table')).toHaveLength(Number(codes[0]![1]));
  expect(app.services.demoProvider()).toBeNull();
  expect(errors).toEqual([]);
});

test('the status bar shows the months syncing side by side and the rows, and Cancel stops them all', async ({ page, app }) => {
  await openDemo(page, app);
  const provider = app.services.demoProvider()!;
  // Every period changes; May downloads in a moment, the others take long enough to be cancelled.
  for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) provider.bumpRevision(period);
  provider.faults.add({ method: 'GET', path: /2009-05\/conferences/, times: Infinity, action: { kind: 'delay', ms: 300 } });
  provider.faults.add({ method: 'GET', path: /\/conferences$|\/conferences\?/, times: Infinity, action: { kind: 'delay', ms: 60_000 } });
  // A remote provider: the account and its periods answer in 50 ms, so the four months download side by side (two on a fast link).
  provider.faults.add({ method: 'GET', path: /\/accounts\/\d+(\/periods)?$/, times: Infinity, action: { kind: 'delay', ms: 50 } });

  await page.getByRole('button', { name: 'Sync now' }).click();
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText(/Syncing \w+ 2009(, \w+ 2009)+ side by side \(4 of 4 months started\) · \d+ rows/);
  const bar = status.getByRole('progressbar', { name: 'Sync progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('max', '4');
  const rowsNow = async () => Number(/· ([\d,]+) rows/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
  // Generous: in the harness each month's writer thread starts through tsx.
  await expect.poll(rowsNow, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(status).toContainText(/Syncing April 2009, March 2009, February 2009 side by side/);
  // The data stays on screen while it syncs.
  await expect(page.getByTestId('summary-table')).toBeVisible();

  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Sync cancelled.', { timeout: 15_000 });
  await expect(status.getByRole('button', { name: 'Sync now' })).toBeVisible();
  expect((await totalRow(page, 'summary-table')).at(-1)).toBe('€132.07');
});

const PERIOD_FAILED = {
  en: { locale: 'en-GB', invoiced: 'Invoiced', syncNow: 'Sync now', sentence: 'The last sync of this period failed. Sync again later; the reason given is under Details.', details: 'Details', syncFailed: 'Sync failed' },
  fr: {
    locale: 'fr-FR',
    invoiced: 'Facturé',
    syncNow: 'Synchroniser',
    sentence: 'La dernière synchronisation de cette période a échoué. Synchronisez de nouveau plus tard ; la raison donnée est sous Détails.',
    details: 'Détails',
    syncFailed: 'Échec de la synchronisation',
  },
} as const;

for (const [language, words] of Object.entries(PERIOD_FAILED)) {
  test.describe(`in ${language}`, () => {
    test.use({ osLocale: words.locale });

    test('a period whose sync failed keeps its data and says so in the user’s words, the provider’s under Details', async ({ page, app }) => {
      await openDemo(page, app);
      const provider = app.services.demoProvider()!;
      failAprilSync(provider);
      await page.getByTestId('period-select').selectOption('2009-04');
      await expect(page.getByText(words.invoiced, { exact: true })).toBeVisible();
      const before = await totalRow(page, 'summary-table');
      const firstRows = (await bodyRows(page, 'summary-table')).slice(0, 5);

      await page.getByRole('button', { name: words.syncNow }).click();
      const notice = page.getByTestId('period-error');
      await expect(notice).toBeVisible({ timeout: 30_000 });
      await expect(notice).toContainText(words.sentence);
      // The provider's English words stay folded until Details is opened.
      await expect(notice.getByText(APRIL_REFUSAL)).toBeHidden();
      await saveScreenshot(page, `period-failed-${language}-light`);
      await notice.getByText(words.details, { exact: true }).click();
      await expect(notice.locator('pre')).toContainText(APRIL_REFUSAL);
      await saveScreenshot(page, `period-failed-details-${language}-light`);
      await expect(page.getByTestId('sync-status')).toContainText(words.syncFailed);
      expect(await totalRow(page, 'summary-table')).toEqual(before);
      expect((await bodyRows(page, 'summary-table')).slice(0, 5)).toEqual(firstRows);

      // Other periods are unaffected.
      await page.getByTestId('period-select').selectOption('2009-05');
      await expect(notice).toHaveCount(0);
      provider.faults.clear();
      await page.getByRole('button', { name: words.syncNow }).click();
      await waitForSynced(page);
      await page.getByTestId('period-select').selectOption('2009-04');
      await expect(notice).toHaveCount(0);
    });
  });
}

test('a month the provider stops serving stays browsable, marked archived', async ({ page, app }) => {
  // A provider at 20 May 2009 serves February to May…
  const may = await startDemoProvider({ now: SEED_NOW, rooms: 10 });
  const port = Number(new URL(may.url).port);
  await openProvider(page, app, may);
  await page.getByTestId('period-select').selectOption('2009-02');
  const february = await totalRow(page, 'summary-table');
  await may.close();

  // …the same provider a month later serves March to June: February is archived here.
  const june = await startDemoProvider({ now: '2009-06-20', rooms: 10, port });
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    const period = page.getByTestId('period-select');
    await expect(period.locator('option')).toHaveCount(5, { timeout: 30_000 });
    await waitForSynced(page);
    await expect(period.locator('option')).toHaveText([
      'Since 6/1/2009 — Not invoiced',
      'May 2009 — Invoiced',
      'April 2009 — Invoiced',
      'March 2009 — Invoiced',
      'February 2009 — Invoiced (archived)',
    ]);
    await period.selectOption('2009-02');
    await expect(page.getByText('Archived', { exact: true })).toBeVisible();
    await expect(page.getByTestId('period-archived')).toHaveText('The provider no longer serves this month. It is kept on this computer.');
    expect(await totalRow(page, 'summary-table')).toEqual(february);
    await saveScreenshot(page, 'summary-archived-en-light');
  } finally {
    await june.close();
  }
});

// Issue 15, point 2: while the first sync brings a month, the summary says so instead of "0 rooms".
for (const [locale, loading, rooms] of [
  ['en-GB', 'Loading this month from the provider…', '3 rooms'],
  ['fr-FR', 'Chargement de ce mois depuis le fournisseur…', '3 salles'],
] as const) {
  test.describe(`first sync in ${locale}`, () => {
    // March is held until the test has seen it loading: longer than the harness's usual 5 s.
    test.use({ osLocale: locale, providerTimeoutMs: 120_000 });
    test('while the first sync brings a month, the summary says it is loading, not that it is empty', async ({ page, app }) => {
      const provider = await startDemoProvider({ now: SEED_NOW, rooms: 10 });
      // March's conferences are held until the loading state has been seen: May is on screen before March arrives.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      try {
        provider.faults.add({ method: 'GET', path: /2009-03\/conferences/, times: Infinity, action: { kind: 'hold', until: held } });
        void signInTo(app, provider);
        await page.goto(app.url);
        const count = page.locator('.toolbar-count');
        await expect(count).toHaveText(rooms, { timeout: 15_000 });
        await page.getByTestId('period-select').selectOption('2009-03');
        await expect(count).toHaveText(loading);
        await expect(page.locator('.table-empty')).toHaveText(loading);
        await saveScreenshot(page, `first-sync-loading-${locale}`);
        release();
        await waitForSynced(page);
        await expect(count).not.toHaveText(loading);
        expect((await bodyRows(page, 'summary-table')).length).toBeGreaterThan(0);
      } finally {
        release();
        await provider.close();
      }
    });
  });
}
