// The flows only the real desktop app can show: start-up on app://, the
// application menu's Download and Print, a second launch, and a quit during a
// sync. It needs the Electron binary, which cannot be downloaded on our CI
// machines: there it is skipped, in one line that says why (test/e2e and the
// unit tests with Electron mocked cover the rest).
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { clickMenu, electronBinary, launch, launchArgs, openDemo, stubNativeDialogs } from './helpers';

const binary = electronBinary();
const SKIP_REASON = 'skipped: no Electron binary here (it cannot be downloaded on this machine); test/e2e covers the renderer in Chromium';

if (binary === null) {
  // The list reporter prints titles, not skip reasons: the reason is the title.
  test(`desktop app (Electron) — ${SKIP_REASON}`, () => {
    test.skip(true, SKIP_REASON);
  });
} else {
  test.describe('desktop app (Electron)', () => {
    test('starts on app:// with the bridge, a menu and no Node in the page; demo → room → back', async () => {
      const { app, window } = await launch(binary);
      expect(window.url()).toBe('app://oai/index.html');
      await expect(window.getByTestId('statusbar')).toContainText('Desktop app');
      const exposesNode = await window.evaluate(() => 'ipcRenderer' in window || typeof (window as unknown as { require?: unknown }).require !== 'undefined');
      expect(exposesNode).toBe(false);
      const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
      expect(menus).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));

      await openDemo(window);
      await expect(window.getByTestId('account-number')).toHaveText('602127');
      await window.screenshot({ path: 'test-results/screenshots/electron-summary.png' });
      await window.getByRole('button', { name: /Marilene BALLESTER/ }).first().click();
      await expect(window.getByTestId('room-number')).toHaveText('33 270 3');
      await window.keyboard.press('Escape');
      await expect(window.getByRole('heading', { name: 'Account summary' })).toBeVisible();
      await app.close();
    });

    test('File → Download and File → Print run the view’s exports', async () => {
      const { app, window, userData } = await launch(binary);
      await openDemo(window);
      const target = path.join(userData, 'menu-download.xlsx');
      await stubNativeDialogs(app, target);

      await clickMenu(app, 'download');
      const notice = window.getByTestId('export-notice');
      await expect(notice).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
      expect(statSync(target).size).toBeGreaterThan(1000);
      expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
      await notice.getByRole('button', { name: 'Dismiss' }).click();

      await clickMenu(app, 'print');
      await expect(notice).toHaveAttribute('data-tone', 'printed', { timeout: 60_000 });
      // The print window was a child of the main window, and is gone.
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      await app.close();
    });

    test('a second launch brings the first window back and exits', async () => {
      const { app, window, userData } = await launch(binary);
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
      const second = spawn(binary, launchArgs(userData), { stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(0);
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized())).toBe(false);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      await expect(window.getByTestId('statusbar')).toBeVisible();
      await app.close();
    });

    test('quitting during a sync waits for it to stop, then exits with the cache intact', async () => {
      const { app, window, userData } = await launch(binary);
      const logs = await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs'));
      const userDataDir = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
      await window.getByRole('button', { name: 'Open the demo account' }).click();
      await expect(window.getByTestId('sync-status')).toContainText(/Syncing|Starting/, { timeout: 30_000 });
      const exited = new Promise<number | null>((resolve) => app.process().on('exit', (exitCode) => resolve(exitCode)));
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      expect(await exited).toBe(0);
      const log = readFileSync(path.join(logs, 'oai-desktop.log'), 'utf8');
      expect(log).toMatch(/sync [0-9a-f]+: (cancelled|ok|partial)/);
      expect(existsSync(path.join(userDataDir, 'oai-cache.sqlite'))).toBe(true);
      // The next start opens the same cache without complaint.
      const again = await launch(binary, userData);
      await expect(again.window.getByTestId('statusbar')).toContainText('Desktop app');
      await again.app.close();
    });
  });
}
