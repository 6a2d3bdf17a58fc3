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
import { commandHelp, commandUsage, USAGE } from './help';
import { terminalOutput } from './terminal-text';

export type { CliIo } from './args';

export { USAGE } from './help';

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
    if (asksForHelp(rest)) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AmbiguousAccountError) {
      const known = command !== undefined && Object.hasOwn(COMMANDS, command);
      io.stderr(`oai: ${error.message}\n${known ? commandUsage(command) : USAGE}`);
      return 2;
    }
    io.stderr(`oai: ${error instanceof Error ? error.message : String(error)}\n`);
    // A damaged cache: say where the newest good backup is.
    if (isCacheError(error, 'damaged')) io.stderr(damagedHint(rest, io));
    return 1;
  }
}

/** --help or -h among a command's options (not after `--`, where it would be text). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('--help') || options.includes('-h');
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
