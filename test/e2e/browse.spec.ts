// Browsing the synced demo account: the seed document's ACCOUNT SUMMARY, a
// room's conference list, a conference's participants, back again with the
// summary as it was; periods, room display, sorting, filtering, billing codes.
import { bodyRows, collectErrors, expect, openDemo, plain, test, totalRow } from './fixtures';

test.describe('in French, as the seed document', () => {
  test.use({ osLocale: 'fr-FR' });

  test('the May 2009 summary shows exactly the three rooms of the seed document and 132,07 €', async ({ page, app }) => {
    const errors = collectErrors(page);
    await openDemo(page, app);
    await expect(page.getByRole('heading', { name: 'Récapitulatif du compte' })).toBeVisible();
    await expect(page.getByTestId('account-number')).toHaveText('602127');
    await expect(page.getByTestId('company-name')).toHaveText('MeetingOne Phoenix');
    const period = page.getByTestId('period-select');
    await expect(period).toHaveValue('2009-05');
    expect(plain(await period.locator('option:checked').textContent())).toBe('Depuis le 1/05/2009 — Non facturé');
    await expect(page.getByTestId('room-display')).toHaveValue('active');

    expect(await bodyRows(page, 'summary-table')).toEqual([
      ['32 002 6', 'Leo', '', '00:01:00', '0,09 €'],
      ['33 270 3', 'Marilene BALLESTER', '', '23:50:16', '116,59 €'],
      ['33 584 8', 'Jean-Baptiste Godeau', '', '02:58:52', '15,39 €'],
    ]);
    expect(await totalRow(page, 'summary-table')).toEqual(['Total', '', '', '26:50:08', '132,07 €']);
    expect(errors).toEqual([]);
  });

  test('a room lists its 19 conferences in Paris time, with French dates and the room total', async ({ page, app }) => {
    await openDemo(page, app);
    await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
    await expect(page.getByTestId('room-number')).toHaveText('33 270 3');
    await expect(page.getByTestId('room-cardholder')).toHaveText('Marilene BALLESTER');
    await expect(page.getByTestId('conference-count')).toHaveText('19 conférences');
    await expect(page.getByRole('columnheader', { name: 'Heure [GMT+2]' })).toBeVisible();
    const rows = await bodyRows(page, 'room-table');
    expect(rows).toHaveLength(19);
    expect(rows[0]![0]).toBe('06/05/2009');
    expect(rows.at(-1)![0]).toBe('19/05/2009');
    for (const row of rows) expect(row[1]).toMatch(/^\d{2}:\d{2}$/);
    expect((await totalRow(page, 'room-table')).at(-1)).toBe('116,59 €');
    expect((await totalRow(page, 'room-table')).at(-2)).toBe('23:50:16');
  });
});

