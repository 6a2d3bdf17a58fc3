// The archive in the app, end to end in the harness: a cache that cannot be
// used opens on the recovery screen (damaged, truncated, not an archive, a
// newer version's), in the user's language, and each way out works: the
// newest good backup gives back every month and re-syncs, a chosen file is
// checked first, an empty archive keeps the old one aside. Screenshots go to
// test-results/screenshots/.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, listSyncRuns } from '../../src/main/cache';
import { damageMiddle, demoAccountScope, monthSummaries, sha256 } from '../unit/archive/helpers';
import { canMountReadOnly, READ_ONLY_MOUNT_NEEDS } from '../unit/archive/read-only-mount';
import {
  backupOf,
  CACHE_NAME,
  cacheFilesOf,
  chooseLanguage,
  filesOf,
  setAsideFiles,
  startOn,
  startReadOnlyHarness,
  syncedDataDir,
  type ArchiveApp,
} from './archive-fixtures';
import { collectErrors, expect, saveScreenshot, test } from './fixtures';

let app: ArchiveApp | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
});

/** axe finds no serious or critical violation on the page as it is. */
async function expectNoSeriousViolation(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** A file of random bytes named like an archive, in the imports folder (what Choose… picks when it is the newest). */
function importNotAnArchive(imports: string): string {
  const file = path.join(imports, 'notes.sqlite');
  writeFileSync(file, randomBytes(16_384));
  return file;
}

/** A copy of the backup in the imports folder, newer than anything else there. */
function importBackup(dataDir: string, imports: string): string {
  const file = path.join(imports, 'archive-copy.sqlite');
  copyFileSync(backupOf(dataDir), file);
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
  return file;
}

test('a damaged archive: the recovery screen in both languages; the newest good backup gives back every month, then re-syncs', async ({ page }) => {
  const errors = collectErrors(page);
  const dataDir = await syncedDataDir();
  const file = path.join(dataDir, CACHE_NAME);
  const months = monthSummaries(file);
  expect(months).toHaveLength(5);
  damageMiddle(file);
  const damaged = sha256(file);

  app = await startOn(dataDir);
  await page.goto(app.url);
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toHaveAttribute('data-problem', 'damaged');
  await expect(screen.getByRole('heading', { name: 'Your archive is damaged' })).toBeVisible();
  await expect(screen).toContainText(`Archive: ${file}`);
  await expect(page.getByTestId('newest-backup')).toContainText(/Backup of .* · 5 months \(1 archived\): January 2009 – May 2009/);
  await saveScreenshot(page, 'archive-recovery-damaged-en');
  await expectNoSeriousViolation(page);

  await chooseLanguage(page, 'fr');
  await expect(screen.getByRole('heading', { name: 'Votre archive est endommagée' })).toBeVisible();
  await expect(page.getByTestId('newest-backup')).toContainText(/Sauvegarde du .* · 5 mois \(1 archivé\) ?: Janvier 2009 – Mai 2009/);
  await saveScreenshot(page, 'archive-recovery-damaged-fr');
  await chooseLanguage(page, 'en');

  await page.getByRole('button', { name: 'Restore the newest good backup' }).click();
  await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('archive-notice')).toContainText(/Archive restored from oai-cache-.*\.sqlite: 5 months\. .*set aside as oai-cache\.damaged-/);
  await saveScreenshot(page, 'archive-restored-en');

  // Every month back, as it was; the damaged file kept aside, byte for byte.
  expect(monthSummaries(file)).toEqual(months);
  const [aside] = setAsideFiles(dataDir, 'damaged');
  expect(sha256(aside!)).toBe(damaged);
  // The restore re-synced the provider's months.
  const services = app.services;
  await expect.poll(() => listSyncRuns(services.cache.read(), demoAccountScope(services.cache.read())).map((run) => run.status), { timeout: 30_000 }).toEqual(['ok', 'ok', 'ok']);
  expect(monthSummaries(file)).toEqual(months);
  expect(errors).toEqual([]);
});

