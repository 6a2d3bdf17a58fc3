// Starts the real browser harness (real services, a fresh data folder) for
// each test, in-process, and hands its URL to the test. The embedded demo
// provider runs at a fixed date so the seed month (May 2009) is served.
import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppServices } from '../../src/main/app/app-services';
import { createKeychainStore, type CredentialStore } from '../../src/main/credentials/keychain';
import { AppError } from '../../src/main/errors';
import { startHarnessApp } from '../../src/harness/harness-app';
import type { Harness } from '../../src/harness/server';
import { DEMO_PROVIDER, type ViewScope } from '../../src/main/cache';
import type { DemoProvider } from '../../src/main/demo';

export const RENDERER_DIR = path.resolve('out/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface HarnessFixture {
  url: string;
  dataDir: string;
  /** Where Download, Print and Save as PDF land in the harness. */
  downloadsDir: string;
  /** What the harness's Open dialog (Import OAI downloads…) answers: every file in it. */
  importsDir: string;
  services: AppServices;
  harness: Harness;
}

export interface DemoOptions {
  now?: string;
  rooms?: number;
  perRoom?: number;
  /** The account's time zone as the provider serves it (default Europe/Paris). */
  timeZone?: string;
}

/** What the embedded demo account's sign-in sees in the cache. */
export const DEMO_SCOPE: ViewScope = { provider: DEMO_PROVIDER, accountNumber: '602127', roomNumber: null };

/** The signed-in profile the app has open (what a view's calls name). */
export function activeProfileId(app: HarnessFixture): string {
  const id = app.services.settings.get().activeProfileId;
  if (id === null) throw new Error('no sign-in is open');
  return id;
}

/** The demo's "today" that reproduces the seed document's May 2009. */
export const SEED_NOW = '2009-05-20';

/** A keychain that refuses every write, as a locked or refused one does (issue 15, point 7). */
export function refusingKeychain(): CredentialStore {
  const rustText = "Couldn't access platform storage: AccessDenied\nStack backtrace:\n   0: keyring::error::Error::new\n   1: napi::bindgen_runtime::callback_info";
  return {
    get: () => Promise.resolve(null),
    set: () => Promise.reject(new AppError('keychain_unavailable', `The system keychain could not store the password (${rustText}).`)),
    delete: () => Promise.resolve(false),
  };
}

export const test = base.extend<{ osLocale: string; demo: DemoOptions; noPrinter: boolean; keychain: 'system' | 'refusing'; providerTimeoutMs: number; app: HarnessFixture }>({
  osLocale: ['en-US', { option: true }],
  demo: [{ now: SEED_NOW, rooms: 40 }, { option: true }],
  /** A computer without a printer. */
  noPrinter: [false, { option: true }],
  keychain: ['system', { option: true }],
  /** How long the app waits for a silent provider (a test that holds an answer on purpose waits longer). */
  providerTimeoutMs: [5_000, { option: true }],
  app: async ({ osLocale, demo, noPrinter, keychain, providerTimeoutMs }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-'));
    const downloadsDir = path.join(dataDir, 'downloads');
    const importsDir = path.join(dataDir, 'imports');
    const app = await startHarnessApp(
      {
        dataDir,
        version: '0.0.0-e2e',
        locale: osLocale,
        demo,
        scheduleSync: false,
        credentials: keychain === 'refusing' ? refusingKeychain() : createKeychainStore('OAI Desktop e2e'),
        // Failures (unreachable, TLS…) come back quickly: one retry, short waits.
        clientOptions: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: providerTimeoutMs },
      },
      { rendererDir: RENDERER_DIR, downloadsDir, importsDir, noPrinter },
    );
    await use({ url: app.url, dataDir, downloadsDir, importsDir, services: app.services, harness: app.harness });
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export const expect = test.expect;
export const screenshotPath = (name: string) => path.join(SCREENSHOT_DIR, `${name}.png`);

/** Saves a screenshot of the page under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: screenshotPath(name) });
}

/** Page errors and console errors, to assert a view ran cleanly. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const DEMO_BUTTON = /Open the demo account|Ouvrir le compte de démonstration/;
const LAST_SYNCED = /Last synced|Dernière synchronisation/;

/** Waits until the status bar says the last sync succeeded. */
export async function waitForSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('last-sync')).toHaveText(LAST_SYNCED, { timeout });
}

/** Holds the answers to the bridge call `name` back until the returned function is called. */
export async function holdBridgeCall(page: Page, name: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/__bridge/${name}`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** First run: opens the demo account with one click and waits for its first sync (longer for a large demo). */
export async function openDemo(page: Page, app: HarnessFixture, syncTimeout?: number): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: DEMO_BUTTON }).click();
  await waitForSynced(page, syncTimeout);
  await expect(page.getByTestId('summary-table')).toBeVisible();
}

/** Signs in to a test's own demo provider through the services (the first sync starts). */
export function signInTo(app: HarnessFixture, provider: DemoProvider) {
  return app.services.handlers.signIn({
    serverUrl: provider.url,
    username: provider.credentials.username,
    password: provider.credentials.password,
    accountNumber: provider.credentials.accountNumber,
    roomNumber: null,
    rememberPassword: false,
  });
}

/** Signs in to a demo provider of the test's own (not the embedded one), opens the app and waits for its first sync. */
export async function openProvider(page: Page, app: HarnessFixture, provider: DemoProvider): Promise<void> {
  await signInTo(app, provider);
  await page.goto(app.url);
  await waitForSynced(page);
}

/** What the provider says when it refuses April's conference pages (failAprilSync). */
export const APRIL_REFUSAL = 'April is being recomputed';

/** April gets a new revision whose conference pages the provider refuses: the next sync fails that month alone, its cached data kept. */
export function failAprilSync(provider: DemoProvider): void {
  provider.bumpRevision('2009-04');
  provider.faults.add({
    method: 'GET',
    path: '/periods/2009-04/conferences',
    times: Infinity,
    action: { kind: 'error', status: 404, code: 'not_found', message: APRIL_REFUSAL },
  });
}

/** Intl writes French amounts with no-break spaces; compare on plain ones. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The text of each body row of a table, one string per cell. */
export async function bodyRows(page: Page, testId: string): Promise<string[][]> {
  await expect(page.getByTestId(testId)).toBeVisible();
  const rows = page.getByTestId(testId).locator('.table-body [role="row"]');
  return rows.evaluateAll((elements) =>
    elements
      .map((row) => ({ y: Number((row as HTMLElement).getAttribute('aria-rowindex')), row }))
      .sort((a, b) => a.y - b.y)
      .map(({ row }) =>
        [...row.querySelectorAll('[role="cell"]')].map((cell) =>
          (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim(),
        ),
      ),
  );
}

/** The cells of a table's Total row. */
export async function totalRow(page: Page, testId: string): Promise<string[]> {
  await expect(page.getByTestId(testId)).toBeVisible();
  const cells = page.getByTestId(testId).locator('.table-foot [role="cell"]');
  return (await cells.allTextContents()).map((text) => plain(text));
}


