// Launching the real desktop app with Playwright's _electron, each test with
// a data folder of its own. Used only where the Electron binary is installed.
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function electronBinary(): string | null {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  userData: string;
}

export function newUserData(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'oai-electron-'));
}

export function launchArgs(userData: string): string[] {
  return ['.', `--user-data-dir=${userData}`, '--lang=en-US'];
}

export async function launch(binary: string, userData = newUserData()): Promise<LaunchedApp> {
  const app = await electron.launch({ executablePath: binary, args: launchArgs(userData) });
  const window = await app.firstWindow();
  return { app, window, userData };
}

/** Signs in to the embedded demo and waits for the summary of its first sync. */
export async function openDemo(window: Page): Promise<void> {
  await window.getByRole('button', { name: 'Open the demo account' }).click();
  await window.getByRole('heading', { name: 'Account summary' }).waitFor();
  await window.getByTestId('last-sync').filter({ hasText: /Last synced/ }).waitFor({ timeout: 60_000 });
}

/** Clicks an item of the application menu, as the user would. */
export async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    if (!item.enabled) throw new Error(`menu item ${itemId} is disabled`);
    item.click();
  }, id);
}

/** Answers the next Save dialogs with `file`, and prints without the system dialog, on a fake printer. */
export async function stubNativeDialogs(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog, webContents }, target) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath: target });
    const contents = webContents.getAllWebContents()[0]!;
    const prototype = Object.getPrototypeOf(contents) as {
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => void;
      getPrintersAsync: () => Promise<unknown[]>;
    };
    prototype.getPrintersAsync = async () => [{ name: 'Test printer', displayName: 'Test printer', description: '', options: {} }];
    prototype.print = (_options, callback) => callback(true, '');
  }, file);
}