test('a truncated archive: Start with an empty archive asks first, then keeps the old file aside byte for byte', async ({ page }) => {
  const dataDir = await syncedDataDir();
  const file = path.join(dataDir, CACHE_NAME);
  truncateSync(file, Math.floor(statSync(file).size / 2));
  const truncated = sha256(file);

  app = await startOn(dataDir);
  await page.goto(app.url);
  await expect(page.getByTestId('recovery-screen')).toHaveAttribute('data-problem', 'truncated');
  await expect(page.getByRole('heading', { name: 'Your archive is incomplete' })).toBeVisible();
  await saveScreenshot(page, 'archive-recovery-truncated-en');

  await page.getByRole('button', { name: 'Start with an empty archive' }).click();
  const confirm = page.getByTestId('confirm-empty');
  await expect(confirm).toContainText(`set aside (renamed, byte for byte) in ${dataDir}`);
  await saveScreenshot(page, 'archive-confirm-empty-en');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(sha256(file)).toBe(truncated);

  await page.getByRole('button', { name: 'Start with an empty archive' }).click();
  await confirm.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByTestId('archive-notice')).toContainText(/Started with an empty archive\. The previous archive was set aside as oai-cache\.unopenable-/);
  const [aside] = setAsideFiles(dataDir, 'unopenable');
  expect(sha256(aside!)).toBe(truncated);
  // The active sign-in syncs its months into the new archive.
  await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
});

test('not an archive: Choose… refuses a file that is not an archive, changing nothing; a backup chosen then is restored', async ({ page }) => {
  const dataDir = await syncedDataDir();
  const file = path.join(dataDir, CACHE_NAME);
  writeFileSync(file, randomBytes(65_536));
  const before = cacheFilesOf(dataDir);

  app = await startOn(dataDir);
  importNotAnArchive(app.importsDir);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'This is not an OAI Desktop archive' })).toBeVisible();
  await page.getByRole('button', { name: 'Choose another backup or cache file…' }).click();
  await expect(page.getByTestId('recovery-error')).toHaveText('This file cannot be restored: it is not an OAI Desktop archive. Nothing was changed.');
  expect(cacheFilesOf(dataDir)).toEqual(before);
  await saveScreenshot(page, 'archive-recovery-not-a-cache-refused-en');

  importBackup(dataDir, app.importsDir);
  await page.getByRole('button', { name: 'Choose another backup or cache file…' }).click();
  await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('archive-notice')).toContainText('Archive restored from archive-copy.sqlite: 5 months.');
  expect(setAsideFiles(dataDir, 'unopenable')).toHaveLength(1);
});

