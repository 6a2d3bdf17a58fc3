// Search across the archive: optionally building the index of every month
// (as an upgraded archive does on the archive thread), then, in Chromium on the
// harness, the time from submitting a search to its first page painted,
// beside the bridge round trip of that page alone (the floor).
//   node --import tsx bench/search-child.ts DB [rebuild]
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { indexMissingPeriods, openCache } from '../src/main/cache';
import { open as openBenchApp, PROFILE_ID } from './harness-page';

const [db, rebuild] = process.argv.slice(2) as [string, string | undefined];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const writable = openCache(db, { verify: false });
// With 'rebuild': the index from nothing, over every month of the cache (else as the swaps left it).
let indexMs: number | null = null;
if (rebuild === 'rebuild') {
  writable.exec('DELETE FROM conference_search; DELETE FROM conference_search_periods');
  const indexStart = performance.now();
  indexMissingPeriods(writable);
  indexMs = performance.now() - indexStart;
}
const { count, months } = writable
  .prepare('SELECT (SELECT count(*) FROM conferences) AS count, (SELECT count(*) FROM conference_search_periods) AS months')
  .get() as { count: number; months: number };
// What people type, taken from the archive itself: a cardholder (every month),
// a participant's name (a few calls a month), a service type (every
// conference), and the start of a phone number (short prefixes: the costliest).
const text = (sql: string) => (writable.prepare(sql).pluck().get() as string | undefined) ?? '';
const terms = [
  text(`SELECT cardholder FROM rooms WHERE cardholder IS NOT NULL ORDER BY period DESC, conference_count DESC LIMIT 1`),
  text(`SELECT p.name FROM participants p WHERE p.name IS NOT NULL ORDER BY p.rowid LIMIT 1 OFFSET 5000`),
  text(`SELECT service_type FROM conferences ORDER BY row DESC LIMIT 1`),
  text(`SELECT substr(phone, 1, 5) FROM participants WHERE phone LIKE '+%' ORDER BY rowid LIMIT 1`),
].filter((term) => term.trim() !== '');
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
for (const text of terms) {
  await page.goto(app.url);
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').waitFor();
  searchMs.push(await page.evaluate<number>(`(${SEARCH_IN_PAGE})(${JSON.stringify(text)})`));
  const args = { profileId: PROFILE_ID, text, from: null, to: null, offset: 0 };
  floorMs.push(await page.evaluate<number>(`(async () => { const s = performance.now(); await window.oai.searchArchive(${JSON.stringify(args)}); return performance.now() - s; })()`));
}
await app.close();
await browser.close();
process.stdout.write(
  JSON.stringify({ months, conferences: count, indexMs, terms, searchMs: median(searchMs), slowestMs: Math.max(...searchMs), floorMs: median(floorMs) }) + '\n',
);
