// Assigning billing codes in place: validation, the change shown at once as
// pending (also offline), pushed at the next sync; a refused change with the
// provider's reason, Retry and Discard.
import type { Page } from '@playwright/test';
import { bodyRows, collectErrors, expect, openDemo, saveScreenshot, test } from './fixtures';

const codeButtons = (page: Page) => page.getByTestId('room-table').getByRole('button', { name: /^Billing code .* of conference/ });
const rowOf = (page: Page, index: number) => page.getByTestId('room-table').locator(`[role="row"][aria-rowindex="${index + 2}"]`);

async function openMarilene(page: Page) {
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  await expect(page.getByTestId('room-table')).toBeVisible();
}

/** Index of the first conference of the room whose code is Unallocated. */
async function firstUnallocated(page: Page): Promise<number> {
  const rows = await bodyRows(page, 'room-table');
  const index = rows.findIndex((row) => row[4] === 'Unallocated');
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

test('a code assigned offline shows at once as pending, survives a reload and is pushed at the next sync', async ({ page, app }) => {
  const errors = collectErrors(page);
  await openDemo(page, app);
  await app.services.stopDemoProvider();
  await openMarilene(page);
  const index = await firstUnallocated(page);
  const row = rowOf(page, index);

  // Invalid input is refused inline; Esc cancels and gives focus back.
  await row.getByRole('button', { name: /^Billing code Unallocated/ }).click();
  const input = row.getByRole('combobox', { name: /Billing code of conference/ });
  await expect(input).toBeFocused();
  await input.fill('PROJ/99');
  await input.press('Enter');
  await expect(row.getByRole('alert')).toHaveText('Use letters, digits, spaces, _ . or - only.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('123456789012345678901');
  await input.press('Enter');
  await expect(row.getByRole('alert')).toHaveText('At most 20 characters.');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(row.getByRole('button', { name: /^Billing code Unallocated/ })).toBeFocused();

  // A valid code shows at once, marked pending.
  await row.getByRole('button', { name: /^Billing code Unallocated/ }).click();
  await row.getByRole('combobox').fill('PROJ-99');
  await row.getByRole('combobox').press('Enter');
  await expect(row.getByRole('button', { name: /^Billing code PROJ-99/ })).toBeVisible();
  await expect(row.getByText('Pending', { exact: true })).toBeVisible();

  // Still pending after a reload, with no provider running.
  await page.reload();
  await openMarilene(page);
  await expect(rowOf(page, index).getByRole('button', { name: /^Billing code PROJ-99/ })).toBeVisible();
  await expect(rowOf(page, index).getByText('Pending', { exact: true })).toBeVisible();
  expect(app.services.demoProvider()).toBeNull();

  // The next sync pushes it; the provider's answer replaces the pending mark.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(rowOf(page, index).getByText('Pending', { exact: true })).toHaveCount(0, { timeout: 30_000 });
  await expect(rowOf(page, index).getByRole('button', { name: /^Billing code PROJ-99/ })).toBeVisible();
  const puts = app.services.demoProvider()!.requests.filter((r) => r.method === 'PUT');
  expect(puts).toHaveLength(1);
  expect(puts[0]!.path).toMatch(/\/billing-code$/);
  expect(puts[0]!.status).toBe(200);

  // The billing codes view counts it under its new code.
  await page.getByRole('button', { name: 'Billing codes' }).click();
  const codes = await bodyRows(page, 'codes-table');
  expect(codes.find((r) => r[0] === 'PROJ-99')?.[1]).toBe('1');
  expect(errors).toEqual([]);
});

test('a code the provider refuses shows its reason, with Retry and Discard', async ({ page, app }) => {
  await openDemo(page, app);
  const provider = app.services.demoProvider()!;
  const locked = { kind: 'error', status: 409, code: 'period_locked', message: 'May 2009 is locked for invoicing' } as const;
  provider.faults.add({ method: 'PUT', path: 'billing-code', times: 2, action: locked });
  await openMarilene(page);
  const rows = await bodyRows(page, 'room-table');
  const unallocated = rows.flatMap((row, index) => (row[4] === 'Unallocated' ? [index] : [])).slice(0, 2);
  expect(unallocated).toHaveLength(2);

  for (const [n, index] of unallocated.entries()) {
    const row = rowOf(page, index);
    await row.getByRole('button', { name: /^Billing code Unallocated/ }).click();
    await row.getByRole('combobox').fill(`LOCKED-${n + 1}`);
    await row.getByRole('combobox').press('Enter');
    await expect(row.getByText('Pending', { exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Sync now' }).click();

  // Both refused: each row keeps the provider's code, marked, and the reason is spelled out.
  const failed = page.getByTestId('failed-changes');
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await expect(failed.getByRole('listitem')).toHaveCount(2);
  await expect(failed).toContainText('LOCKED-1');
  // In the user's words, the provider's own kept as a detail.
  await expect(failed).toContainText('The provider has locked this month (it is invoiced): its billing codes can no longer change.');
  await expect(failed).toContainText('The provider said: “May 2009 is locked for invoicing”');
  await saveScreenshot(page, 'code-refused-en-light');
  for (const index of unallocated) {
    await expect(rowOf(page, index).getByText('Not accepted')).toBeVisible();
    await expect(rowOf(page, index).getByRole('button', { name: /^Billing code Unallocated/ })).toBeVisible();
  }

  // Discard the second: back to Unallocated, nothing pending.
  await failed.getByRole('listitem').filter({ hasText: 'LOCKED-2' }).getByRole('button', { name: 'Discard' }).click();
  await expect(failed.getByRole('listitem')).toHaveCount(1);
  await expect(rowOf(page, unallocated[1]!).getByText('Not accepted')).toHaveCount(0);

  // Retry the first: pending again, and the next sync (the fault is spent) pushes it.
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(failed).toHaveCount(0);
  const first = rowOf(page, unallocated[0]!);
  await expect(first.getByRole('button', { name: /^Billing code LOCKED-1/ })).toBeVisible();
  await expect(first.getByText('Pending', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(first.getByText('Pending', { exact: true })).toHaveCount(0, { timeout: 30_000 });
  await expect(first.getByRole('button', { name: /^Billing code LOCKED-1/ })).toBeVisible();
  await expect(rowOf(page, unallocated[1]!).getByRole('button', { name: /^Billing code Unallocated/ })).toBeVisible();
});

test('an existing code is edited in place too, and clearing it returns the conference to Unallocated', async ({ page, app }) => {
  await openDemo(page, app);
  await openMarilene(page);
  const rows = await bodyRows(page, 'room-table');
  const index = rows.findIndex((row) => row[4] !== 'Unallocated');
  const code = rows[index]![4]!;
  const row = rowOf(page, index);
  await row.getByRole('button', { name: new RegExp(`^Billing code ${code}`) }).click();
  await expect(row.getByRole('combobox')).toHaveValue(code);
  await row.getByRole('combobox').fill('');
  await row.getByRole('combobox').press('Enter');
  await expect(row.getByRole('button', { name: /^Billing code Unallocated/ })).toBeVisible();
  await expect(row.getByText('Pending', { exact: true })).toBeVisible();
  await expect(codeButtons(page).first()).toBeVisible();
});

test('a billing code typed in lower case keeps its case in the drill-down title (issue 15, point 8)', async ({ page, app }) => {
  await openDemo(page, app);
  await openMarilene(page);
  const row = rowOf(page, 0);
  await row.getByRole('button', { name: /^Billing code / }).click();
  await row.getByRole('combobox').fill('client-x');
  await row.getByRole('combobox').press('Enter');
  await expect(row.getByRole('button', { name: /^Billing code client-x/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Billing codes' }).click();
  await page.getByRole('button', { name: 'Conferences with billing code client-x' }).click();
  const title = page.locator('#code-title');
  // innerText is what the page shows, after the title's capitals.
  expect(await title.evaluate((h1) => (h1 as HTMLElement).innerText)).toBe('BILLING CODE: client-x');
  await saveScreenshot(page, 'code-title-as-typed');
});
