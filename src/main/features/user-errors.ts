// The one way domain errors meant for users cross a feature's boundary: the
// provider client's errors and the cache's become AppErrors with a stable
// code and the same message. Anything else passes through unchanged (the
// bridge reports it as 'internal' and logs it).
import type { AppErrorCode } from '../../shared/errors';
import { isCacheError, type CacheErrorCode } from '../cache/errors';
import { AppError } from '../errors';
import { isProviderError } from '../provider/errors';

const CODE_OF_CACHE_ERROR: Record<CacheErrorCode, AppErrorCode> = {
  newer_version: 'cache_unusable',
  not_a_database: 'cache_unusable',
  cannot_open: 'cache_unusable',
  outdated_schema: 'cache_unusable',
  migration_failed: 'cache_unusable',
  not_an_oai_cache: 'cache_unusable',
  damaged: 'cache_damaged',
  // The provider sent data that breaks the cache's rules.
  duplicate_conference: 'malformed',
  out_of_scope: 'malformed',
  conference_in_another_room: 'malformed',
  provider_holds_history: 'history_conflict',
  unknown_conference: 'not_found',
  provider_month: 'provider_month',
  not_imported: 'provider_month',
};

export function asUserError(error: unknown): unknown {
  if (isProviderError(error)) return new AppError(error.kind, error.message);
  if (isCacheError(error)) return new AppError(CODE_OF_CACHE_ERROR[error.code], error.message);
  return error;
}

/** Runs `work`, converting what it throws (or rejects with) by asUserError. */
export function userFacing<T>(work: () => T): T {
  try {
    const result = work();
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw asUserError(error);
      }) as T;
    }
    return result;
  } catch (error) {
    throw asUserError(error);
  }
}
