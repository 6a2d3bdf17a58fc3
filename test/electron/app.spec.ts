// The same first flow as the browser end-to-end suite, in the real Electron
// app. It needs the Electron binary, which cannot be downloaded on our CI
// machines: there it skips with one line saying so.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function electronBinary(): string | null {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'skipped: no Electron binary here (it cannot be downloaded on this machine); test/e2e covers the same flow in Chromium';

// The list reporter prints titles, not skip reasons: the reason goes in the title.
test.describe(binary === null ? `desktop app (Electron) — ${SKIP_REASON}` : 'desktop app (Electron)', () => {
  test.skip(binary === null, SKIP_REASON);

  test('demo sign-in → summary → room → conference → back, on app:// with the bridge working', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'oai-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${userData}`, '--lang=en-US'],
    });
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://oai/index.html');
    await expect(window.getByTestId('statusbar')).toContainText('Desktop app');
    const exposesIpc = await window.evaluate(() => 'ipcRenderer' in window || typeof (window as unknown as { require?: unknown }).require !== 'undefined');
    expect(exposesIpc).toBe(false);

    await window.getByRole('button', { name: 'Open the demo account' }).click();
    await expect(window.getByRole('heading', { name: 'Account summary' })).toBeVisible();
    await expect(window.getByTestId('account-number')).toHaveText('602127', { timeout: 30_000 });
    await window.screenshot({ path: 'test-results/screenshots/electron-summary.png' });
    await window.getByRole('button', { name: /Marilene BALLESTER/ }).first().click();
    await expect(window.getByTestId('room-number')).toHaveText('33 270 3');
    await window.getByRole('button', { name: /Back to summary/ }).click();
    await expect(window.getByRole('heading', { name: 'Account summary' })).toBeVisible();
    await app.close();
  });
});
