// What every CLI command shares: its I/O, argument parsing and usage errors,
// and where the cache is.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CACHE_FILE_NAME, defaultDataDir } from '../main/app/data-dir';
import type { CredentialStore } from '../main/credentials/keychain';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  /** Tests use their own keychain service. */
  keychain?: CredentialStore;
}

/** Exit status 2, with the usage text. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DIGITS = /^\d{1,20}$/;

export function parse(args: string[], options: ParseArgsConfig['options']): Values {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function digits(value: string | boolean | undefined, name: string): string | undefined {
  if (typeof value === 'boolean') throw new UsageError(`--${name} takes a value`);
  if (value !== undefined && !DIGITS.test(value)) throw new UsageError(`--${name} must be digits, got "${value}"`);
  return value;
}

/** --db FILE, else the app's own cache (so the CLI and the app share one archive). */
export function dbFile(values: Values, env: NodeJS.ProcessEnv): string {
  const given = values.db;
  return typeof given === 'string' ? path.resolve(given) : path.join(defaultDataDir(env), CACHE_FILE_NAME);
}

/** This version of OAI Desktop, kept in the cache as the last to write it. */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** --account and --server as given (digits checked): which cached account a read-only command works on (account.ts). */
export function accountChoice(values: Values): { accountNumber?: string; server?: string } {
  const accountNumber = digits(values.account, 'account');
  const server = values.server;
  if (typeof server === 'boolean') throw new UsageError('--server takes a value');
  return { ...(accountNumber !== undefined && { accountNumber }), ...(server !== undefined && { server }) };
}