test('demo sign-in → summary → room → conference → back keeps the summary as it was', async ({ page, app }) => {
  const errors = collectErrors(page);
  await openDemo(page, app);

  // Arrange the summary: all rooms, sorted by charge descending, filtered.
  await page.getByTestId('room-display').selectOption('all');
  await expect(page.getByText('40 rooms')).toBeVisible();
  const chargeHeader = page.getByRole('columnheader', { name: 'Charge' });
  await chargeHeader.getByRole('button').click();
  await chargeHeader.getByRole('button').click();
  await expect(chargeHeader).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Filter rooms').fill('33');
  const filteredRows = await bodyRows(page, 'summary-table');
  expect(filteredRows.length).toBeGreaterThan(1);

  // Into Marilene's room.
  await page.getByRole('button', { name: /Marilene BALLESTER/ }).click();
  await expect(page.getByRole('heading', { name: 'Conference List' })).toBeVisible();
  await expect(page.getByTestId('room-period')).toHaveText('Since 5/1/2009 — Not invoiced');
  await expect(page.getByRole('columnheader', { name: 'Time [GMT+2]' })).toBeVisible();
  const conferences = await bodyRows(page, 'room-table');
  expect(conferences).toHaveLength(19);
  expect(conferences[0]![0]).toBe('5/6/2009');
  expect(conferences[0]![1]).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/);
  expect((await totalRow(page, 'room-table')).at(-1)).toBe('€116.59');

  // Into its first conference: the participants add up to the conference.
  const first = conferences[0]!;
  await page.getByRole('button', { name: /Participants of the conference of 5\/6\/2009/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Conference' })).toBeVisible();
  await expect(page.getByTestId('conference-room')).toHaveText('33 270 3');
  await expect(page.getByTestId('conference-date')).toHaveText('5/6/2009');
  const participants = await bodyRows(page, 'participants-table');
  expect(participants).toHaveLength(Number(first[2]));
  for (const p of participants) expect(p[3]).toMatch(/^\d{1,2}:\d{2}:\d{2} (AM|PM)$/);
  const total = await totalRow(page, 'participants-table');
  expect(total[0]).toBe('Total');
  expect(total[1]).toBe(`${participants.length} participants`);
  expect(total.at(-1)).toBe(first.at(-1));
  expect(total.at(-2)).toBe(first.at(-2));

  // Back, and back again: the summary kept its period, display, sort and filter.
  await page.getByRole('button', { name: 'Back to conference list' }).click();
  await expect(page.getByTestId('room-table')).toBeVisible();
  await page.getByRole('button', { name: 'Back to summary' }).click();
  await expect(page.getByTestId('room-display')).toHaveValue('all');
  await expect(page.getByTestId('period-select')).toHaveValue('2009-05');
  await expect(page.getByLabel('Filter rooms')).toHaveValue('33');
  await expect(page.getByRole('columnheader', { name: 'Charge' })).toHaveAttribute('aria-sort', 'descending');
  expect(await bodyRows(page, 'summary-table')).toEqual(filteredRows);
  expect(errors).toEqual([]);
});

test('switching billing period and room display changes rooms and totals', async ({ page, app }) => {
  await openDemo(page, app);
  const period = page.getByTestId('period-select');
  const options = await period.locator('option').allTextContents();
  expect(options).toEqual(['Since 5/1/2009 — Not invoiced', 'April 2009 — Invoiced', 'March 2009 — Invoiced', 'February 2009 — Invoiced']);
  expect(await totalRow(page, 'summary-table')).toContain('€132.07');

  await period.selectOption('2009-04');
  await expect(page.getByText('Invoiced', { exact: true })).toBeVisible();
  await expect.poll(async () => (await totalRow(page, 'summary-table')).at(-1)).not.toBe('€132.07');
  const activeApril = await bodyRows(page, 'summary-table');
  expect(activeApril.length).toBeGreaterThan(3);
  // Active rooms only: every row has used some time.
  for (const row of activeApril) expect(row[3]).not.toBe('00:00:00');

  await page.getByTestId('room-display').selectOption('all');
  await expect(page.getByText('40 rooms')).toBeVisible();
  // 40 rooms, a header and a Total row (the body is virtualized: not all rows are in the DOM).
  await expect(page.getByTestId('summary-table')).toHaveAttribute('aria-rowcount', '42');
  const allApril = await bodyRows(page, 'summary-table');
  expect(allApril.some((row) => row[3] === '00:00:00')).toBe(true);
});

test('every summary column sorts, and "Sort by billing code" is one click', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByTestId('room-display').selectOption('all');
  await expect(page.getByText('40 rooms')).toBeVisible();

  const column = async (index: number) => (await bodyRows(page, 'summary-table')).map((row) => row[index]!);
  const cardholder = page.getByRole('columnheader', { name: 'Cardholder' });
  await cardholder.getByRole('button').click();
  await expect(cardholder).toHaveAttribute('aria-sort', 'ascending');
  const names = (await column(1)).filter((name) => name !== 'No cardholder');
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

  const roomHeader = page.getByRole('columnheader', { name: 'Room Number' });
  await roomHeader.getByRole('button').click();
  await roomHeader.getByRole('button').click();
  await expect(roomHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(cardholder).toHaveAttribute('aria-sort', 'none');
  const rooms = (await column(0)).map((room) => room.replace(/ /g, ''));
  expect(rooms).toEqual([...rooms].sort().reverse());

  const time = page.getByRole('columnheader', { name: 'Accumulated Time' });
  await time.getByRole('button').click();
  const times = await column(3);
  expect(times).toEqual([...times].sort());

  await page.getByRole('button', { name: 'Sort by billing code' }).click();
  await expect(page.getByRole('columnheader', { name: 'Auto Billing Code' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('button', { name: 'Sort by billing code' })).toHaveAttribute('aria-pressed', 'true');
  const codes = await column(2);
  const withCode = codes.filter((code) => code !== '');
  expect(withCode.length).toBeGreaterThan(0);
  // Coded rooms first, in order; rooms without a code last.
  expect(codes.slice(0, withCode.length)).toEqual(withCode);
  expect(withCode).toEqual([...withCode].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
});

test('the filter narrows rooms by number (with or without spaces), cardholder or code', async ({ page, app }) => {
  await openDemo(page, app);
  const filter = page.getByLabel('Filter rooms');
  await filter.fill('33 270 3');
  expect((await bodyRows(page, 'summary-table')).map((r) => r[1])).toEqual(['Marilene BALLESTER']);
  await filter.fill('335848');
  expect((await bodyRows(page, 'summary-table')).map((r) => r[1])).toEqual(['Jean-Baptiste Godeau']);
  await filter.fill('leo');
  expect((await bodyRows(page, 'summary-table')).map((r) => r[0])).toEqual(['32 002 6']);
  await expect(page.getByText('1 room of 3')).toBeVisible();
  expect(await totalRow(page, 'summary-table')).toEqual(['Total shown', '', '', '00:01:00', '€0.09']);
  await filter.fill('nobody here');
  await expect(page.getByText('No room matches this filter.')).toBeVisible();
  await filter.fill('');
  expect(await bodyRows(page, 'summary-table')).toHaveLength(3);
});

test('the billing codes view groups the period by code and opens each code’s conferences', async ({ page, app }) => {
  await openDemo(page, app);
  await page.getByRole('button', { name: 'Billing codes' }).click();
  await expect(page.getByRole('heading', { name: 'Billing Codes' })).toBeVisible();
  const rows = await bodyRows(page, 'codes-table');
  const codes = rows.map((row) => row[0]);
  expect(codes).toContain('Unallocated');
  expect(codes.at(-1)).toBe('Unallocated');
  const total = await totalRow(page, 'codes-table');
  // The codes add up to the account summary of the period.
  expect(total.at(-1)).toBe('€132.07');
  expect(total.at(-2)).toBe('26:50:08');
  expect(rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(Number(total[1]));

  const board = rows.find((row) => row[0] === 'BOARD')!;
  await page.getByRole('button', { name: 'Conferences with billing code BOARD' }).click();
  await expect(page.getByRole('heading', { name: 'Billing Code: BOARD' })).toBeVisible();
  const conferences = await bodyRows(page, 'code-conferences-table');
  expect(conferences).toHaveLength(Number(board[1]));
  const codeColumn = 6; // Date, Time, Room, Cardholder, Quantity, Service Type, Billing Code…
  for (const conference of conferences) expect(conference[codeColumn]).toBe('BOARD');
  expect((await totalRow(page, 'code-conferences-table')).at(-1)).toBe(board[3]);

  // A conference from here, and back to the code.
  await page.getByRole('button', { name: /Participants of the conference/ }).first().click();
  await expect(page.getByTestId('participants-table')).toBeVisible();
  await page.getByRole('button', { name: 'Back to billing code' }).click();
  await expect(page.getByRole('heading', { name: 'Billing Code: BOARD' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to billing codes' }).click();
  await page.getByRole('button', { name: 'Conferences with billing code Unallocated' }).click();
  await expect(page.getByRole('heading', { name: 'Billing Code: Unallocated' })).toBeVisible();
  const unallocated = rows.find((row) => row[0] === 'Unallocated')!;
  expect(await bodyRows(page, 'code-conferences-table')).toHaveLength(Number(unallocated[1]));
});
