// A small append-only log file. Callers pass messages, never credentials;
// error details are reduced to name + message (no request bodies).
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  error(message: string, detail?: unknown): void;
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** Never throws: a data folder that cannot be written (read-only, full) must not stop the app, only its log. */
export function createFileLogger(file: string, echo: (line: string) => void = () => {}): Logger {
  const write = (level: string, message: string, detail?: unknown) => {
    const suffix = detail === undefined ? '' : ` — ${describe(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${message}${suffix}`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, line + '\n');
    } catch {
      // The line still reaches `echo` (the harness's stderr).
    }
    echo(line);
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, detail) => write('ERROR', message, detail),
  };
}
