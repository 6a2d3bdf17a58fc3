// One measured export job in its own process, so its peak RSS is its own.
//   xlsx  DB PERIOD|all OUT   the account summary workbook of a month (Summary, Conferences,
//                             Participants sheets), or with 'all' one Conferences sheet over
//                             every cached month
//   csv   DB PERIOD|all OUT   the floor: the same rows read from the cache the same way,
//                             written as plain CSV through an fs write stream
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { accountSummary, getAccount, listPeriods, openCache, periodConferences, periodParticipants, type ReadableDB } from '../src/main/cache';
import { exportOnWorker } from '../src/main/export';
import { WallClock } from '../src/main/export/excel-values';
import { openExportReader } from '../src/main/export/export-reader';
import { cachedAccount } from './cached-account';
import { measureStalls } from './event-loop';

const [job, dbFile, periodArg, out] = process.argv.slice(2);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const presentation = { language: 'en-US', dateStyle: 'locale' } as const;

function periodsOf(db: ReadableDB): string[] {
  return periodArg === 'all' ? listPeriods(db, cachedAccount(db)).map((p) => p.period) : [periodArg!];
}

/** As the app exports: on a worker thread, while the main thread's stalls are measured. */
async function xlsx(db: ReadableDB) {
  const started = performance.now();
  const { result, maxStallMs, p99StallMs } = await measureStalls(() =>
    exportOnWorker(
      db,
      cachedAccount(db),
      periodArg === 'all'
        ? { kind: 'periods', periods: periodsOf(db) }
        : { kind: 'view', view: { kind: 'summary', profileId: 'bench', period: periodArg!, display: 'all', filter: '', sort: null } },
      presentation,
      { file: out! },
    ),
  );
  return { ms: performance.now() - started, rows: result.rows, maxStallMs, p99StallMs };
}

/** Quotes a CSV field only when it needs it. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function csv(source: ReadableDB) {
  const started = performance.now();
  // Read as an export does: its own connection, one snapshot, the same page cache.
  const reader = openExportReader(source);
  const { db } = reader;
  const scope = cachedAccount(db);
  const account = getAccount(db, scope)!;
  const clock = new WallClock(account.timeZone);
  const local = (instant: string) => new Date(clock.localMs(instant) ?? 0).toISOString();
  const stream = createWriteStream(out!);
  let rows = 0;
  const write = async (values: (string | number | null)[]) => {
    rows += 1;
    if (!stream.write(values.map(field).join(',') + '\n')) await once(stream, 'drain');
  };
  const periods = periodsOf(db);
  const withLegs = periodArg !== 'all';
  for (const period of periods) {
    if (withLegs) {
      for (const r of accountSummary(db, scope, period, 'all').rooms) {
        await write([r.roomNumber, r.cardholder, r.autoBillingCode, r.conferenceCount, r.accumulatedSeconds, r.chargeCents / 100]);
      }
    }
    for (const c of periodConferences(db, scope, period)) {
      const start = local(c.start);
      const code = c.pending?.state === 'pending' ? c.pending.billingCode : c.billingCode;
      await write([start.slice(0, 10), start.slice(11, 19), c.roomNumber, c.cardholder, c.participantCount, code ?? 'Unallocated', c.lengthSeconds, c.accumulatedSeconds, c.chargeCents / 100]);
    }
    if (withLegs) {
      for (const p of periodParticipants(db, scope, period)) {
        const start = local(p.conferenceStart);
        await write([start.slice(0, 10), start.slice(11, 19), p.roomNumber, p.conferenceId, p.name, p.phone, p.accessType, local(p.joinedAt).slice(11, 19), local(p.leftAt).slice(11, 19), p.seconds, p.chargeCents / 100]);
      }
    }
  }
  reader.close();
  stream.end();
  await once(stream, 'close');
  return { ms: performance.now() - started, rows };
}

const db = openCache(dbFile!, { readonly: true });
const conferences = periodsOf(db).reduce((sum, period) => sum + accountSummary(db, cachedAccount(db), period, 'all').total.conferenceCount, 0);
const result = job === 'xlsx' ? await xlsx(db) : job === 'csv' ? await csv(db) : null;
db.close();
if (result === null) {
  process.stderr.write(`unknown job ${job}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify({ ...result, conferences, bytes: statSync(out!).size, peakRssMb: peakRssMb() }) + '\n');
