// Importing OAI downloads into an account's archive: each file parsed (off the
// main thread when the caller passes the worker's parser), checked against
// the rules, then written all or nothing. The app's handlers and the
// CLI's `import` both call this.
import { nowUtc } from '../../../shared/time';
import { commitStagedImport, getAccount, providerMonthsAmong, stageImport, type AccountKey, type CacheHandle } from '../../cache';
import { fileProblem, type ImportProblem } from '../../import/problems';
import type { ParsedFile, ParseOptions } from '../../import/parse-file';
import { ParseThreadError } from '../../import/parse-thread';
import type { ParsedConference } from '../../import/rows-to-conferences';

/** Reads a file, handing its conferences over in batches (options.onConferences). */
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
  // The conferences go, as they are read, to a tally (the preview's figures)
  // and, for an import, to the cache's staging: nothing holds the whole file.
  const tally = new FileTally();
  const staging = options.dryRun === true ? null : stageImport(cache.write());
  try {
    const parsed = await parse(source.path, {
      timeZone,
      fileName: source.name,
      onRows: onRows && ((rows) => onRows(rows, 0)),
      onConferences: (batch) => {
        tally.add(batch);
        staging?.add(batch);
      },
    }).catch((error: unknown) => {
      // The file could not be read to its end: refused like an unreadable one; any other failure (a write) stops the import.
      if (!(error instanceof ParseThreadError)) throw error;
      return unreadable(error.message);
    });
    if (parsed.problems.length > 0) return refused(source.name, parsed.problems);
    const periods = tally.periods();
    const held = providerMonthsAmong(cache.read(), key, periods);
    if (held.length > 0) return refused(source.name, held.map((period) => providerMonthProblem(period, key)), periods);
    const figures = { file: source.name, periods, rooms: tally.rooms.size, problems: [] };
    if (staging === null) return { ...figures, status: 'ready', conferences: tally.count, chargeCents: tally.chargeCents };
    const written = commitStagedImport(cache.write(), key, parsed, (options.now ?? nowUtc)());
    return { ...figures, status: written.added > 0 ? 'imported' : 'unchanged', conferences: written.added, chargeCents: written.addedChargeCents };
  } finally {
    // A refused file's conferences go (a committed one's are gone already).
    staging?.discard();
  }
}

/** A file's figures, added up batch by batch. */
class FileTally {
  count = 0;
  chargeCents = 0;
  /** `YYYY-MM|room` */
  readonly rooms = new Set<string>();
  private readonly months = new Set<string>();

  add(batch: readonly ParsedConference[]): void {
    for (const c of batch) {
      this.count += 1;
      this.chargeCents += c.chargeCents;
      this.months.add(c.period);
      this.rooms.add(`${c.period}|${c.roomNumber}`);
    }
  }

  periods(): string[] {
    return [...this.months].sort();
  }
}

function unreadable(detail: string): ParsedFile {
  return { fileName: '', sizeBytes: 0, sha256: '', conferences: [], problems: [fileProblem('unreadable', `the file cannot be read to its end (${detail})`, { detail })] };
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
