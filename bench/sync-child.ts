// One measured job in its own process, so its peak RSS is its own.
//   sync     URL DB            full sync of a sign-in to the demo provider: wall time, peak RSS, bytes
//                              on the wire, the requests of each month, the main thread's stalls, months side by side
//   ceiling  URL DB            download every page, then time straight prepared-statement inserts
//   reads    DB                account summary of a month, one room's conferences (medians)
//   cold     DB                open the cache and read the first summary
import Database from 'better-sqlite3';
import { accountSummary, cacheHandle, openCache, roomConferences } from '../src/main/cache';
import { cachedAccount } from './cached-account';
import { DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME } from '../src/main/demo';
import type { ApiConference } from '../src/main/provider/api-schemas';
import { ProviderClient, type ProviderClientOptions } from '../src/main/provider/client';
import { DEFAULT_SYNC_PAGE_LIMIT, runSync } from '../src/main/sync/sync-engine';
import { laneWriter } from '../src/main/sync/writers/lane-writer';
import { measureStalls } from './event-loop';

const [job, ...args] = process.argv.slice(2);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const client = (url: string, options: Partial<ProviderClientOptions> = {}) =>
  new ProviderClient({
    baseUrl: url,
    credentials: () => ({ username: DEMO_USERNAME, password: DEMO_PASSWORD, accountNumber: DEMO_ACCOUNT_NUMBER }),
    ...options,
  });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A full sync as the app runs it: months side by side, each staged and committed on a writer thread. */
async function sync(url: string, file: string) {
  const cache = cacheHandle(openCache(file));
  // Body bytes as they came over the wire (compressed or not): fetch decodes, Content-Length does not.
  let wireBytes = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    wireBytes += Number(response.headers.get('content-length') ?? 0);
    return response;
  };
  // The requests of each month (a chain: pages follow each other), and the others (sign-in, account, periods).
  const chains = new Map<string, number>();
  const onRequest = ({ path }: { path: string }) => {
    const month = /\/periods\/(\d{4}-\d{2})\//.exec(path)?.[1] ?? 'run';
    chains.set(month, (chains.get(month) ?? 0) + 1);
  };
  // How many months downloaded side by side (the sync chooses from the link).
  let monthsInFlight = 0;
  const onProgress = (progress: { monthsInFlight: string[] }) => (monthsInFlight = Math.max(monthsInFlight, progress.monthsInFlight.length));
  const started = performance.now();
  const { result: report, maxStallMs, p99StallMs } = await measureStalls(() =>
    runSync({ cache, client: client(url, { fetch: countingFetch, onRequest }), origin: url, openWriter: (lane) => laneWriter(cache, lane), onProgress }),
  );
  const ms = performance.now() - started;
  const rows = report.periods.reduce((sum, p) => sum + p.conferences + p.participants, 0);
  cache.close();
  const runRequests = chains.get('run') ?? 0;
  chains.delete('run');
  const longestChain = runRequests + Math.max(0, ...chains.values());
  return { ms, rows, status: report.status, peakRssMb: peakRssMb(), wireBytes, longestChain, maxStallMs, p99StallMs, monthsInFlight };
}

async function ceiling(url: string, file: string) {
  const c = client(url);
  const pages: ApiConference[][] = [];
  for (const period of await c.listPeriods(DEMO_ACCOUNT_NUMBER)) {
    // The sync's page size: the provider renders (and, in the bench, keeps) the very pages the syncs ask for.
    for await (const page of c.conferencePages(DEMO_ACCOUNT_NUMBER, period.period, { limit: DEFAULT_SYNC_PAGE_LIMIT })) pages.push(page.conferences);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE c (row INTEGER PRIMARY KEY, id TEXT, room TEXT, start TEXT, service TEXT, code TEXT, n INTEGER, len INTEGER, acc INTEGER, cents INTEGER);
           CREATE TABLE p (c INTEGER, id TEXT, name TEXT, phone TEXT, access TEXT, joined TEXT, left_at TEXT, s INTEGER, cents INTEGER);`);
  const insertConference = db.prepare('INSERT INTO c (id, room, start, service, code, n, len, acc, cents) VALUES (?,?,?,?,?,?,?,?,?)');
  const insertParticipant = db.prepare('INSERT INTO p VALUES (?,?,?,?,?,?,?,?,?)');
  let rows = 0;
  const started = performance.now();
  db.transaction(() => {
    for (const page of pages) {
      for (const k of page) {
        const row = insertConference.run(k.id, k.roomNumber, k.start, k.serviceType, k.billingCode, k.participantCount, k.lengthSeconds, k.accumulatedSeconds, k.chargeCents).lastInsertRowid;
        for (const p of k.participants) insertParticipant.run(row, p.id, p.name, p.phone, p.accessType, p.joinedAt, p.leftAt, p.seconds, p.chargeCents);
        rows += 1 + k.participants.length;
      }
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return { ms, rows, peakRssMb: peakRssMb() };
}

function reads(file: string, period: string) {
  const db = openCache(file, { readonly: true });
  const scope = cachedAccount(db);
  const summaryMs: number[] = [];
  const roomMs: number[] = [];
  let rooms = 0;
  let conferences = 0;
  for (let i = 0; i < 30; i += 1) {
    let t = performance.now();
    const summary = accountSummary(db, scope, period, 'all');
    summaryMs.push(performance.now() - t);
    rooms = summary.rooms.length;
    const room = summary.rooms[(i * 37) % summary.rooms.length]!.roomNumber;
    t = performance.now();
    conferences = roomConferences(db, scope, period, room).length;
    roomMs.push(performance.now() - t);
  }
  db.close();
  return { summaryMs: median(summaryMs), roomMs: median(roomMs), rooms, conferences };
}

function cold(file: string, period: string) {
  // The app knows its sign-in's scope before it opens the cache: not timed.
  const probe = openCache(file, { readonly: true });
  const scope = cachedAccount(probe);
  probe.close();
  const started = performance.now();
  const db = openCache(file, { readonly: true });
  const summary = accountSummary(db, scope, period, 'all');
  const ms = performance.now() - started;
  db.close();
  return { ms, rooms: summary.rooms.length };
}

const result =
  job === 'sync'
    ? await sync(args[0]!, args[1]!)
    : job === 'ceiling'
      ? await ceiling(args[0]!, args[1]!)
      : job === 'reads'
        ? reads(args[0]!, args[1]!)
        : job === 'cold'
          ? cold(args[0]!, args[1]!)
          : null;
if (result === null) {
  process.stderr.write(`unknown job ${job}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(result) + '\n');
