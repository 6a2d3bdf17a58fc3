// Reports across months at large scale: a 24-month archive written directly
// into a cache (the demo's generator through the sync's period writer, not
// synced), then in Chromium on the browser harness the time from clicking
// Trends / Chargeback to its table and chart painted, beside the bridge
// round trip alone; plus the queries alone and the cache's size on disk.
//   node --import tsx bench/reports-child.ts WORK_DIR ROOMS PER_ROOM MONTHS
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { monthlyTotals, openCache, providerKey } from '../src/main/cache';
import { monthsBetween, writeDemoHistory } from '../src/main/demo/history';
import { chargebackReport } from '../src/main/features/reports/chargeback';
import { shiftPeriod } from '../src/shared/reports';
import { bridgeFloor, launchChromium, open, PROFILE_ID } from './harness-page';

const [work, rooms, perRoom, monthCount] = process.argv.slice(2) as [string, string, string, string];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ORIGIN = 'http://127.0.0.1:9';
const LAST = '2026-09';
const first = shiftPeriod(LAST, 1 - Number(monthCount));
const file = path.join(work, 'reports.sqlite');

// A work dir that already holds the archive (a rerun by hand) is measured as it is.
const reused = existsSync(file);
const writeStart = performance.now();
const db = openCache(file, { verify: false });
const written = reused
  ? (db.prepare('SELECT (SELECT count(*) FROM conferences) AS conferences, (SELECT count(*) FROM participants) AS participants').get() as {
      conferences: number;
      participants: number;
    })
  : writeDemoHistory(db, {
      key: { provider: providerKey(ORIGIN), accountNumber: '602127' },
      origin: ORIGIN,
      first,
      last: LAST,
      rooms: Number(rooms),
      perRoom: Number(perRoom),
    });
db.pragma('wal_checkpoint(TRUNCATE)');
const writeMs = performance.now() - writeStart;
const scope = { provider: providerKey(ORIGIN), accountNumber: '602127', roomNumber: null };
const timed = (run: () => unknown) => {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return median(times);
};
const trendsQueryMs = timed(() => monthlyTotals(db, scope, { kind: 'account' }));
const chargebackQueryMs = timed(() => chargebackReport(db, scope, 'code', null, null));
db.close();
const cacheBytes = statSync(file).size;

/** Clicks a tab and waits until its table has rows and its chart bars, then two frames. Plain JavaScript (see views-child.ts). */
const OPEN_TAB = `async ({ tab, table }) => {
  const start = performance.now();
  [...document.querySelectorAll('nav.tabs button')].find((b) => b.textContent.trim() === tab).click();
  const painted = () =>
    document.querySelectorAll('[data-testid="' + table + '"] .table-body [role=row]').length > 0 &&
    document.querySelectorAll('[data-testid="bar-chart"] .recharts-bar-rectangle').length > 0;
  await new Promise((resolve) => {
    const check = () => (painted() ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
}`;

async function openTab(page: Page, tab: string, table: string): Promise<number> {
  const ms = await page.evaluate<number>(`(${OPEN_TAB})(${JSON.stringify({ tab, table })})`);
  await page.getByRole('navigation').getByRole('button', { name: 'Account summary' }).click();
  await page.getByTestId('summary-total').waitFor();
  return ms;
}

const app = await open(file);
const { browser, page } = await launchChromium();
await page.goto(app.url);
await page.getByTestId('summary-total').waitFor();
const firstTrendsMs = await openTab(page, 'Trends', 'trends-table');
const trendsMs: number[] = [];
const chargebackMs: number[] = [];
const trendsFloorMs: number[] = [];
const chargebackFloorMs: number[] = [];
for (let round = 0; round < 3; round += 1) {
  trendsMs.push(await openTab(page, 'Trends', 'trends-table'));
  trendsFloorMs.push(await bridgeFloor(page, 'trends', { profileId: PROFILE_ID, subject: { kind: 'account' } }));
  chargebackMs.push(await openTab(page, 'Chargeback', 'chargeback-table'));
  chargebackFloorMs.push(await bridgeFloor(page, 'chargeback', { profileId: PROFILE_ID, by: 'code', from: null, to: null }));
}
await browser.close();
await app.close();

process.stdout.write(
  JSON.stringify({
    months: monthsBetween(first, LAST).length,
    conferences: written.conferences,
    participants: written.participants,
    writeMs,
    cacheMb: cacheBytes / 1_048_576,
    trendsQueryMs,
    chargebackQueryMs,
    firstTrendsMs,
    trendsMs: median(trendsMs),
    trendsFloorMs: median(trendsFloorMs),
    chargebackMs: median(chargebackMs),
    chargebackFloorMs: median(chargebackFloorMs),
  }) + '\n',
);
