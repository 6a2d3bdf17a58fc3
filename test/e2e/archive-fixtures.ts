// Data folders for the archive's end-to-end tests: the demo account synced
// once (its four months, its automatic backup, the demo sign-in active),
// copied for each test and spoiled as the test needs; the harness started on
// such a folder in-process, or in a process of its own where a read-only
// mount makes the folder or the file read-only.
import type { Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AppServices } from '../../src/main/app/app-services';
import { createKeychainStore } from '../../src/main/credentials/keychain';
import { startHarnessApp } from '../../src/harness/harness-app';
import { listBackupFiles } from '../../src/main/cache/archive';
import { sha256 } from '../unit/archive/helpers';
import { startWithReadOnly } from '../unit/archive/read-only-mount';
import { expect, RENDERER_DIR, SEED_NOW } from './fixtures';

export const CACHE_NAME = 'oai-cache.sqlite';
const DEMO = { now: SEED_NOW, rooms: 40 };

export interface ArchiveApp {
  url: string;
  dataDir: string;
  downloadsDir: string;
  importsDir: string;
  services: AppServices;
  close(): Promise<void>;
}

/** Starts the harness (real services, in this process) on a prepared data folder. */
export async function startOn(dataDir: string, locale = 'en-GB', demo = DEMO): Promise<ArchiveApp> {
  const downloadsDir = path.join(dataDir, 'downloads');
  const importsDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-imports-'));
  const app = await startHarnessApp(
    { dataDir, version: '0.0.0-e2e', locale, demo, scheduleSync: false, dailyBackups: false, credentials: createKeychainStore('OAI Desktop e2e') },
    { rendererDir: RENDERER_DIR, downloadsDir, importsDir },
  );
  return {
    url: app.url,
    dataDir,
    downloadsDir,
    importsDir,
    services: app.services,
    close: async () => {
      await app.close();
      rmSync(importsDir, { recursive: true, force: true });
    },
  };
}

let template: Promise<string> | null = null;

/** Signs in to the demo (or syncs it again) as of `now`, and waits for the sync; closing waits for its backup and checkpoints the cache. */
async function syncDemoAsOf(dataDir: string, now: string): Promise<void> {
  const app = await startOn(dataDir, 'en-GB', { ...DEMO, now });
  const active = app.services.settings.get().activeProfileId;
  const profileId = active ?? (await app.services.handlers.signInDemo({})).id;
  if (active !== null) await app.services.handlers.syncNow({ profileId });
  await expect.poll(() => app.services.syncCoordinator.isRunning(profileId), { timeout: 60_000 }).toBe(false);
  await app.close();
}

/**
 * A data folder with the demo account synced (January to May 2009, January
 * archived: synced in April, then again in May), its automatic backup and the
 * demo sign-in active. Made once per run.
 */
function syncedTemplate(): Promise<string> {
  return (template ??= (async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-archive-template-'));
    await syncDemoAsOf(dataDir, '2009-04-20');
    await syncDemoAsOf(dataDir, SEED_NOW);
    for (const name of ['logs', 'downloads']) rmSync(path.join(dataDir, name), { recursive: true, force: true });
    // Only the newest backup: the recovery screen offers that one. The app's
    // own order: two backups in the same second are named -2 after the first,
    // which sorts before it by name.
    for (const old of listBackupFiles(path.join(dataDir, CACHE_NAME)).slice(1)) rmSync(old.file);
    return dataDir;
  })());
}

/** A fresh copy of the synced data folder. */
export async function syncedDataDir(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-e2e-archive-'));
  cpSync(await syncedTemplate(), dataDir, { recursive: true });
  return dataDir;
}

/** Its only automatic backup. */
export function backupOf(dataDir: string): string {
  const dir = path.join(dataDir, 'backups');
  const [name] = readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
  return path.join(dir, name!);
}

/** Every file of `dir` (not its sub-folders) with its size and content hash. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isFile() ? [`${name} ${statSync(file).size} ${sha256(file)}`] : [];
    });
}

/** The cache and its companions (and anything set aside beside it) in `dir`, each with its size and content hash. */
export function cacheFilesOf(dir: string): string[] {
  return filesOf(dir).filter((line) => line.startsWith('oai-cache'));
}

/** Files set aside beside the cache for `reason` (damaged, unopenable, replaced). */
export function setAsideFiles(dataDir: string, reason: string): string[] {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(`oai-cache.${reason}-`) && name.endsWith('.sqlite'))
    .map((name) => path.join(dataDir, name));
}

/**
 * Runs the harness in its own process with `readOnly` (the data folder or
 * the cache file) mounted read-only; resolves with its URL and a stop function.
 */
export async function startReadOnlyHarness(dataDir: string, readOnly: string, downloadsDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = startWithReadOnly(readOnly, [
    process.execPath, '--import', 'tsx', 'src/harness/main.ts',
    '--data', dataDir, '--downloads', downloadsDir, '--renderer', RENDERER_DIR,
    '--locale', 'en-GB', '--demo-now', DEMO.now, '--demo-rooms', String(DEMO.rooms),
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the harness exited (${code}): ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Chooses a language in the signed-out shell's (or the recovery screen's) top bar. */
export async function chooseLanguage(page: Page, language: 'en' | 'fr'): Promise<void> {
  await page.getByTestId('language-select').selectOption(language === 'en' ? 'en-GB' : 'fr');
}
