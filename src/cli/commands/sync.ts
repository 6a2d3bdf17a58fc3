// `sync`: one sync of a sign-in into the cache, then an automatic backup if
// anything changed (into backups/ beside the cache).
import { createCore } from '../../main/app/core';
import { createKeychainStore, credentialKey } from '../../main/credentials/keychain';
import type { BackupOutcome } from '../../main/features/archive/backup-policy';
import { profileId } from '../../main/features/profiles/profile-service';
import { providerClientFor } from '../../main/features/profiles/provider-client';
import type { SyncEngineProgress, SyncReport } from '../../main/sync/sync-engine';
import { cliVersion, dbFile, digits, parse, required, UsageError, type CliIo, type Values } from '../args';
import { oneLine } from '../terminal-text';
import { proxyAwareFetch } from '../proxy-fetch';

export async function syncCommand(args: string[], io: CliIo): Promise<number> {
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
  const accountNumber = digits(values.account, 'account') ?? null;
  const roomNumber = digits(values.room, 'room') ?? null;
  if ((accountNumber === null) === (roomNumber === null)) throw new UsageError('give exactly one of --account and --room');
  const identity = { serverUrl, username, accountNumber, roomNumber };
  const password = await readPassword(values, io, credentialKey(identity));
  const client = providerClientFor(serverUrl, identity, () => password, { clientOptions: { fetch: proxyAwareFetch(io.env) } });
  const core = createCore({ cacheFile: dbFile(values, io.env), appVersion: cliVersion(), onBackup: backupPrinter(io) });
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

async function readPassword(values: Values, io: CliIo, key: string): Promise<string> {
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

/** On stderr: stdout is one line per period. */
function backupPrinter(io: CliIo): (outcome: BackupOutcome) => void {
  return (outcome) => {
    if (outcome.ok) io.stderr(`backup: ${outcome.backup.file}\n`);
    else io.stderr(`oai: the backup failed (the previous backups are kept): ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}\n`);
  };
}

function printReport(report: SyncReport, io: CliIo): void {
  if (report.error !== null && report.periods.length === 0) {
    io.stderr(`oai: sync failed: ${oneLine(report.error)}\n`);
    return;
  }
  const { outbox } = report;
  if (outbox.sent + outbox.failed + outbox.pending + outbox.local > 0) {
    const local = outbox.local > 0 ? `, ${outbox.local} kept locally (month invoiced or archived)` : '';
    io.stdout(`billing codes: ${outbox.sent} sent, ${outbox.failed} refused, ${outbox.pending} still pending${local}\n`);
  }
  for (const p of report.periods) {
    const detail =
      p.status === 'synced'
        ? `${p.conferences} conferences, ${p.participants} participants`
        : p.status === 'skipped'
          ? 'unchanged since the last sync'
          : p.status === 'archived'
            ? 'no longer served by the provider; kept in the archive'
            : oneLine(p.error ?? '');
    io.stdout(`${p.period}  ${p.status.padEnd(8)}  ${detail}\n`);
  }
  if (report.error !== null) io.stderr(`oai: sync ${report.status}: ${oneLine(report.error)}\n`);
}
