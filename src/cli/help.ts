// What `--help` prints: the whole usage, and each command's own (its usage
// line, what it does, its options). One table, so both stay in step.

interface CommandHelp {
  /** The command line after `npm run cli -- `. */
  usage: string;
  /** What it does, in a line or two. */
  about: string;
  options: ReadonlyArray<readonly [string, string]>;
}

const ACCOUNT = ['--account N', 'the account (default: the only one in the cache)'] as const;
const SERVER = ['--server URL', 'the provider, when the cache holds the account from several'] as const;
const DB = ['--db FILE', "the cache (default: the app's own)"] as const;
const JSON_TEXT = ['--json', 'JSON instead of text'] as const;
const JSON_RAW = ['--json', 'JSON in raw units (seconds, cents) instead of text'] as const;
const LANG = ['--lang en-GB|en-US|fr', 'the language of times, amounts and words (default en-GB; en: en-GB)'] as const;
const FROM_TO = [
  ['--from YYYY-MM', 'the first month (default: see above)'],
  ['--to YYYY-MM', 'the last month'],
] as const;

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  sync: {
    usage: 'sync --server URL --user EMAIL (--account N | --room N) [--db FILE] [--password-stdin]',
    about:
      'Syncs the provider\'s months into the cache. The password comes from the keychain entry of that sign-in, else OAI_PASSWORD,\n' +
      'else standard input with --password-stdin; through the proxy in HTTPS_PROXY / HTTP_PROXY, except for hosts in NO_PROXY;\n' +
      'after a sync that changed something, a backup goes to backups/ beside the cache.',
    options: [
      ['--server URL', "the provider's address"],
      ['--user EMAIL', 'the user name'],
      ['--account N', 'an account sign-in (all rooms)'],
      ['--room N', 'a room sign-in (that room only)'],
      DB,
      ['--password-stdin', 'read the password from standard input'],
    ],
  },
  summary: {
    usage: 'summary --period YYYY-MM [--all-rooms] [--lang en-GB|en-US|fr] [--account N] [--server URL] [--db FILE] [--json]',
    about: "A month's account summary: the rooms used (every room with --all-rooms), their time and charge, and the total.",
    options: [['--period YYYY-MM', 'the billing period'], ['--all-rooms', 'also list the rooms not used that month'], LANG, ACCOUNT, SERVER, DB, ['--json', 'JSON in raw units (seconds, cents), every room of the period']],
  },
  periods: {
    usage: 'periods [--account N] [--server URL] [--db FILE] [--json]',
    about: 'The cached months of each account (or of --account), with their sync state.',
    options: [ACCOUNT, SERVER, DB, JSON_TEXT],
  },
  search: {
    usage: 'search TEXT [--from YYYY-MM] [--to YYYY-MM] [--lang en-GB|en-US|fr] [--account N] [--server URL] [--db FILE] [--json]',
    about:
      'Conferences of every cached month whose cardholder, room number, billing code, participant name or phone,\n' +
      'or service type match every word of TEXT, newest first.',
    options: [...FROM_TO, LANG, ACCOUNT, SERVER, DB, JSON_RAW],
  },
  export: {
    usage: 'export --period YYYY-MM [--account N] [--room N] [--server URL] --out FILE.xlsx [--db FILE] [--lang en-GB|en-US|fr]',
    about: 'The Excel workbook of the account summary (all rooms), or of one room with --room.',
    options: [['--period YYYY-MM', 'the billing period'], ['--out FILE.xlsx', 'where to write it'], ['--room N', "one room's detail"], LANG, ACCOUNT, SERVER, DB],
  },
  report: {
    usage: 'report [--from YYYY-MM] [--to YYYY-MM] [--by code|room] [--account N] [--server URL] [--db FILE] [--json] [--out FILE.xlsx] [--lang en-GB|en-US|fr]',
    about:
      "Billing codes (Unallocated its own row) or rooms x the cache's months of the range (default: its last 12 months);\n" +
      "--out writes the app's Chargeback workbook.",
    options: [...FROM_TO, ['--by code|room', 'rows by billing code (default) or by room'], ['--out FILE.xlsx', 'write the workbook instead'], LANG, ACCOUNT, SERVER, DB, JSON_RAW],
  },
  import: {
    usage: 'import FILE... [--account N] [--server URL] [--db FILE] [--dry-run] [--json]',
    about:
      "OAI's Excel downloads (.xlsx, or .csv) of months before the app: each file all or nothing;\n" +
      'exit 0 imported or unchanged, 1 when any file was refused.',
    options: [ACCOUNT, SERVER, DB, ['--dry-run', 'check and preview, import nothing'], JSON_TEXT],
  },
  check: {
    usage: 'check [--db FILE] [--json]',
    about: "SQLite's integrity check of the cache: exit 0 intact, 1 damaged (with the newest good backup).",
    options: [DB, JSON_TEXT],
  },
  backup: {
    usage: 'backup --out FILE [--db FILE]',
    about: 'A consistent, checked copy of the cache, also while the app or a sync uses it.',
    options: [['--out FILE', 'where to write the copy'], DB],
  },
  backups: {
    usage: 'backups [--db FILE] [--json]',
    about: 'The automatic backups, newest first, with their date and months.',
    options: [DB, JSON_TEXT],
  },
  restore: {
    usage: 'restore --from FILE [--db FILE]',
    about: 'Checks FILE, sets the current cache aside and installs a copy of FILE (quit the app first).',
    options: [['--from FILE', 'the backup or cache to install'], DB],
  },
};

const PREFIX = 'npm run cli -- ';

/** What a usage error of a command adds below its message: that command's usage line, and where its options are. */
export function commandUsage(name: string): string {
  return `usage: ${PREFIX}${COMMAND_HELP[name]!.usage}\n(${PREFIX}${name} --help lists its options)\n`;
}

/** One command's help: `npm run cli -- <command> --help`. */
export function commandHelp(name: string): string {
  const help = COMMAND_HELP[name]!;
  const width = Math.max(...help.options.map(([option]) => option.length), '--help'.length);
  const options = [...help.options, ['--help', 'this help'] as const].map(([option, what]) => `  ${option.padEnd(width)}  ${what}`);
  return `usage: ${PREFIX}${help.usage}\n\n${help.about}\n\noptions:\n${options.join('\n')}\n`;
}

/** Every command's usage line, for `--help` alone and usage errors. */
export const USAGE = `usage: npm run cli -- <command> [options]

commands:
${Object.values(COMMAND_HELP)
  .map((help) => `  ${help.usage}\n${help.about.replace(/^/gm, '      ')}`)
  .join('\n')}

  npm run cli -- <command> --help   that command's options
  The cache keeps each account under its provider's address. --server picks the
  provider when the cache holds the same account number from several.
`;
