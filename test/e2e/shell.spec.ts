import { expect, screenshotPath, test } from './fixtures';

test('the harness serves the app shell, wired to the real services', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(app.url);
  await expect(page.getByText('OAI Desktop').first()).toBeVisible();
  // The status bar shows what main answered over the bridge.
  await expect(page.getByTestId('statusbar')).toContainText('Version 0.0.0-e2e');
  await expect(page.getByTestId('statusbar')).toContainText('Browser harness');
  await page.screenshot({ path: screenshotPath('shell-en'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a page from another origin cannot call the bridge', async ({ page, app }) => {
  await page.goto('about:blank');
  const status = await page.evaluate(async (url) => {
    try {
      const response = await fetch(`${url}__bridge/appInfo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return response.status;
    } catch {
      return 'blocked';
    }
  }, app.url);
  expect(status).toBe('blocked');
});
