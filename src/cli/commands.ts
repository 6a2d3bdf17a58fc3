// The CLI's commands. Kept apart from main.ts so tests can run them in-process.
// They call the same wiring (createCore) and feature functions as the app.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createCore, type Core } from '../main/app/core';
import { CACHE_FILE_NAME, defaultDataDir } from '../main/app/data-dir';
import { listAccounts, type ReadableDB } from '../main/cache';
import { createKeychainStore, credentialKey, type CredentialStore } from '../main/credentials/keychain';
import { saveViewWorkbook } from '../main/features/export/workbook';
import { profileId } from '../main/features/profiles/profile-service';
import { providerClientFor } from '../main/features/profiles/provider-client';
import { viewHandlers } from '../main/features/views/handlers';
import type { ViewRef } from '../shared/bridge';
import { languageSchema } from '../shared/i18n/language';
import type { SyncEngineProgress, SyncReport } from '../main/sync/sync-engine';
import { proxyAwareFetch } from './proxy-fetch';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  /** Tests use their own keychain service. */
  keychain?: CredentialStore;
}

export const USAGE = `usage: npm run cli -- <command> [options]

commands:
  sync     --server URL --user EMAIL (--account N | --room N) [--db FILE] [--password-stdin]
           password from the keychain entry of that sign-in, else OAI_PASSWORD, else --password-stdin;
           through the proxy in HTTPS_PROXY / HTTP_PROXY, except for hosts in NO_PROXY
  summary  --period YYYY-MM [--account N] [--db FILE] [--json]
  periods  [--account N] [--db FILE] [--json]
  export   --period YYYY-MM [--account N] [--room N] --out FILE.xlsx [--db FILE] [--lang en|fr]
           the Excel workbook of the account summary (all rooms), or of one room with --room
`;

class UsageError extends Error {}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DIGITS = /^\d{1,20}$/;

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function digits(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !DIGITS.test(value)) throw new UsageError(`--${name} must be digits, got "${value}"`);
  return value;
}

function dbFile(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  const given = values.db;
  return typeof given === 'string' ? path.resolve(given) : path.join(defaultDataDir(env), CACHE_FILE_NAME);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sync':
        return await syncCommand(rest, io);
      case 'summary':
        return await summaryCommand(rest, io);
      case 'periods':
        return await periodsCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case undefined:
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`oai: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`oai: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function readPassword(values: Record<string, unknown>, io: CliIo, key: string): Promise<string> {
  const keychain = io.keychain ?? createKeychainStore();
  try {
    const stored = await keychain.get(key);
    if (stored) return stored;
  } catch (error) {
    io.stderr(`oai: keychain not available (${error instanceof Error ? error.message : String(error)}); trying OAI_PASSWORD\n`);
  }
  if (io.env.OAI_PASSWORD) return io.env.OAI_PASSWORD;
  if (values['password-stdin'] === true) {
    let text = '';
    for await (const chunk of io.stdin) text += String(chunk);
    const password = text.replace(/\r?\n$/, '');
    if (password) return password;
  }
  throw new UsageError(
    `no password for ${key}: save it in the keychain (sign in with "Remember password"), set OAI_PASSWORD, or pass --password-stdin`,
  );
}

async function syncCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    server: { type: 'string' },
    user: { type: 'string' },
    account: { type: 'string' },
    room: { type: 'string' },
    db: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  const serverUrl = required(values, 'server');
  const username = required(values, 'user');
  const accountNumber = digits(values.account as string | undefined, 'account') ?? null;
  const roomNumber = digits(values.room as string | undefined, 'room') ?? null;
  if ((accountNumber === null) === (roomNumber === null)) throw new UsageError('give exactly one of --account and --room');
  const identity = { serverUrl, username, accountNumber, roomNumber };
  const password = await readPassword(values, io, credentialKey(identity));
  const client = providerClientFor(serverUrl, identity, () => password, { clientOptions: { fetch: proxyAwareFetch(io.env) } });
  const core = createCore({ cacheFile: dbFile(values, io.env) });
  try {
    const report = await core.coordinator.sync({
      profileId: profileId(identity),
      origin: client.baseUrl,
      accountNumber,
      createClient: () => Promise.resolve(client),
      onEngineProgress: progressPrinter(io),
    });
    printReport(report, io);
    return report.status === 'ok' ? 0 : 1;
  } finally {
    await core.close();
  }
}

/** Runs a read-only command on the cache; it must exist and is never changed. */
async function withReadonlyCore<T>(values: Record<string, unknown>, io: CliIo, command: (core: Core) => T | Promise<T>): Promise<T> {
  const core = createCore({ cacheFile: dbFile(values, io.env), readonly: true });
  try {
    return await command(core);
  } finally {
    await core.close();
  }
}

function progressPrinter(io: CliIo): (progress: SyncEngineProgress) => void {
  let last = '';
  return (progress) => {
    if (progress.phase !== 'downloading' && progress.phase !== 'writing') return;
    const line = `${progress.period} (${progress.periodIndex}/${progress.periodCount}): ${progress.phase}`;
    if (line === last) return;
    last = line;
    io.stderr(`${line}\n`);
  };
}

