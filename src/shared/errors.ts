// The stable codes of failures main reports to the renderer: the renderer maps
// the ones it knows to its own words (src/renderer/src/errors.ts) and shows
// main's English message for the others.

/** Why talking to the provider failed (the provider client's error kinds). */
export type ProviderFailureCode =
  | 'bad_url'
  | 'insecure_url'
  | 'invalid_credentials'
  | 'session_expired'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'unavailable'
  | 'malformed'
  | 'http'
  | 'cancelled';

/** Failures a feature reports on purpose, each with a message fit for the user. */
export type AppErrorCode =
  | ProviderFailureCode
  /** A sign-in that settings no longer list. */
  | 'unknown_profile'
  /** The password of a sign-in is neither remembered nor in this session. */
  | 'password_needed'
  | 'keychain_unavailable'
  /** A billing code outside the provider's rule for new codes. */
  | 'invalid_billing_code'
  /** The conference or outbox change is not in the cache (any more). */
  | 'not_found'
  /** A sign-in at a provider's new address waits for the user to link or keep apart the old address's history. */
  | 'link_question_pending'
  /** The provider's new address already holds history of the account: the histories stay apart. */
  | 'history_conflict'
  /** The cache file cannot be used (newer schema, not a database, unreadable). */
  | 'cache_unusable'
  /** SQLite's integrity check found the cache damaged: nothing is written to it (a sync fails with this too). */
  | 'cache_damaged'
  /** The archive can only be read (a read-only file or folder, another process holds it): no sync, no edits. */
  | 'archive_read_only'
  /** The archive cannot be used (damaged, not an archive, a newer version's…): the recovery screen says why. */
  | 'archive_unavailable'
  /** The archive is being restored or replaced: try again when it is done. */
  | 'archive_busy'
  | 'export_failed'
  | 'print_failed'
  /** Another print is still running: one print at a time. */
  | 'print_busy'
  /** The print dialog stayed open past the time limit; the print window was closed. */
  | 'print_timeout'
  /** The computer has no printer: the renderer offers Save as PDF instead. */
  | 'no_printer'
  /** Saving or printing is not offered by this shell. */
  | 'not_available'
  /** An import would touch a month the cache holds from the provider, or remove one. */
  | 'provider_month'
  /** An import file could not be taken (too big, unreadable). */
  | 'import_failed';

/** What the dispatcher itself answers, around the handlers. */
export type DispatchFailureCode = 'unknown_call' | 'invalid_arguments' | 'internal';

export type BridgeFailureCode = AppErrorCode | DispatchFailureCode;

/**
 * Why the sync did not send a billing-code change (the outbox's own code,
 * beside the provider's): its month is no longer served by the provider.
 */
export const PERIOD_UNAVAILABLE = 'period_unavailable';
