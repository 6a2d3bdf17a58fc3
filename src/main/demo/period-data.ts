// The content of one billing period, kept compact: for generated periods only
// typed arrays (start, room, seed per conference, plus per-room totals);
// conferences are regenerated from their seed when a page is served.
import type { Totals } from '../../shared/domain';
import { weekdaysOf } from './calendar';
import {
  generatedBillingCode,
  generatedShape,
  generatedStart,
  shapeTotals,
  type ConferenceFacts,
  type ConferenceShape,
} from './conference-shape';
import { createRandom, hashInts, hashString } from './random';
import { SEED_ROOMS, type DemoRoom } from './rooms';

export interface PeriodContent {
  /** Conferences served, ordinals 0..size-1 in start order (ties: room, then index). */
  readonly size: number;
  roomIndexAt(ordinal: number): number;
  /** What it takes to write the conference, as generated (billing-code edits are applied by the caller). */
  factsAt(ordinal: number, id: string): ConferenceFacts;
  roomTotals(roomIndex: number): Totals;
}

/** Per-room sums, indexed like the room directory. */
class RoomTotalsTable {
  private readonly counts: Uint32Array;
  private readonly seconds: Float64Array;
  private readonly cents: Float64Array;

  constructor(roomCount: number) {
    this.counts = new Uint32Array(roomCount);
    this.seconds = new Float64Array(roomCount);
    this.cents = new Float64Array(roomCount);
  }

  add(roomIndex: number, accumulatedSeconds: number, chargeCents: number): void {
    this.counts[roomIndex] = (this.counts[roomIndex] ?? 0) + 1;
    this.seconds[roomIndex] = (this.seconds[roomIndex] ?? 0) + accumulatedSeconds;
    this.cents[roomIndex] = (this.cents[roomIndex] ?? 0) + chargeCents;
  }

  get(roomIndex: number): Totals {
    return {
      conferenceCount: this.counts[roomIndex] ?? 0,
      accumulatedSeconds: this.seconds[roomIndex] ?? 0,
      chargeCents: this.cents[roomIndex] ?? 0,
    };
  }
}

const INACTIVE_SHARE = 0.15;
const STREAM_ACTIVITY = 0xac71;

export interface GeneratedPeriodParams {
  year: number;
  month: number;
  rooms: readonly DemoRoom[];
  perRoom: number;
  /** Epoch seconds; conferences starting at or after it are not served yet (current month). */
  cutoffEpoch: number | null;
}

export class GeneratedPeriod implements PeriodContent {
  readonly size: number;
  private readonly rooms: readonly DemoRoom[];
  private readonly starts: Uint32Array;
  private readonly roomIndexes: Uint32Array;
  private readonly seeds: Uint32Array;
  private readonly totals: RoomTotalsTable;

  constructor(params: GeneratedPeriodParams) {
    this.rooms = params.rooms;
    const periodHash = hashString(`period:${params.year}-${params.month}`);
    const weekdays = weekdaysOf(params.year, params.month);
    const starts: number[] = [];
    const roomIndexes: number[] = [];
    const seeds: number[] = [];
    params.rooms.forEach((room, roomIndex) => {
      const roomHash = Number(room.roomNumber);
      const count = conferenceCountOf(periodHash, roomHash, roomIndex, params.perRoom);
      for (let index = 0; index < count; index++) {
        const seed = hashInts(periodHash, roomHash, index);
        const start = generatedStart(seed, params.year, params.month, weekdays);
        if (params.cutoffEpoch !== null && start >= params.cutoffEpoch) continue;
        starts.push(start);
        roomIndexes.push(roomIndex);
        seeds.push(seed);
      }
    });
    // Stable order: start, then generation order (room, then index).
    const order = Array.from(starts.keys()).sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0) || a - b);
    this.size = order.length;
    this.starts = Uint32Array.from(order, (i) => starts[i] ?? 0);
    this.roomIndexes = Uint32Array.from(order, (i) => roomIndexes[i] ?? 0);
    this.seeds = Uint32Array.from(order, (i) => seeds[i] ?? 0);
    this.totals = new RoomTotalsTable(params.rooms.length);
    for (let ordinal = 0; ordinal < this.size; ordinal++) {
      const sums = shapeTotals(generatedShape(this.seeds[ordinal] ?? 0));
      this.totals.add(this.roomIndexAt(ordinal), sums.accumulatedSeconds, sums.chargeCents);
    }
  }

  roomIndexAt(ordinal: number): number {
    return this.roomIndexes[ordinal] ?? 0;
  }

  roomTotals(roomIndex: number): Totals {
    return this.totals.get(roomIndex);
  }

  factsAt(ordinal: number, id: string): ConferenceFacts {
    const seed = this.seeds[ordinal] ?? 0;
    const room = this.roomAt(this.roomIndexAt(ordinal));
    return {
      id,
      roomNumber: room.roomNumber,
      startEpoch: this.starts[ordinal] ?? 0,
      billingCode: generatedBillingCode(seed, room),
      shape: generatedShape(seed),
      seed,
    };
  }

  private roomAt(roomIndex: number): DemoRoom {
    const room = this.rooms[roomIndex];
    if (!room) throw new RangeError(`no room at index ${roomIndex}`);
    return room;
  }
}

/** About 15% of rooms sit idle in a month; the seed rooms are always in use. */
function conferenceCountOf(periodHash: number, roomHash: number, roomIndex: number, perRoom: number): number {
  const random = createRandom(hashInts(periodHash, roomHash, STREAM_ACTIVITY));
  const idle = random.chance(INACTIVE_SHARE);
  if (perRoom <= 0 || (idle && roomIndex >= SEED_ROOMS.length)) return 0;
  return Math.max(1, Math.round(perRoom * (0.4 + 1.2 * random.next())));
}

/** A conference spelled out in full, for hand-made periods (the seed scenario). */
export interface FixtureConference {
  roomIndex: number;
  startEpoch: number;
  billingCode: string | null;
  shape: ConferenceShape;
  seed: number;
}

export class FixturePeriod implements PeriodContent {
  readonly size: number;
  private readonly conferences: FixtureConference[];
  private readonly totals: RoomTotalsTable;

  constructor(
    private readonly rooms: readonly DemoRoom[],
    conferences: readonly FixtureConference[],
  ) {
    this.conferences = [...conferences].sort((a, b) => a.startEpoch - b.startEpoch || a.roomIndex - b.roomIndex);
    this.size = this.conferences.length;
    this.totals = new RoomTotalsTable(rooms.length);
    for (const conference of this.conferences) {
      const sums = shapeTotals(conference.shape);
      this.totals.add(conference.roomIndex, sums.accumulatedSeconds, sums.chargeCents);
    }
  }

  roomIndexAt(ordinal: number): number {
    return this.fixtureAt(ordinal).roomIndex;
  }

  roomTotals(roomIndex: number): Totals {
    return this.totals.get(roomIndex);
  }

  factsAt(ordinal: number, id: string): ConferenceFacts {
    const { startEpoch, billingCode, shape, seed, roomIndex } = this.fixtureAt(ordinal);
    const room = this.rooms[roomIndex];
    if (!room) throw new RangeError(`no room at index ${roomIndex}`);
    return { id, roomNumber: room.roomNumber, startEpoch, billingCode, shape, seed };
  }

  private fixtureAt(ordinal: number): FixtureConference {
    const fixture = this.conferences[ordinal];
    if (!fixture) throw new RangeError(`no conference at ordinal ${ordinal}`);
    return fixture;
  }
}
