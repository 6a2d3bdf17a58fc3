// The months a sync downloads side by side, each on a lane of its own: a
// writer (a writer thread and its connection, whose TEMP staging tables hold
// one period at a time) that the month keeps until its commit has run. Lanes
// open lazily, as months need them, up to the limit; a month waits for a free
// lane beyond it, in the order the months asked.
import type { PeriodWriter } from './writers/period-writer';

/**
 * Months downloading at once over a slow link. Over a link of 50-150 ms per
 * request a sync is bound by its request chains, not by this machine: four
 * chains side by side bring a four-month sync near the floor of its longest month.
 */
export const MONTHS_IN_FLIGHT = 4;

/**
 * Months downloading at once over a fast link (a few ms a request). The sync
 * is then bound by this machine: two lanes keep it busy (one month staging
 * while another commits), and each further lane only adds a writer thread's
 * memory and competes for the same cores. Large sync on 2 cores (npm run
 * bench): two lanes 4.6-4.9 s, 240-250 MB peak; four lanes 5.3-5.5 s, 339-355 MB.
 */
export const MONTHS_IN_FLIGHT_FAST_LINK = 2;

/** A request answered slower than this (its fastest of the run's first ones) makes the link, not this machine, the bound. */
export const SLOW_LINK_MS = 20;

/** The months to download side by side over a link whose requests take `roundTripMs`. */
export function monthsInFlightFor(roundTripMs: number): number {
  return roundTripMs >= SLOW_LINK_MS ? MONTHS_IN_FLIGHT : MONTHS_IN_FLIGHT_FAST_LINK;
}

export class WriterLanes {
  private readonly opened: PeriodWriter[] = [];
  private readonly idle: PeriodWriter[] = [];
  private readonly waiting: Array<(writer: PeriodWriter) => void> = [];

  constructor(
    private limit: number,
    private readonly open: (lane: number) => PeriodWriter,
  ) {}

  /** Changes how many lanes may open (before months ask for them: lanes already open stay). */
  setLimit(limit: number): void {
    this.limit = limit;
  }

  /** A free lane's writer, opening one if the limit allows, else the next one released. */
  acquire(): Promise<PeriodWriter> {
    const free = this.idle.shift();
    if (free) return Promise.resolve(free);
    if (this.opened.length < Math.max(1, this.limit)) {
      const writer = this.open(this.opened.length);
      this.opened.push(writer);
      return Promise.resolve(writer);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(writer: PeriodWriter): void {
    const next = this.waiting.shift();
    if (next) next(writer);
    else this.idle.push(writer);
  }

  /** Closes every lane opened (their writers' threads and connections). */
  async close(): Promise<void> {
    await Promise.allSettled(this.opened.map((writer) => writer.close()));
  }
}
