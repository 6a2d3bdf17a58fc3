// Errors whose message is safe to show a user (and to log): they never carry
// a password, a token or a stack. Anything else reaching the bridge is
// reported as 'internal' with a generic message. Domain errors meant for
// users (the provider client's, the cache's) become AppErrors at a feature's
// boundary (src/main/features/user-errors.ts).
import type { AppErrorCode } from '../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** True for errors that carry a user-facing `code` and message. */
export function isUserFacingError(error: unknown): error is AppError {
  return error instanceof AppError;
}
