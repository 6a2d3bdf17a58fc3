// A small append-only log file with size-based rotation: when the file would
// pass `maxBytes` it becomes `<name>.1` (the older ones shift up to
// `<name>.<keep>`, the oldest is dropped). Callers pass messages, never
// credentials; error details are reduced to name + message (no request
// bodies). The desktop app writes to Electron's logs folder, the harness to
// the data folder's `logs/`.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  error(message: string, detail?: unknown): void;
}

export const LOG_FILE_NAME = 'oai-desktop.log';

export interface RotationOptions {
  /** Size at which the file rotates. Default 1 MB. */
  maxBytes?: number;
  /** Rotated files kept beside the current one. Default 4. */
  keep?: number;
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    try {
      renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    } catch {
      // That generation does not exist yet.
    }
  }
  renameSync(file, `${file}.1`);
}

/** Never throws: a data folder that cannot be written (read-only, full) must not stop the app, only its log. */
export function createFileLogger(file: string, echo: (line: string) => void = () => {}, rotation: RotationOptions = {}): Logger {
  const maxBytes = rotation.maxBytes ?? 1_000_000;
  const keep = rotation.keep ?? 4;
  let size = sizeOf(file);
  const write = (level: string, message: string, detail?: unknown) => {
    const suffix = detail === undefined ? '' : ` — ${describe(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${message}${suffix}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) {
        rotate(file, keep);
        size = 0;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, line);
      size += bytes;
    } catch {
      // A full or read-only disk must not take the app down with its log; the line still reaches `echo`.
    }
    echo(line.trimEnd());
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, detail) => write('ERROR', message, detail),
  };
}

/** What the process-wide error hooks need of `process`. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Logs what nothing else caught, so a failure in a background task leaves a trace. */
export function logUncaughtErrors(processEvents: ProcessEvents, log: Logger): void {
  processEvents.on('uncaughtException', (error) => log.error('uncaught exception', error));
  processEvents.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));
}
