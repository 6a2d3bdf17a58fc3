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

  test('opens the app shell on app:// with the bridge working', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'oai-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${userData}`],
    });
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://oai/index.html');
    await expect(window.getByText('OAI Desktop').first()).toBeVisible();
    await expect(window.getByTestId('statusbar')).toContainText('Desktop app');
    const exposesIpc = await window.evaluate(() => 'ipcRenderer' in window || typeof (window as unknown as { require?: unknown }).require !== 'undefined');
    expect(exposesIpc).toBe(false);
    await window.screenshot({ path: 'test-results/screenshots/electron-shell.png' });
    await app.close();
  });
});
