// Quitting waits for the services to close (running syncs cancelled and
// awaited, the database closed, the demo server stopped), within a time limit
// so a hung close never keeps a zombie app: the first quit is held back, the
// services close, then the app exits for good.
import type { Logger } from '../log';

export interface QuitGuardApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(code?: number): void;
}

export const QUIT_TIME_LIMIT_MS = 10_000;

export function installQuitGuard(options: {
  app: QuitGuardApp;
  close: () => Promise<void>;
  log: Logger;
  timeLimitMs?: number;
}): void {
  const { app, close, log } = options;
  const timeLimitMs = options.timeLimitMs ?? QUIT_TIME_LIMIT_MS;
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    void closeWithin(close, timeLimitMs).then((outcome) => {
      if (outcome === 'timeout') log.error(`services did not close within ${timeLimitMs} ms; quitting anyway`);
      else if (outcome instanceof Error) log.error('closing the services failed', outcome);
      app.exit(0);
    });
  });
}

/** Resolves 'closed', 'timeout', or the close's error: never rejects, never waits past the limit. */
export function closeWithin(close: () => Promise<void>, timeLimitMs: number): Promise<'closed' | 'timeout' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeLimitMs);
  });
  const closed = Promise.resolve()
    .then(close)
    .then(
      () => 'closed' as const,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  return Promise.race([closed, limit]).finally(() => clearTimeout(timer));
}
