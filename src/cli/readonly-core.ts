// Read-only commands open the cache without changing it.
import { createCore, type Core } from '../main/app/core';
import { dbFile, type CliIo, type Values } from './args';

/** Runs a read-only command on the cache; it must exist and is never changed. */
export async function withReadonlyCore<T>(values: Values, io: CliIo, command: (core: Core) => T | Promise<T>): Promise<T> {
  const core = createCore({ cacheFile: dbFile(values, io.env), readonly: true });
  try {
    return await command(core);
  } finally {
    await core.close();
  }
}
