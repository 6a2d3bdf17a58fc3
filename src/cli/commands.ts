// The CLI's commands, one module each under commands/. Kept apart from
// main.ts so tests can run them in-process. They call the same wiring
// (createCore) and engine functions as the app.
import { isCacheError } from '../main/cache';
import { AmbiguousAccountError } from './account';
import { UsageError, dbFile, type CliIo } from './args';
import { newestGoodBackup, restoreHint } from './archive-text';
import { backupCommand } from './commands/backup';
import { backupsCommand } from './commands/backups';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { periodsCommand } from './commands/periods';
import { reportCommand } from './commands/report';
import { restoreCommand } from './commands/restore';
import { searchCommand } from './commands/search';
import { summaryCommand } from './commands/summary';
import { syncCommand } from './commands/sync';
import { terminalOutput } from './terminal-text';

export type { CliIo } from './args';

export const USAGE = `usage: npm run cli -- <command> [options]

commands:
  sync     --server URL --user EMAIL (--account N | --room N) [--db FILE] [--password-stdin]
           password from the keychain entry of that sign-in, else OAI_PASSWORD, else --password-stdin;
           through the proxy in HTTPS_PROXY / HTTP_PROXY, except for hosts in NO_PROXY;
           after a sync that changed something, a backup goes to backups/ beside the cache
  summary  --period YYYY-MM [--account N] [--server URL] [--db FILE] [--json]
  periods  [--account N] [--server URL] [--db FILE] [--json]
  search   TEXT [--from YYYY-MM] [--to YYYY-MM] [--account N] [--server URL] [--db FILE] [--json]
           conferences of every cached month whose cardholder, room number, billing code,
           participant name or phone, or service type match every word of TEXT, newest first
  export   --period YYYY-MM [--account N] [--room N] [--server URL] --out FILE.xlsx [--db FILE] [--lang en-GB|en-US|fr]
           the Excel workbook of the account summary (all rooms), or of one room with --room
  report   [--from YYYY-MM] [--to YYYY-MM] [--by code|room] [--account N] [--server URL] [--db FILE] [--json] [--out FILE.xlsx] [--lang en-GB|en-US|fr]
           billing codes (Unallocated its own row) or rooms x the cache's months of the range
           (default: its last 12 months); --out writes the app's Chargeback workbook
  import   FILE... [--account N] [--server URL] [--db FILE] [--dry-run] [--json]
           OAI's Excel downloads (.xlsx, or .csv) of months before the app: each file all or
           nothing; exit 0 imported or unchanged, 1 when any file was refused
  check    [--db FILE] [--json]
           SQLite's integrity check of the cache: exit 0 intact, 1 damaged (with the newest good backup)
  backup   --out FILE [--db FILE]
           a consistent, checked copy of the cache, also while the app or a sync uses it
  backups  [--db FILE] [--json]
           the automatic backups, newest first, with their date and months
  restore  --from FILE [--db FILE]
           checks FILE, sets the current cache aside and installs a copy of FILE (quit the app first)

  The cache keeps each account under its provider's address. --server picks the
  provider when the cache holds the same account number from several.
`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => number | Promise<number>> = {
  sync: syncCommand,
  summary: summaryCommand,
  periods: periodsCommand,
  search: searchCommand,
  export: exportCommand,
  report: reportCommand,
  import: importCommand,
  check: checkCommand,
  backup: backupCommand,
  backups: backupsCommand,
  restore: restoreCommand,
};

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Provider text goes to a terminal: nothing written can carry terminal control (src/cli/terminal-text.ts).
  const io = terminalOutput(rawIo);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AmbiguousAccountError) {
      io.stderr(`oai: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`oai: ${error instanceof Error ? error.message : String(error)}\n`);
    // A damaged cache: say where the newest good backup is.
    if (isCacheError(error, 'damaged')) io.stderr(damagedHint(rest, io));
    return 1;
  }
}

function damagedHint(args: string[], io: CliIo): string {
  const file = dbFile({ db: dbArgument(args) }, io.env);
  return `Run \`npm run cli -- check --db "${file}"\` for details. ${restoreHint(file, newestGoodBackup(file))}`;
}

/** --db of a command line that already parsed once (its command's other options do not matter here). */
function dbArgument(args: string[]): string | undefined {
  const at = args.indexOf('--db');
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
}
