// A provider at a new address: signing in there for an account the cache
// holds under the old address asks, before any sync, whether it is the same
// provider. "Link its history" moves the months to the new address; "Keep
// apart" keeps two histories. Screenshots of the question in both languages.
import { listCachedAccounts } from '../../src/main/cache';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../src/main/demo';
import { bodyRows, expect, saveScreenshot, SEED_NOW, test, waitForSynced, type HarnessFixture } from './fixtures';

let oldAddress: DemoProvider;
let newAddress: DemoProvider;
test.beforeAll(async () => {
  [oldAddress, newAddress] = await Promise.all([startDemoProvider({ now: SEED_NOW, rooms: 10 }), startDemoProvider({ now: SEED_NOW, rooms: 10 })]);
});
test.afterAll(async () => {
  await Promise.all([oldAddress.close(), newAddress.close()]);
});

const signIn = (app: HarnessFixture, at: DemoProvider) =>
  app.services.handlers.signIn({
    serverUrl: at.url,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    accountNumber: '602127',
    roomNumber: null,
    rememberPassword: false,
  });
const cached = (app: HarnessFixture) => listCachedAccounts(app.services.cache.read()).map(({ provider, months }) => [provider, months]);

test('a sign-in at the provider’s new address asks first, and "Link its history" brings the months along', async ({ page, app }) => {
  // The account, synced from its old address.
  const old = await signIn(app, oldAddress);
  await app.services.syncCoordinator.sync({ profileId: old.id, origin: '', accountNumber: null, createClient: () => Promise.reject(new Error('joined')) });
  expect(cached(app)).toEqual([[oldAddress.url, 4]]);

  // The same account at the new address, through the form.
  await page.goto(app.url);
  await page.getByTestId('profile-select').selectOption({ label: 'Add an account…' });
  const form = page.getByRole('region', { name: 'Sign in to your OAI provider' });
  await form.getByLabel('User name (e-mail)').fill(DEMO_USERNAME);
  await form.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await form.getByLabel('Account number').fill('602127');
  await form.getByLabel('Remember password').uncheck();
  await form.getByText('Advanced').click();
  await form.getByLabel('Provider address').fill(newAddress.url);
  await form.getByRole('button', { name: 'Sign in' }).click();

  const dialog = page.getByRole('dialog', { name: 'Same provider at a new address?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Is ${newAddress.url} the same provider as ${oldAddress.url}, at a new address?`);
  await expect(dialog).toContainText(`This computer keeps 4 months of account 602127 from ${oldAddress.url}.`);
  await expect(page.getByTestId('no-data')).toContainText('the first sync waits for it');
  await saveScreenshot(page, 'provider-link-en');
  // Nothing was synced from the new address while the question is open.
  expect(cached(app)).toEqual([[oldAddress.url, 4]]);

  await dialog.getByRole('button', { name: 'Link its history' }).click();
  await expect(dialog).toHaveCount(0);
  await waitForSynced(page);
  expect((await bodyRows(page, 'summary-table')).map((row) => row[0])).toEqual(['32 002 6', '33 270 3', '33 584 8']);
  expect(cached(app)).toEqual([[newAddress.url, 4]]);
});

test.describe('in French', () => {
  test.use({ osLocale: 'fr-FR' });

  test('the question survives a restart of the window, and « Garder séparés » keeps two histories', async ({ page, app }) => {
    const old = await signIn(app, oldAddress);
    await app.services.syncCoordinator.sync({ profileId: old.id, origin: '', accountNumber: null, createClient: () => Promise.reject(new Error('joined')) });
    const waiting = await signIn(app, newAddress);
    expect(waiting.relinkCandidates).toEqual([{ provider: oldAddress.url, months: 4 }]);

    await page.goto(app.url);
    const dialog = page.getByRole('dialog', { name: 'Même fournisseur à une nouvelle adresse ?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${newAddress.url} est-il le même fournisseur que ${oldAddress.url}, à une nouvelle adresse ?`);
    await expect(dialog).toContainText(`Cet ordinateur conserve 4 mois du compte 602127 venant de ${oldAddress.url}.`);
    await saveScreenshot(page, 'provider-link-fr');

    await dialog.getByRole('button', { name: 'Garder séparés' }).click();
    await expect(dialog).toHaveCount(0);
    await waitForSynced(page);
    expect(cached(app).sort()).toEqual(
      [
        [oldAddress.url, 4],
        [newAddress.url, 4],
      ].sort(),
    );
    // Both sign-ins are listed, told apart by their address; each shows its own history.
    const profiles = page.getByTestId('profile-select');
    const [oldHost, newHost] = [oldAddress, newAddress].map((p) => new URL(p.url).host);
    await expect(profiles.locator('option:checked')).toHaveText(`Compte 602127 · ${newHost}`);
    await expect(page.getByTestId('summary-table')).toBeVisible();
    await profiles.selectOption({ label: `Compte 602127 · ${oldHost}` });
    await expect(page.getByTestId('summary-table')).toBeVisible();
    await saveScreenshot(page, 'provider-link-kept-apart-fr');
  });
});
