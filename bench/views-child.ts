// Views at large scale, in Chromium on the browser harness: the time from
// choosing a billing period to the summary table painted, and from opening a
// room of 10,000 conferences to its table painted — beside, in the same page,
// the bridge round trip that fetches the same rows (the floor).
//   node --import tsx bench/views-child.ts SUMMARY_DB ROOM_DB
import { type Page } from '@playwright/test';
import { accountSummary, listPeriods, openCache } from '../src/main/cache';
import { cachedAccount } from './cached-account';
import { bridgeFloor, launchChromium, open, PROFILE_ID } from './harness-page';
import { openOnThread } from './harness-thread';

const [summaryDb, roomDb] = process.argv.slice(2) as [string, string];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Action = { kind: 'period'; period: string; totalBefore: string | null } | { kind: 'room'; cardholder: string };


/**
 * Performs the action in the page and measures until its table is on screen
 * and two frames were painted. Plain JavaScript text: tsx would add helpers to
 * a compiled function that the page does not have.
 */
const MEASURE_IN_PAGE = `async (action) => {
  const start = performance.now();
  if (action.kind === 'period') {
    const select = document.querySelector('[data-testid="period-select"]');
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, action.period);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const buttons = [...document.querySelectorAll('[data-testid="summary-table"] button')];
    buttons.find((b) => (b.getAttribute('aria-label') || '').includes(action.cardholder)).click();
  }
  const painted = () =>
    action.kind === 'period'
      ? document.querySelector('[data-testid="summary-total"]')?.textContent !== action.totalBefore &&
        document.querySelectorAll('[data-testid="summary-table"] .table-body [role=row]').length > 0
      : document.querySelector('[data-testid="conference-count"]') !== null &&
        document.querySelectorAll('[role=table] .table-body [role=row]').length > 0;
  await new Promise((resolve) => {
    const check = () => (painted() ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
}`;

async function timeInPage(page: Page, action: Action): Promise<number> {
  return page.evaluate<number>(`(${MEASURE_IN_PAGE})(${JSON.stringify(action)})`);
}

const { browser, page } = await launchChromium();

// Account summary: switch between the four months, timing each switch.
const summaryApp = await open(summaryDb);
const summaryCache = openCache(summaryDb, { readonly: true });
const periods = listPeriods(summaryCache, cachedAccount(summaryCache)).map((p) => p.period);
await page.goto(summaryApp.url);
await page.getByTestId('room-display').selectOption('all');
await page.getByTestId('summary-total').waitFor();
const switchMs: number[] = [];
const summaryFloorMs: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const period of [...periods.slice(1), periods[0]!]) {
    const totalBefore = await page.getByTestId('summary-total').textContent();
    switchMs.push(await timeInPage(page, { kind: 'period', period, totalBefore }));
    summaryFloorMs.push(await bridgeFloor(page, 'accountSummary', { profileId: PROFILE_ID, period, display: 'all' }));
  }
}
const rooms = await page.getByTestId('summary-table').getAttribute('aria-rowcount');
await summaryApp.close();

// Room detail: open the busiest room of the month from the summary.
// The harness on a thread of its own: its event loop stands for the app's main thread, Playwright's is this one.
const roomApp = await openOnThread(roomDb);
const roomCache = openCache(roomDb, { readonly: true });
const roomScope = cachedAccount(roomCache);
const [latest] = listPeriods(roomCache, roomScope);
const busiest = accountSummary(roomCache, roomScope, latest!.period, 'active').rooms.sort((a, b) => b.conferenceCount - a.conferenceCount)[0]!;
const roomMs: number[] = [];
const roomFloorMs: number[] = [];
const firstFloorMs: number[] = [];
await page.goto(roomApp.url);
await page.getByTestId('summary-total').waitFor();
const roomRef = { profileId: PROFILE_ID, period: latest!.period, roomNumber: busiest.roomNumber };
const stalls = { maxStallMs: 0, p99StallMs: 0 };
for (let round = 0; round < 5; round += 1) {
  // Opening the room, until the whole list has arrived (in slices) and painted.
  const opened = await roomApp.measureStalls(async () => {
    roomMs.push(await timeInPage(page, { kind: 'room', cardholder: busiest.cardholder ?? '' }));
    await page.waitForFunction(`document.querySelector('[aria-busy="true"]') === null`);
  });
  stalls.maxStallMs = Math.max(stalls.maxStallMs, opened.maxStallMs);
  stalls.p99StallMs = Math.max(stalls.p99StallMs, opened.p99StallMs);
  firstFloorMs.push(await bridgeFloor(page, 'roomConferencesFirst', { ...roomRef, descending: false, limit: 60 }));
  roomFloorMs.push(await bridgeFloor(page, 'roomConferences', roomRef));
  await page.getByRole('button', { name: /Back to summary/ }).click();
  await page.getByTestId('summary-total').waitFor();
}
const { maxStallMs, p99StallMs } = stalls;
await roomApp.close();
await browser.close();

process.stdout.write(
  JSON.stringify({
    rooms: Number(rooms) - 2,
    periodSwitchMs: median(switchMs),
    summaryFloorMs: median(summaryFloorMs),
    roomConferences: busiest.conferenceCount,
    roomOpenMs: median(roomMs),
    roomFloorMs: median(roomFloorMs),
    firstFloorMs: median(firstFloorMs),
    maxStallMs,
    p99StallMs,
  }) + '\n',
);
