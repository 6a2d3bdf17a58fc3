// One streamed .xlsx file: exceljs's streaming WorkbookWriter writing into a
// temporary sibling of the target, renamed over the target only once the
// workbook is complete. On any failure or cancellation the temporary file is
// removed and the error says which path could not be saved and why.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';

export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** Past this many bytes waiting to be compressed, writing pauses until the zip catches up. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'the folder does not exist',
  EISDIR: 'a folder has that name',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  EIO: 'the disk could not be written',
};

export function exportFailure(file: string, error: unknown): AppError {
  if (error instanceof AppError && (error.code === 'cancelled' || error.code === 'export_failed')) return error;
  const code = (error as { code?: unknown }).code;
  const systemCode = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
  const known = systemCode === null ? undefined : REASONS[systemCode];
  const reason = known ?? (error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
  return new AppError('export_failed', `Could not save ${file}: ${reason}${systemCode ? ` (${systemCode})` : ''}.`);
}

export function cancelledExport(): AppError {
  return new AppError('cancelled', 'The export was cancelled; nothing was saved.');
}

export function temporarySibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** What a workbook's content is written through. */
export interface WorkbookOutput {
  readonly workbook: StreamingWorkbook;
  /**
   * Throws if the file failed or the export was cancelled, then waits while
   * too much of `sheet` is still waiting to be compressed, so memory holds a
   * few megabytes however many rows are written.
   */
  checkpoint(sheet: ExcelJS.Worksheet | null): Promise<void>;
}

/**
 * Writes a workbook to `target` through a temporary file: `fill` adds and
 * commits the worksheets, then the workbook is finished, flushed to disk
 * and renamed over the target.
 */
export async function writeWorkbookFile(
  target: string,
  signal: AbortSignal | undefined,
  fill: (output: WorkbookOutput) => Promise<void>,
): Promise<void> {
  if (signal?.aborted) throw cancelledExport();
  const temporary = temporarySibling(target);
  let stream: WriteStream | null = null;
  let workbook: StreamingWorkbook | null = null;
  try {
    const handle = await open(temporary, 'wx');
    stream = handle.createWriteStream({ flush: true });
    const output = new StreamedOutput(stream, signal);
    workbook = output.workbook;
    await fill(output);
    await output.checkpoint(null);
    await Promise.race([output.workbook.commit(), output.failed]);
    if (!stream.closed) await Promise.race([once(stream, 'close'), output.failed]);
    if (signal?.aborted) throw cancelledExport();
    await rename(temporary, target);
  } catch (error) {
    abandon(workbook, stream);
    if (stream && !stream.closed) await once(stream, 'close').catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw exportFailure(target, error);
  }
}

class StreamedOutput implements WorkbookOutput {
  readonly workbook: StreamingWorkbook;
  /** Rejects with the first error of the file or the zip. */
  readonly failed: Promise<never>;
  private failure: Error | null = null;

  constructor(
    stream: WriteStream,
    private readonly signal: AbortSignal | undefined,
  ) {
    // Inline strings, not a shared-string table: that table would hold every
    // distinct name and phone number of the export in memory.
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.failed = new Promise<never>((_, reject) => {
      const fail = (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        reject(this.failure);
      };
      stream.on('error', fail);
      zipOf(this.workbook)?.on('error', fail);
    });
    this.failed.catch(() => undefined);
  }

  async checkpoint(sheet: ExcelJS.Worksheet | null): Promise<void> {
    this.throwIfStopped();
    // Let the zip and the file stream run even when nothing is buffered: the
    // app's main process stays responsive during a long export.
    await nextTurn();
    while (sheet !== null && bufferedBytes(sheet) > MAX_BUFFERED_BYTES) {
      this.throwIfStopped();
      // Sleep rather than spin: compression runs on other threads.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.throwIfStopped();
  }

  private throwIfStopped(): void {
    if (this.failure !== null) throw this.failure;
    if (this.signal?.aborted) throw cancelledExport();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// ---------------------------------------------------------------- exceljs internals
// exceljs 4 does not expose backpressure: a worksheet writes into an
// in-memory stream the zip reads at its own pace. These read its buffers
// (duck-typed: if a future version changes them, writing simply never
// pauses) and stop the zip after a failure.

interface StreamState {
  length?: number;
}
interface PipedStream {
  _writableState?: StreamState;
  _readableState?: StreamState;
}
interface SheetStream {
  buffers?: { length: number }[];
  pipes?: PipedStream[];
}

function bufferedBytes(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { _stream?: SheetStream })._stream;
  if (!stream) return 0;
  let bytes = 0;
  for (const buffer of stream.buffers ?? []) bytes += buffer.length;
  for (const pipe of stream.pipes ?? []) bytes += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  return bytes;
}

interface ZipLike {
  on(event: 'error', listener: (error: unknown) => void): void;
  abort?(): void;
}

function zipOf(workbook: StreamingWorkbook): ZipLike | null {
  const zip = (workbook as unknown as { zip?: ZipLike }).zip;
  return zip && typeof zip.on === 'function' ? zip : null;
}

function abandon(workbook: StreamingWorkbook | null, stream: WriteStream | null): void {
  const zip = workbook ? zipOf(workbook) : null;
  zip?.on('error', () => undefined);
  try {
    zip?.abort?.();
  } catch {
    // Already finished or failed: nothing left to stop.
  }
  stream?.on('error', () => undefined);
  stream?.destroy();
}
