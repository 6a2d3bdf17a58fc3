// What the desktop app's menu and keyboard do, tested on the real renderer
// through the harness: the renderer tells main which menu commands it can
// carry out, runs a command main sends with the same function as its button,
// goes back with Esc or Alt+←, focuses the filter with Ctrl/⌘+F, and offers
// Save as PDF on a computer without a printer.
import path from 'node:path';
import type { MenuCommand } from '../../src/shared/menu-commands';
import { DEMO_SCOPE, expect, openDemo, saveScreenshot, test, type HarnessFixture } from './fixtures';

/** What Electron's menu does on a click: a menuCommand event to the renderer. */
function menuClick(app: HarnessFixture, command: MenuCommand): void {
  app.services.events.emit('bridge-event', 'menuCommand', { command });
}

const offered = (app: HarnessFixture) => [...app.services.menu.current().commands].sort();

test.describe('the application menu', () => {
  test('the renderer offers the commands it can carry out now, and the support phone', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'Open the demo account' })).toBeVisible();
    expect(offered(app)).toEqual([]);
    await openDemo(page, app);
    await expect.poll(() => offered(app)).toEqual(['download', 'import', 'print', 'savePdf', 'settings', 'syncNow']);
    await expect.poll(() => app.services.menu.current().supportPhone).toBe('+32 2 789 00 10');
    // Back up is in Settings → Archive: never offered, so the menu keeps it hidden.
    expect(offered(app)).not.toContain('backUp');
    // While a dialog is open, Settings and Import are not offered again.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => offered(app)).toEqual(['download', 'print', 'savePdf', 'syncNow']);
  });

  test('menu Download, Print, Save as PDF and Settings run the same actions as the buttons', async ({ page, app }) => {
    await openDemo(page, app);
    await expect.poll(() => offered(app)).toContain('download');
    const notice = page.getByTestId('export-notice');
    const saved = async (extension: string) => {
      await expect(notice).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
      const file = await page.getByTestId('export-path').getAttribute('title');
      expect(path.dirname(file!)).toBe(app.downloadsDir);
      expect(path.extname(file!)).toBe(extension);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      return file;
    };
    menuClick(app, 'download');
    expect(path.basename((await saved('.xlsx'))!)).toBe('OAI_602127_2009-05_summary.xlsx');
    // In a room, the menu exports the room, as its buttons would.
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    menuClick(app, 'print');
    expect(path.basename((await saved('.pdf'))!)).toMatch(/^OAI_602127_2009-05_room-332703/);
    menuClick(app, 'savePdf');
    await saved('.pdf');
    menuClick(app, 'settings');
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    await saveScreenshot(page, 'menu-settings');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
    // File → Import… opens the import dialog, as Settings → Archive's Import… does.
    await expect.poll(() => offered(app)).toContain('import');
    menuClick(app, 'import');
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await expect.poll(() => offered(app)).not.toContain('import');
  });

  test('menu Sync now starts a sync like the status bar’s button', async ({ page, app }) => {
    await openDemo(page, app);
    const profileId = app.services.settings.get().activeProfileId!;
    const runsBefore = app.services.syncCoordinator.status(profileId, DEMO_SCOPE).lastSuccessAt;
    menuClick(app, 'syncNow');
    await expect.poll(() => app.services.syncCoordinator.status(profileId, DEMO_SCOPE).lastSuccessAt, { timeout: 30_000 }).not.toBe(runsBefore);
  });
});

test.describe('keyboard', () => {
  test('Esc and Alt+← go back; Ctrl/⌘+F focuses the filter; Esc in a field stays in the field', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Account summary' })).toBeVisible();

    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page.getByRole('heading', { name: 'Account summary' })).toBeVisible();

    await page.keyboard.press('ControlOrMeta+f');
    const filter = page.getByLabel('Filter rooms');
    await expect(filter).toBeFocused();
    await page.keyboard.type('3327');
    await expect(filter).toHaveValue('3327');

    // In a room, Esc while editing a billing code cancels the edit and stays in the room; the next Esc goes back.
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    await page.getByTestId('room-table').getByRole('button', { name: /^Billing code .* of conference/ }).first().click();
    const input = page.getByTestId('room-table').getByRole('combobox', { name: /Billing code of conference/ });
    await expect(input).toBeFocused();
    // Alt+← in a text field moves the caret (by word on macOS): it must not leave the view.
    await input.press('Alt+ArrowLeft');
    await expect(input).toBeFocused();
    await input.press('Escape');
    await expect(input).toHaveCount(0);
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Account summary' })).toBeVisible();
  });

  test('Esc in a dialog closes the dialog only', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings-dialog')).toBeHidden();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
  });
});

test.describe('a computer without a printer', () => {
  test.use({ noPrinter: true });

  test('Print says so and offers Save as PDF, which saves the same view', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByRole('group', { name: 'Download and print' }).getByRole('button', { name: 'Print', exact: true }).click();
    const notice = page.getByTestId('export-notice');
    await expect(notice).toHaveAttribute('data-tone', 'error');
    await expect(notice).toContainText('This computer has no printer.');
    await saveScreenshot(page, 'no-printer');
    await notice.getByRole('button', { name: 'Save as PDF instead' }).click();
    await expect(notice).toHaveAttribute('data-tone', 'saved', { timeout: 30_000 });
    expect(await page.getByTestId('export-path').getAttribute('title')).toMatch(/OAI_602127_2009-05_summary\.pdf$/);
  });
});

test('Settings: the new-month notification is off by default and can be turned on', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = page.getByTestId('settings-notify-new-month');
  await expect(box).not.toBeChecked();
  await box.check();
  await expect.poll(() => app.services.settings.get().notifyNewMonth).toBe(true);
});
