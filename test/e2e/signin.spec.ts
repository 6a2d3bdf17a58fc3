// Sign-in as OAI asks for it, the demo offered first on first run, clear
// messages for each failure, saved accounts switched from the top bar, and
// signing out with the choice to forget the saved password.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, startDemoProvider, type DemoProvider } from '../../src/main/demo';
import { collectErrors, expect, RENDERER_DIR, SEED_NOW, test, waitForSynced } from './fixtures';

let provider: DemoProvider;
test.beforeAll(async () => {
  provider = await startDemoProvider({ now: SEED_NOW, rooms: 10 });
});
test.afterAll(async () => {
  await provider.close();
});

test('first run offers the demo account first, with its credentials, and opens it in one click', async ({ page, app }) => {
  const errors = collectErrors(page);
  await page.goto(app.url);
  const demo = page.getByRole('region', { name: 'Try it with the demo account' });
  await expect(demo).toBeVisible();
  // The demo comes first, before the sign-in form.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Try it with the demo account', 'Sign in to your OAI provider']);
  await expect(demo).toContainText('demo@meetingone.example');
  await expect(demo).toContainText('demo-password');
  await expect(demo).toContainText('602127');
  await demo.getByRole('button', { name: 'Open the demo account' }).click();
  await waitForSynced(page);
  await expect(page.getByTestId('company-name')).toHaveText('MeetingOne Phoenix');
  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText('Account 602127 · demo');
  expect(errors).toEqual([]);
});

test('the built renderer does not carry the demo password: main serves it to the welcome card', () => {
  const files = readdirSync(RENDERER_DIR, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const content = readFileSync(path.join(file.parentPath, file.name));
    expect(content.includes(DEMO_PASSWORD), path.join(file.parentPath, file.name)).toBe(false);
  }
});

test('the form checks its fields, keeps the provider address under Advanced, and explains each failure', async ({ page, app }) => {
  await page.goto(app.url);
  const form = page.getByRole('region', { name: 'Sign in to your OAI provider' });
  const address = form.getByLabel('Provider address');
  await expect(address).toBeHidden();
  await form.getByText('Advanced').click();
  await expect(address).toHaveValue('');
  await expect(address).toHaveAttribute('placeholder', 'https://…');
  await form.getByText('Advanced').click();

  // Nothing filled: every field says what it needs, and Advanced opens for the address.
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText('Enter your user name.')).toBeVisible();
  await expect(form.getByText('Enter your password.')).toBeVisible();
  await expect(form.getByText('Enter your account number.')).toBeVisible();
  await expect(address).toBeVisible();
  await expect(form.getByText('Enter your provider’s address (under Advanced).')).toBeVisible();
  await expect(form.getByLabel('User name (e-mail)')).toBeFocused();

  // Account number or room number, as in OAI.
  await expect(form.getByLabel('Account number')).toBeVisible();
  await form.getByLabel('One room only').check();
  await expect(form.getByLabel('Room number')).toBeVisible();
  await form.getByLabel('The whole account (all rooms)').check();

  await form.getByLabel('User name (e-mail)').fill(provider.credentials.username);
  await form.getByLabel('Password', { exact: true }).fill('not-the-password');
  await form.getByLabel('Account number').fill(provider.credentials.accountNumber);
  await address.fill(provider.url);
  const error = page.getByTestId('signin-error');
  const submit = async () => {
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('button', { name: 'Sign in' })).toBeEnabled({ timeout: 20_000 });
  };

  await submit();
  await expect(error).toHaveText(/^The provider did not accept this user name, password/);

  await address.fill(provider.url.replace('http://', 'https://'));
  await submit();
  await expect(error).toHaveText(/^A secure connection to the provider could not be established/);

  await address.fill('http://127.0.0.1:1');
  await submit();
  await expect(error).toHaveText(/^The provider’s server could not be reached/);

  await address.fill('http://oai.example.com');
  await submit();
  await expect(error.locator('p')).toHaveText('Use an https:// address. Plain http:// is only allowed for this computer.');

  // Right password: signed in, the first sync runs, the account is browsable.
  await address.fill(provider.url);
  await form.getByLabel('Password', { exact: true }).fill(provider.credentials.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await waitForSynced(page);
  await expect(page.getByTestId('account-number')).toHaveText('602127');
  await expect(page.getByTestId('summary-table')).toBeVisible();
});

test('saved accounts switch from the top bar, and signing out can forget the password', async ({ page, app }) => {
  await page.goto(app.url);
  // A real sign-in first, with its password remembered.
  const form = page.getByRole('region', { name: 'Sign in to your OAI provider' });
  await form.getByLabel('User name (e-mail)').fill(provider.credentials.username);
  await form.getByLabel('Password', { exact: true }).fill(provider.credentials.password);
  await form.getByLabel('Account number').fill(provider.credentials.accountNumber);
  await expect(form.getByLabel('Remember password')).toBeChecked();
  await form.getByText('Advanced').click();
  await form.getByLabel('Provider address').fill(provider.url);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await waitForSynced(page);

  // Then the demo, added from the top bar.
  const profiles = page.getByTestId('profile-select');
  await profiles.selectOption({ label: 'Add an account…' });
  await expect(page.getByRole('heading', { name: 'Saved accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo account' }).click();
  await waitForSynced(page);
  await expect(profiles.locator('option')).toHaveText(['Account 602127', 'Account 602127 · demo', 'Add an account…']);
  await expect(profiles.locator('option:checked')).toHaveText('Account 602127 · demo');

  await profiles.selectOption({ label: 'Account 602127' });
  await expect(profiles.locator('option:checked')).toHaveText('Account 602127');
  await expect(page.getByTestId('summary-table')).toBeVisible();

  // Sign out, forgetting the password: back to the sign-in screen with both saved accounts.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out' });
  await expect(dialog).toContainText(provider.credentials.username);
  await dialog.getByLabel('Also forget the saved password').check();
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Saved accounts' })).toBeVisible();
  const saved = (await app.services.handlers.listProfiles({})) as Array<{ isDemo: boolean; hasSavedPassword: boolean }>;
  expect(saved.find((p) => !p.isDemo)?.hasSavedPassword).toBe(false);

  // A saved account reopens with one click.
  await page.getByRole('button', { name: /Account 602127 · demo/ }).click();
  await expect(page.getByTestId('summary-table')).toBeVisible();
});
