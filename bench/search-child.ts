// Search across the archive: building the index of every month (as an
// upgraded archive does on the archive thread), then, in Chromium on the
// harness, the time from submitting a search to its first page painted,
// beside the bridge round trip of that page alone (the floor).
//   node --import tsx bench/search-child.ts DB
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { indexMissingPeriods, openCache } from '../src/main/cache';
import { open as openBenchApp, PROFILE_ID } from './harness-page';

const [db] = process.argv.slice(2) as [string];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The index from nothing, over every month of the cache.
const writable = openCache(db, { verify: false });
writable.exec('DELETE FROM conference_search; DELETE FROM conference_search_periods');
const indexStart = performance.now();
const months = indexMissingPeriods(writable);
const indexMs = performance.now() - indexStart;
const { count } = writable.prepare('SELECT count(*) AS count FROM conferences').get() as { count: number };
writable.close();

const SEARCH_IN_PAGE = `async (text) => {
  const box = document.querySelector('[data-testid="search-input"]');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, text);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  document.querySelector('[data-testid="search-submit"]').click();
  const painted = () => document.querySelector('[data-testid="search-count"]') !== null && document.querySelectorAll('[data-testid="search-table"] .table-body [role=row]').length > 0;
  await new Promise((resolve) => {
    const check = () => (painted() ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
}`;

const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const app = await openBenchApp(db);
const searchMs: number[] = [];
const floorMs: number[] = [];
// A cardholder's conferences (every month), and a word many legs share.
for (const text of ['holder', 'name', 'reservationless', 'holder 1']) {
  await page.goto(app.url);
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').waitFor();
  searchMs.push(await page.evaluate<number>(`(${SEARCH_IN_PAGE})(${JSON.stringify(text)})`));
  const args = { profileId: PROFILE_ID, text, from: null, to: null, offset: 0 };
  floorMs.push(await page.evaluate<number>(`(async () => { const s = performance.now(); await window.oai.searchArchive(${JSON.stringify(args)}); return performance.now() - s; })()`));
}
await app.close();
await browser.close();
process.stdout.write(JSON.stringify({ months, conferences: count, indexMs, searchMs: median(searchMs), floorMs: median(floorMs) }) + '\n');
