// Holds a sync's writes to the cache until the cache is known to be intact:
// the coordinator checks the file (quick_check, on the archive thread) while
// the sync signs in, lists the periods and downloads the first one, and every
// write of the run waits for the answer. A damaged cache fails the sync with
// nothing written.

export class WriteGate {
  /** Settles once the check has: resolves if the cache may be written, rejects with the check's error if not. */
  readonly opened: Promise<void>;
  private error: Error | null = null;

  constructor(check: Promise<void> = Promise.resolve()) {
    this.opened = check.catch((error: unknown) => {
      this.error = error instanceof Error ? error : new Error(`the cache check failed: ${String(error)}`);
      throw this.error;
    });
    // Seen by whoever waits on it; until then, not an unhandled rejection.
    this.opened.catch(() => {});
  }

  /** The check's error once it has failed, else null. */
  get failure(): Error | null {
    return this.error;
  }

  /** Runs `write` once the gate is open; rejects without running it if the check failed. */
  whenOpen<T>(write: () => T | PromiseLike<T>): Promise<T> {
    return this.opened.then(write);
  }
}
