// Errors the cache raises on purpose. Anything else (disk full, I/O) is a
// plain SqliteError and means the environment, not the data, is at fault.

export type CacheErrorCode =
  /** The file's schema is newer than this app knows: refuse, leave it untouched. */
  | 'newer_version'
  /** The file exists but is not a SQLite database. */
  | 'not_a_database'
  /** The file could not be opened at all (permissions, a directory, missing in read-only mode). */
  | 'cannot_open'
  /** Opened read-only but the schema still needs migrations. */
  | 'outdated_schema'
  /** A migration threw; the file stays at the previous schema version. */
  | 'migration_failed'
  /** SQLite's quick_check found damage: nothing may write to the file (see integrity.ts). */
  | 'damaged'
  /** A SQLite database, but not an OAI Desktop cache (restore candidates). */
  | 'not_an_oai_cache'
  /** The same conference id appears twice in one period replacement. */
  | 'duplicate_conference'
  /** A room login's data mentions another room. */
  | 'out_of_scope'
  /** A room login's data has a conference the cache holds under another room of the month: replacing it would delete outside the slice. */
  | 'conference_in_another_room'
  /** Linking an account's history to a provider that already holds history of that account. */
  | 'provider_holds_history'
  /** The conference is not in the cache. */
  | 'unknown_conference'
  /** An import holds a month the cache has from the provider: the provider's data is never replaced. */
  | 'provider_month'
  /** Removing a month that was not imported. */
  | 'not_imported';

/** What SQLite's quick_check said of a file (integrity.ts). */
export interface IntegrityProblems {
  /** The first problems SQLite lists, in its words, each naming the table or index when known. */
  problems: readonly string[];
}

export class CacheError extends Error {
  override readonly name = 'CacheError';
  /** For 'damaged': what quick_check found. */
  readonly integrity?: IntegrityProblems;

  constructor(
    readonly code: CacheErrorCode,
    message: string,
    options?: { cause?: unknown; integrity?: IntegrityProblems },
  ) {
    super(message, options);
    if (options?.integrity) this.integrity = options.integrity;
  }
}

export function isCacheError(error: unknown, code?: CacheErrorCode): error is CacheError {
  return error instanceof CacheError && (code === undefined || error.code === code);
}
