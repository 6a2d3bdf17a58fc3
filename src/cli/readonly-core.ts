// Read-only commands open the cache without changing it.
import { createCore, type Core } from '../main/app/core';
import { listAccounts, type ReadableDB } from '../main/cache';
import { dbFile, UsageError, type CliIo, type Values } from './args';

/** Runs a read-only command on the cache; it must exist and is never changed. */
export async function withReadonlyCore<T>(values: Values, io: CliIo, command: (core: Core) => T | Promise<T>): Promise<T> {
  const core = createCore({ cacheFile: dbFile(values, io.env), readonly: true });
  try {
    return await command(core);
  } finally {
    await core.close();
  }
}

export function pickAccount(db: ReadableDB, given: string | undefined): string {
  if (given !== undefined) return given;
  const accounts = listAccounts(db);
  if (accounts.length === 1) return accounts[0]!.accountNumber;
  if (accounts.length === 0) throw new Error('the cache holds no account yet: run `sync` first');
  throw new UsageError(`the cache holds several accounts (${accounts.map((a) => a.accountNumber).join(', ')}): give --account`);
}