test('a newer version’s archive: says which version wrote it, offers only another file (shown read-only), and is left exactly where it is', async ({ page }) => {
  const dataDir = await syncedDataDir();
  const file = path.join(dataDir, CACHE_NAME);
  const db = new Database(file);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('last_written_by', '9.1.0') ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run();
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();
  const before = cacheFilesOf(dataDir);

  app = await startOn(dataDir, 'fr-FR');
  importBackup(dataDir, app.importsDir);
  await page.goto(app.url);
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toHaveAttribute('data-problem', 'newer_version');
  await expect(screen).toContainText('Elle a été écrite par OAI Desktop 9.1.0, plus récent que celui-ci (0.0.0-e2e).');
  await saveScreenshot(page, 'archive-recovery-newer-fr');
  await chooseLanguage(page, 'en');
  await expect(screen).toContainText('It was written by OAI Desktop 9.1.0, newer than this one (0.0.0-e2e). Update the app to use it.');
  await expect(page.getByRole('button', { name: 'Restore the newest good backup' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start with an empty archive' })).toHaveCount(0);
  await saveScreenshot(page, 'archive-recovery-newer-en');

  await page.getByRole('button', { name: 'Choose another backup or cache file…' }).click();
  await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('read-only-banner')).toContainText('You are browsing');
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await saveScreenshot(page, 'archive-browsing-other-file-en');
  expect(cacheFilesOf(dataDir)).toEqual(before);
});

test('Settings → Archive in both languages: where, size, months, last backup; Back up now…, Show in folder, Restore… refusing a non-archive', async ({ page }) => {
  const dataDir = await syncedDataDir();
  app = await startOn(dataDir);
  importNotAnArchive(app.importsDir);
  await page.goto(app.url);
  await expect(page.getByTestId('summary-table')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByTestId('archive-settings');
  await expect(section.getByTestId('archive-path')).toHaveText(path.join(dataDir, CACHE_NAME));
  await expect(section.getByTestId('archive-size')).toHaveText(/^\d+\.\d MB$/);
  await expect(section.getByTestId('archive-months')).toContainText('5 months (1 archived): January 2009 – May 2009');
  await expect(section.locator('.archive-month-list li')).toHaveText([/January 2009\s*archived/, /February 2009\s*provider/, /March 2009\s*provider/, /April 2009\s*provider/, /May 2009\s*provider/]);
  await expect(section.getByTestId('archive-last-backup')).not.toHaveText('None yet');
  await saveScreenshot(page, 'archive-settings-en');
  await expectNoSeriousViolation(page);

  await section.getByRole('button', { name: 'Back up now…' }).click();
  await expect(section.getByTestId('archive-outcome')).toHaveText(/^Backed up to .*OAI_archive_\d{4}-\d{2}-\d{2}\.sqlite \(5 months\)\.$/);
  const saved = readdirSync(app.downloadsDir).filter((name) => name.endsWith('.sqlite'));
  expect(saved).toHaveLength(1);
  expect(monthSummaries(path.join(app.downloadsDir, saved[0]!))).toEqual(monthSummaries(backupOf(dataDir)));

  await section.getByRole('button', { name: 'Show in folder' }).click();
  await expect(section.getByTestId('archive-outcome')).toHaveText(`The archive is in ${dataDir}.`);

  await section.getByRole('button', { name: 'Restore…' }).click();
  await expect(section.getByTestId('restore-confirm')).toContainText(`The current archive is kept, set aside in ${dataDir}.`);
  await section.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(section.getByTestId('archive-outcome')).toHaveText('This file cannot be restored: it is not an OAI Desktop archive. Nothing was changed.');

  // A backup chosen instead: the app reopens on it and says so.
  importBackup(dataDir, app.importsDir);
  await section.getByRole('button', { name: 'Restore…' }).click();
  await section.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByTestId('archive-notice')).toContainText('Archive restored from archive-copy.sqlite: 5 months.', { timeout: 30_000 });
  await expect(page.getByTestId('summary-table')).toBeVisible();
  expect(setAsideFiles(dataDir, 'replaced')).toHaveLength(1);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('settings-dialog').getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(section.getByTestId('archive-months')).toContainText('5 mois (1 archivé)');
  await expect(page.getByTestId('archive-notice')).toContainText('Archive restaurée depuis archive-copy.sqlite : 5 mois.');
  await expect(section.getByRole('button', { name: 'Sauvegarder maintenant…' })).toBeVisible();
  await saveScreenshot(page, 'archive-settings-fr');
});

test.describe('an archive that can only be read', () => {
  test.skip(!canMountReadOnly, `these tests ${READ_ONLY_MOUNT_NEEDS}`);

  test('a read-only data folder: the banner says why; browsing and Download work, sync and billing codes are off; nothing left behind; the next run writes', async ({ page }) => {
    const dataDir = await syncedDataDir();
    const downloadsDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-ro-downloads-'));
    const before = filesOf(dataDir);
    const harness = await startReadOnlyHarness(dataDir, dataDir, downloadsDir);
    try {
      await page.goto(harness.url);
      await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('read-only-banner')).toHaveText(
        `Read-only · The archive’s folder cannot be written (${dataDir}). You can browse, download and print; syncing and billing-code changes are off.`,
      );
      await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
      await saveScreenshot(page, 'archive-read-only-folder-en');
      await expectNoSeriousViolation(page);

      await page.getByRole('group', { name: 'Download and print' }).getByRole('button', { name: 'Download', exact: true }).click();
      await expect(page.getByTestId('export-notice')).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
      expect(readdirSync(downloadsDir).filter((name) => name.endsWith('.xlsx'))).toHaveLength(1);

      await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
      await expect(page.getByRole('button', { name: /^Billing code .* of conference .*, edit$/ }).first()).toBeDisabled();
    } finally {
      await harness.stop();
    }
    expect(filesOf(dataDir)).toEqual(before);

    // Writable again: the next run opens it for writing, with no banner.
    app = await startOn(dataDir);
    await app.services.archive.settled();
    expect(app.services.archive.state()).toEqual({ state: 'ready' });
    await page.goto(app.url);
    await expect(page.getByTestId('summary-table')).toBeVisible();
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });

  test('a read-only archive file: the banner says why; nothing is created beside it', async ({ page }) => {
    const dataDir = await syncedDataDir();
    const file = path.join(dataDir, CACHE_NAME);
    const downloadsDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-ro-downloads-'));
    const before = cacheFilesOf(dataDir);
    const harness = await startReadOnlyHarness(dataDir, file, downloadsDir);
    try {
      await page.goto(harness.url);
      await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('read-only-banner')).toContainText(`The archive file cannot be written (${file}).`);
      await saveScreenshot(page, 'archive-read-only-file-en');
    } finally {
      await harness.stop();
    }
    expect(cacheFilesOf(dataDir)).toEqual(before);
  });
});