function printReport(report: SyncReport, io: CliIo): void {
  if (report.error !== null && report.periods.length === 0) {
    io.stderr(`oai: sync failed: ${report.error}\n`);
    return;
  }
  const { outbox } = report;
  if (outbox.sent + outbox.failed + outbox.pending > 0) {
    io.stdout(`billing codes: ${outbox.sent} sent, ${outbox.failed} refused, ${outbox.pending} still pending\n`);
  }
  for (const p of report.periods) {
    const detail =
      p.status === 'synced'
        ? `${p.conferences} conferences, ${p.participants} participants`
        : p.status === 'skipped'
          ? 'unchanged since the last sync'
          : p.status === 'archived'
            ? 'no longer served by the provider; kept in the archive'
            : (p.error ?? '');
    io.stdout(`${p.period}  ${p.status.padEnd(8)}  ${detail}\n`);
  }
  if (report.error !== null) io.stderr(`oai: sync ${report.status}: ${report.error}\n`);
}

function pickAccount(db: ReadableDB, given: string | undefined): string {
  if (given !== undefined) return given;
  const accounts = listAccounts(db);
  if (accounts.length === 1) return accounts[0]!.accountNumber;
  if (accounts.length === 0) throw new Error('the cache holds no account yet: run `sync` first');
  throw new UsageError(`the cache holds several accounts (${accounts.map((a) => a.accountNumber).join(', ')}): give --account`);
}

function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    account: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  return withReadonlyCore(values, io, (core) => {
    const accountNumber = pickAccount(core.cache.read(), digits(values.account as string | undefined, 'account'));
    const summary = viewHandlers(core).accountSummary({ accountNumber, period, display: 'all' });
    if (summary.period === null) throw new Error(`period ${period} of account ${accountNumber} is not in the cache`);
    const rooms = summary.rooms.map((r) => ({
      roomNumber: r.roomNumber,
      cardholder: r.cardholder,
      conferenceCount: r.conferenceCount,
      accumulatedSeconds: r.accumulatedSeconds,
      chargeCents: r.chargeCents,
    }));
    if (values.json === true) {
      io.stdout(JSON.stringify({ account: accountNumber, period, rooms, total: summary.total }, null, 2) + '\n');
    } else {
      for (const r of rooms) {
        io.stdout(`${r.roomNumber.padEnd(8)} ${(r.cardholder ?? '').padEnd(28)} ${String(r.conferenceCount).padStart(5)} ${String(r.accumulatedSeconds).padStart(9)} s ${String(r.chargeCents).padStart(9)} cents\n`);
      }
      io.stdout(`total: ${summary.total.conferenceCount} conferences, ${summary.total.accumulatedSeconds} s, ${summary.total.chargeCents} cents\n`);
    }
    return 0;
  });
}

function periodsCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { account: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } });
  return withReadonlyCore(values, io, (core) => {
    const given = digits(values.account as string | undefined, 'account');
    const accounts = given !== undefined ? [given] : listAccounts(core.cache.read()).map((a) => a.accountNumber);
    const views = viewHandlers(core);
    const periods = accounts.flatMap((accountNumber) => views.listPeriods({ accountNumber }));
    const rows = periods.map((p) => ({
      account: p.accountNumber,
      period: p.period,
      syncedAt: p.lastSyncedAt,
      revision: p.revision,
      invoiced: p.invoiced,
      archived: !p.servedByProvider,
      lastError: p.lastError,
    }));
    if (values.json === true) {
      io.stdout(JSON.stringify(rows, null, 2) + '\n');
    } else {
      for (const r of rows) {
        const state = [r.invoiced ? 'invoiced' : 'not invoiced', r.archived ? 'archived' : null, r.lastError ? `last error: ${r.lastError}` : null]
          .filter(Boolean)
          .join(', ');
        io.stdout(`${r.account} ${r.period}  synced ${r.syncedAt ?? 'never'}  ${state}\n`);
      }
    }
    return 0;
  });
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    account: { type: 'string' },
    room: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
    lang: { type: 'string' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  const out = path.resolve(required(values, 'out'));
  const lang = languageSchema.safeParse(values.lang ?? 'en');
  if (!lang.success) throw new UsageError(`--lang must be ${languageSchema.options.join(' or ')}, got "${String(values.lang)}"`);
  const language = lang.data;
  const roomNumber = digits(values.room as string | undefined, 'room');
  return withReadonlyCore(values, io, async (core) => {
    const accountNumber = pickAccount(core.cache.read(), digits(values.account as string | undefined, 'account'));
    // A room the month does not list is a typo, not an empty room: fail rather than write an empty workbook.
    const listed = (room: string) => viewHandlers(core).accountSummary({ accountNumber, period, display: 'all' }).rooms.some((r) => r.roomNumber === room);
    if (roomNumber !== undefined && !listed(roomNumber)) {
      throw new Error(`Could not save ${out}: room ${roomNumber} is not in period ${period} of account ${accountNumber}.`);
    }
    // The same workbook as the view's Download: all rooms, no filter, default sort.
    const view: ViewRef =
      roomNumber === undefined
        ? { kind: 'summary', accountNumber, period, display: 'all', filter: '', sort: null }
        : { kind: 'room', accountNumber, period, roomNumber, sort: null };
    const result = await saveViewWorkbook(core, view, { language, dateStyle: 'locale' }, out);
    io.stdout(`${result.file}  ${result.rows} rows\n`);
    return 0;
  });
}
