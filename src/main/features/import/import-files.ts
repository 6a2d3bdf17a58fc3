// Importing OAI downloads into an account's archive: each file parsed (off the
// main thread when the caller passes the worker's parser), checked against
// the rules, then written all or nothing. The app's handlers and the
// CLI's `import` both call this.
import { nowUtc } from '../../../shared/time';
import { getAccount, providerMonthsAmong, writeImportedFile, type AccountKey, type CacheHandle } from '../../cache';
import { fileProblem, type ImportProblem } from '../../import/problems';
import type { ParsedFile, ParseOptions } from '../../import/parse-file';

export type ParseFile = (file: string, options: ParseOptions) => Promise<ParsedFile>;

export interface ImportSource {
  /** Where the bytes are (a temporary copy for dropped files). */
  path: string;
  /** The name shown and recorded. */
  name: string;
}

export type ImportStatus = 'ready' | 'imported' | 'unchanged' | 'refused';

export interface FileOutcome {
  file: string;
  /** 'ready': a preview (dry run) found nothing wrong. */
  status: ImportStatus;
  /** YYYY-MM, oldest first. */
  periods: string[];
  rooms: number;
  /** In the file (a preview) or added (an import). */
  conferences: number;
  chargeCents: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  dryRun?: boolean;
  now?: () => string;
  /** Each file's outcome as soon as it is known (the app's progress). */
  onFile?: (outcome: FileOutcome, index: number) => void;
  /** Rows read so far of the file at `index`. */
  onRows?: (rows: number, index: number) => void;
}

/** importFiles over a cache, wherever it runs (the app: a worker thread of its own; the CLI: in process). */
export type ImportRunner = (key: AccountKey, sources: readonly ImportSource[], options: ImportOptions) => Promise<FileOutcome[]>;

/** Parses, checks and (unless a dry run) writes each file in turn; one file's refusal never stops the others. */
export async function importFiles(cache: CacheHandle, parse: ParseFile, key: AccountKey, sources: readonly ImportSource[], options: ImportOptions = {}): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, source] of sources.entries()) {
    const onRows = options.onRows;
    const outcome = await importOne(cache, parse, key, source, { ...options, onRows: onRows && ((rows) => onRows(rows, index)) });
    outcomes.push(outcome);
    options.onFile?.(outcome, index);
  }
  return outcomes;
}

async function importOne(cache: CacheHandle, parse: ParseFile, key: AccountKey, source: ImportSource, options: ImportOptions): Promise<FileOutcome> {
  const timeZone = getAccount(cache.read(), key)?.timeZone;
  if (!timeZone) {
    return refused(source.name, [fileProblem('no_time_zone', `account ${key.accountNumber} has no time zone yet: sync it once before importing`, { timeZone: '' })]);
  }
  const onRows = options.onRows;
  const parsed = await parse(source.path, { timeZone, fileName: source.name, onRows: onRows && ((rows) => onRows(rows, 0)) });
  if (parsed.problems.length > 0) return refused(source.name, parsed.problems);
  const conferences = parsed.conferences;
  const periods = [...new Set(conferences.map((c) => c.period))].sort();
  const held = providerMonthsAmong(cache.read(), key, periods);
  if (held.length > 0) return refused(source.name, held.map((period) => providerMonthProblem(period, key)), periods);
  const rooms = new Set(conferences.map((c) => `${c.period}|${c.roomNumber}`)).size;
  const chargeCents = conferences.reduce((sum, c) => sum + c.chargeCents, 0);
  if (options.dryRun === true) return { file: source.name, status: 'ready', periods, rooms, conferences: conferences.length, chargeCents, problems: [] };
  const written = writeImportedFile(cache.write(), key, parsed, conferences, (options.now ?? nowUtc)());
  return {
    file: source.name,
    status: written.added > 0 ? 'imported' : 'unchanged',
    periods,
    rooms,
    conferences: written.added,
    chargeCents: written.addedChargeCents,
    problems: [],
  };
}

function refused(file: string, problems: ImportProblem[], periods: string[] = []): FileOutcome {
  return { file, status: 'refused', periods, rooms: 0, conferences: 0, chargeCents: 0, problems };
}

function providerMonthProblem(period: string, key: AccountKey): ImportProblem {
  return fileProblem(
    'provider_month',
    `${period} of account ${key.accountNumber} is in the archive from the provider: an import never replaces the provider's data, so this file was not imported`,
    { period },
  );
}
