// Large accounts stay smooth: the tables keep only the rows on screen in the
// DOM (1,000 rooms, 10,000+ conferences), with the header and the Total row in
// view while the body scrolls.
import type { Page } from '@playwright/test';
import { bodyRows, expect, openDemo, test } from './fixtures';

async function domRowCount(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).locator('.table-body [role="row"]').count();
}

/** Scrolls a table to its end and back checks the header and Total stay in view. */
async function scrollToEnd(page: Page, testId: string): Promise<void> {
  const table = page.getByTestId(testId);
  // A short window scrolls the page to the table first, as a user would.
  await table.scrollIntoViewIfNeeded();
  await table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  const totalShown = (await table.locator('.table-foot').count()) > 0;
  const lastIndex = rowCount - (totalShown ? 1 : 0);
  await expect(table.locator(`.table-body [role="row"][aria-rowindex="${lastIndex}"]`)).toBeInViewport();
  await expect(table.locator('.table-head [role="row"]')).toBeInViewport();
  if (totalShown) await expect(table.locator('.table-foot [role="row"]')).toBeInViewport();
}

test.describe('1,000 rooms', () => {
  test.use({ demo: { now: '2009-05-20', rooms: 1000, perRoom: 2 } });

  test('the summary of every room scrolls, sorts and filters with few rows in the DOM', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByTestId('room-display').selectOption('all');
    await expect(page.getByText('1,000 rooms')).toBeVisible();
    await expect(page.getByTestId('summary-table')).toHaveAttribute('aria-rowcount', '1002');
    expect(await domRowCount(page, 'summary-table')).toBeLessThan(80);
    await scrollToEnd(page, 'summary-table');
    expect(await domRowCount(page, 'summary-table')).toBeLessThan(80);

    const charge = page.getByRole('columnheader', { name: 'Charge' });
    await charge.getByRole('button').click();
    await charge.getByRole('button').click();
    await page.getByTestId('summary-table').evaluate((element) => element.scrollTo({ top: 0 }));
    // The virtual rows follow the scroll a frame later: wait for the first one.
    await expect(page.getByTestId('summary-table').locator('.table-body [role="row"][aria-rowindex="2"]')).toBeInViewport();
    await expect(charge).toHaveAttribute('aria-sort', 'descending');
    const top = await bodyRows(page, 'summary-table');
    const cents = top.map((row) => Number(row[4]!.replace(/[€,.]/g, '')));
    expect(cents).toEqual([...cents].sort((a, b) => b - a));
    expect(cents[0]).toBeGreaterThan(0);

    await page.getByLabel('Filter rooms').fill('Leo');
    await expect(page.getByText(/^\d+ rooms? of 1,000$/)).toBeVisible();
    for (const row of await bodyRows(page, 'summary-table')) expect(row.join(' ')).toMatch(/leo/i);
  });
});

test.describe('10,000 conferences', () => {
  test.use({ demo: { now: '2009-05-20', rooms: 3, perRoom: 10_000 } });

  test('a room with over 10,000 conferences and a 10,000-conference billing code scroll smoothly', async ({ page, app }) => {
    test.setTimeout(150_000);
    // 120,000 conferences to sync first: minutes, not seconds, on a busy 2-core machine.
    await openDemo(page, app, 90_000);
    await page.getByTestId('period-select').selectOption('2009-04');
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    const table = page.getByTestId('room-table');
    await expect(table).toBeVisible({ timeout: 15_000 });
    const rowCount = Number(await table.getAttribute('aria-rowcount'));
    expect(rowCount).toBeGreaterThan(10_000);
    expect(await domRowCount(page, 'room-table')).toBeLessThan(80);
    await scrollToEnd(page, 'room-table');
    expect(await domRowCount(page, 'room-table')).toBeLessThan(80);

    // Sorting 10,000 rows works (its speed is the bench's business).
    const length = page.getByRole('columnheader', { name: 'Length' });
    await length.getByRole('button').click();
    await expect(length).toHaveAttribute('aria-sort', 'ascending');

    await page.getByRole('button', { name: 'Billing codes' }).click();
    const codes = await bodyRows(page, 'codes-table');
    const unallocated = codes.find((row) => row[0] === 'Unallocated')!;
    expect(Number(unallocated[1]!.replace(/,/g, ''))).toBeGreaterThan(10_000);
    await page.getByRole('button', { name: 'Conferences with billing code Unallocated' }).click();
    await expect(page.getByTestId('code-conferences-table')).toBeVisible({ timeout: 15_000 });
    expect(await domRowCount(page, 'code-conferences-table')).toBeLessThan(80);
    await scrollToEnd(page, 'code-conferences-table');
  });
});
