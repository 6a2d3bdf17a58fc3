// Errors whose message is safe to show a user (and to log): they never carry
// a password, a token or a stack. Anything else reaching the bridge is
// reported as 'internal' with a generic message.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** True for errors that carry a user-facing `code` and message. */
export function isUserFacingError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    (error instanceof AppError || (error as { userFacing?: boolean }).userFacing === true)
  );
}
