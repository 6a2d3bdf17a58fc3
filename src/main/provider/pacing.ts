// A client's shared "not before" time. A 429 or 503 says the provider is
// overloaded, not that one request was: the wait it asks for (Retry-After,
// else the backoff) holds every request of the client, so four months
// downloading side by side slow down together instead of three of them
// carrying on at full speed.
import type { Sleep } from './retry';

export class SharedPause {
  /** Date.now() before which no request starts; 0 when none is set. */
  private until = 0;
  /** Settles when the latest pause has been served. */
  private served: Promise<void> = Promise.resolve();
  /** Stops the pause's timer once nobody waits for it (everyone cancelled). */
  private timer: AbortController | null = null;
  private waiters = 0;

  constructor(
    private readonly sleep: Sleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds every request for `ms` from now (a pause already longer is kept). */
  extend(ms: number): void {
    const until = this.now() + ms;
    if (until <= this.until) return;
    this.until = until;
    this.timer?.abort();
    const timer = new AbortController();
    this.timer = timer;
    const served: Promise<void> = this.sleep(ms, timer.signal).then(
      () => this.servedIfLatest(served),
      () => this.servedIfLatest(served),
    );
    this.served = served;
  }

  /**
   * Resolves once the pause is over (at once when there is none); rejects
   * with the signal's reason if it fires first.
   */
  async wait(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const current = this.served;
      if (this.until === 0 || this.now() >= this.until) return;
      this.waiters += 1;
      try {
        await abortable(current, signal);
      } finally {
        this.waiters -= 1;
        if (this.waiters === 0 && signal?.aborted) this.timer?.abort();
      }
      // Extended meanwhile: wait for the longer pause.
      if (this.served === current) return;
    }
  }

  private servedIfLatest(served: Promise<void>): void {
    // A pause that ends is over even if the clock says otherwise (a test's sleep returns at once).
    if (this.served === served) {
      this.until = 0;
      this.timer = null;
    }
  }
}

function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's own reason, as fetch does
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
    );
  });
}
