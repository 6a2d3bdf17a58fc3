// Turns failures from main into a sentence for the user: known codes get a
// clear translated message, anything else the (English) message main sent.
import type { BridgeFailureCode } from '../../shared/errors';
import { BridgeError } from './bridge';
import type { MessageKey, Translate } from '../../shared/i18n';

const MESSAGE_BY_CODE: Partial<Record<BridgeFailureCode, MessageKey>> = {
  invalid_credentials: 'error.invalidCredentials',
  unreachable: 'error.unreachable',
  timeout: 'error.timeout',
  tls: 'error.tls',
  insecure_url: 'error.insecureUrl',
  bad_url: 'error.badUrl',
  unavailable: 'error.unavailable',
  malformed: 'error.malformed',
  cache_unusable: 'error.cacheUnusable',
  link_question_pending: 'workspace.linkPending',
  print_busy: 'error.printBusy',
  print_timeout: 'error.printTimeout',
  no_printer: 'error.noPrinter',
  http: 'error.http',
  session_expired: 'error.sessionExpired',
  keychain_unavailable: 'error.keychain',
  password_needed: 'error.passwordNeeded',
  internal: 'error.internal',
  cache_damaged: 'error.cacheDamaged',
  archive_read_only: 'error.archiveReadOnly',
  archive_unavailable: 'error.archiveUnavailable',
  archive_busy: 'error.archiveBusy',
  export_failed: 'error.exportFailed',
  print_failed: 'error.printFailed',
  not_found: 'error.notFound',
  unknown_profile: 'error.unknownProfile',
};

function messageKeyOf(code: string): MessageKey | undefined {
  return Object.hasOwn(MESSAGE_BY_CODE, code) ? MESSAGE_BY_CODE[code as BridgeFailureCode] : undefined;
}

export function errorCode(error: unknown): string | null {
  return error instanceof BridgeError ? error.code : null;
}

/** The sentence for a failure code the renderer knows, or null. */
export function describeCode(code: string | null | undefined, t: Translate): string | null {
  const key = code ? messageKeyOf(code) : undefined;
  return key ? t(key) : null;
}

/**
 * The technical text behind a failure (main's message: a request, a keychain's
 * own words) when the user is shown a sentence of ours instead; else null.
 */
export function errorDetail(error: unknown, t: Translate): string | null {
  if (!(error instanceof Error) || !error.message) return null;
  return error.message === describeError(error, t) ? null : error.message;
}

export function describeError(error: unknown, t: Translate): string {
  const code = errorCode(error);
  const key = code === null ? undefined : messageKeyOf(code);
  if (key) return t(key);
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}
