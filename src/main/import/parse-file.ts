// One OAI download from disk to conferences, or the problems that refuse it:
// size and format checked first (nothing is read whole), then the rows
// streamed (xlsx or CSV, told apart by the file's first bytes, not its name).
// No cache, no Electron: the import worker and the tests call it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { csvRows } from './csv-rows';
import { fileProblem, type ImportProblem } from './problems';
import { rowsToConferences, type ParsedConference } from './rows-to-conferences';
import type { SheetRow } from './sheet-rows';
import { isKnownTimeZone, localToUtc } from './time-zone';
import { xlsxRows } from './xlsx-rows';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;

export interface ParseOptions {
  /** The account's IANA time zone: START TIME is local to it. */
  timeZone: string;
  /** The name to record (a temporary file's own name means nothing to the user). */
  fileName?: string;
  maxBytes?: number;
  maxRows?: number;
  /** Rows read so far, every few thousand rows (progress for large files). */
  onRows?: (rows: number) => void;
  /** Conferences in batches as they are read, instead of in `conferences` (see RowRules). */
  onConferences?: (batch: ParsedConference[]) => void;
}

export interface ParsedFile {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Empty when they went to onConferences, or the file is refused. */
  conferences: ParsedConference[];
  /** Any problem refuses the whole file. */
  problems: ImportProblem[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function parseImportFile(file: string, options: ParseOptions): Promise<ParsedFile> {
  const fileName = options.fileName ?? path.basename(file);
  const { size } = await stat(file);
  const refused = (problem: ImportProblem): ParsedFile => ({ fileName, sizeBytes: size, sha256: '', conferences: [], problems: [problem] });
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (size > maxBytes) {
    return refused(fileProblem('too_big', `the file is ${megabytes(size)} MB, over the ${megabytes(maxBytes)} MB an import takes`, { size: megabytes(size), limit: megabytes(maxBytes) }));
  }
  if (!isKnownTimeZone(options.timeZone)) {
    return refused(fileProblem('no_time_zone', `the account's time zone "${options.timeZone}" is unknown`, { timeZone: options.timeZone }));
  }
  const head = await firstBytes(file, 8);
  if (head.subarray(0, 8).equals(OLE2)) {
    return refused(fileProblem('xls', 'this is an old Excel file (.xls): open it in Excel and save it as .xlsx (Excel Workbook) first'));
  }
  const rows = head.subarray(0, 4).equals(ZIP) ? xlsxRows(file) : csvRows(createReadStream(file));
  const [sha256, parsed] = await Promise.all([fileHash(file), readRows(rows, options)]);
  return { fileName, sizeBytes: size, sha256, conferences: parsed.problems.length > 0 ? [] : parsed.conferences, problems: parsed.problems };
}

async function readRows(rows: AsyncGenerator<SheetRow>, options: ParseOptions) {
  const onConferences = options.onConferences;
  let receiverFailed = false;
  try {
    return await rowsToConferences(rows, {
      toUtc: localToUtc(options.timeZone),
      maxRows: options.maxRows ?? MAX_IMPORT_ROWS,
      onRows: options.onRows,
      onConferences:
        onConferences &&
        ((batch) => {
          try {
            onConferences(batch);
          } catch (error) {
            receiverFailed = true;
            throw error;
          }
        }),
    });
  } catch (error) {
    // The receiver failed (a write): not the file's fault, so not a refusal.
    if (receiverFailed) throw error;
    // A damaged zip or XML: the reader's own words, for the log and the CLI.
    const detail = error instanceof Error ? error.message : String(error);
    return { conferences: [], problems: [fileProblem('unreadable', `the file cannot be read as .xlsx or CSV (${detail})`, { detail })], rowsRead: 0 };
  } finally {
    await rows.return(undefined);
  }
}

async function firstBytes(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
