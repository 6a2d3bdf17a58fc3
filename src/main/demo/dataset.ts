// Everything the demo account serves, independent of HTTP: the four periods,
// their revisions, rooms with totals, conference pages, and billing-code edits
// (kept in memory for the server's lifetime).
import { createHash } from 'node:crypto';
import type { ApiConference, ApiPeriod, ApiRoom } from '../provider/api-schemas';
import { epochSecondsOfDay, parseDay, parsePeriodKey, servedPeriodKeys, type CalendarDay } from './calendar';
import { materializeConference, writeConference, type ConferenceFacts } from './conference-shape';
import type { JsonWriter } from './json-writer';
import { GeneratedPeriod, type PeriodContent } from './period-data';
import { buildRoomDirectory, type DemoRoom } from './rooms';
import { buildSeedPeriod, SEED_PERIOD } from './seed-scenario';

export interface DemoDataOptions {
  now: string;
  rooms: number;
  perRoom: number;
}

export const MAX_PER_ROOM = 10_000;

export interface LocatedConference {
  period: string;
  ordinal: number;
  roomIndex: number;
}

export class DemoDataset {
  readonly rooms: readonly DemoRoom[];
  readonly periodKeys: readonly string[];
  private readonly now: CalendarDay;
  private readonly roomIndexByNumber: Map<string, number>;
  private readonly roomIndexesByNumber: number[];
  private readonly contents = new Map<string, PeriodContent>();
  private readonly ordinalsByRoom = new Map<string, Uint32Array>();
  /** period → conference id → edited code (only codes that differ from the generated one). */
  private readonly billingEdits = new Map<string, Map<string, string | null>>();
  private readonly bumpCounts = new Map<string, number>();
  private readonly revisionCache = new Map<string, string>();

  constructor(private readonly options: DemoDataOptions) {
    const now = parseDay(options.now);
    if (!now) throw new RangeError(`now must be a date YYYY-MM-DD, got '${options.now}'`);
    if (!Number.isFinite(options.perRoom) || options.perRoom < 0 || options.perRoom > MAX_PER_ROOM) {
      throw new RangeError(`perRoom must be a number from 0 to ${MAX_PER_ROOM}`);
    }
    this.now = now;
    this.rooms = buildRoomDirectory(options.rooms);
    this.periodKeys = servedPeriodKeys(now);
    this.roomIndexByNumber = new Map(this.rooms.map((room, index) => [room.roomNumber, index]));
    this.roomIndexesByNumber = this.rooms.map((_, index) => index).sort((a, b) => compareText(roomNumberAt(this.rooms, a), roomNumberAt(this.rooms, b)));
  }

  get currentPeriod(): string {
    return this.periodKeys[0] ?? '';
  }

  isServed(period: string): boolean {
    return this.periodKeys.includes(period);
  }

  roomIndexOf(roomNumber: string): number | undefined {
    return this.roomIndexByNumber.get(roomNumber);
  }

  periods(): ApiPeriod[] {
    return this.periodKeys.map((period) => ({
      period,
      start: `${period}-01`,
      invoiced: period !== this.currentPeriod,
      revision: this.revision(period),
    }));
  }

  isInvoiced(period: string): boolean {
    return period !== this.currentPeriod;
  }

  /** Opaque, derived from what decides the content: same inputs ⇒ same revision. */
  revision(period: string): string {
    const cached = this.revisionCache.get(period);
    if (cached) return cached;
    const edits = [...(this.billingEdits.get(period) ?? new Map<string, string | null>())].sort(([a], [b]) => compareText(a, b));
    const inputs = {
      version: 1,
      period,
      rooms: this.options.rooms,
      content: period === SEED_PERIOD ? 'seed' : { perRoom: this.options.perRoom, cutoff: this.cutoffEpochOf(period) },
      edits,
      bumps: this.bumpCounts.get(period) ?? 0,
    };
    const revision = 'r-' + createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
    this.revisionCache.set(period, revision);
    return revision;
  }

  bumpRevision(period: string): void {
    this.bumpCounts.set(period, (this.bumpCounts.get(period) ?? 0) + 1);
    this.revisionCache.delete(period);
  }

  /** Every room (sorted by number), or just one for a room session. */
  roomsOf(period: string, onlyRoomIndex: number | null): ApiRoom[] {
    const content = this.content(period);
    const indexes = onlyRoomIndex === null ? this.roomIndexesByNumber : [onlyRoomIndex];
    return indexes.map((roomIndex) => {
      const room = this.rooms[roomIndex];
      if (!room) throw new RangeError(`no room at index ${roomIndex}`);
      return { ...room, ...content.roomTotals(roomIndex) };
    });
  }

  conferenceCount(period: string, onlyRoomIndex: number | null): number {
    return onlyRoomIndex === null ? this.content(period).size : this.roomOrdinals(period, onlyRoomIndex).length;
  }

  /** Writes conferences [offset, offset + limit) of the listing as JSON array items; returns how many. */
  writeConferences(out: JsonWriter, period: string, onlyRoomIndex: number | null, offset: number, limit: number): number {
    const end = Math.min(offset + limit, this.conferenceCount(period, onlyRoomIndex));
    const ordinals = onlyRoomIndex === null ? null : this.roomOrdinals(period, onlyRoomIndex);
    for (let position = offset; position < end; position++) {
      if (position > offset) out.raw(',');
      writeConference(out, this.factsOf(period, ordinals ? (ordinals[position] ?? 0) : position));
    }
    return Math.max(0, end - offset);
  }

  /** Conferences [offset, offset + limit) of the period's listing, as the API serves them (tools writing a cache directly). */
  conferencePage(period: string, offset: number, limit: number): ApiConference[] {
    const end = Math.min(offset + limit, this.conferenceCount(period, null));
    const page: ApiConference[] = [];
    for (let ordinal = offset; ordinal < end; ordinal++) page.push(materializeConference(this.factsOf(period, ordinal)));
    return page;
  }

  /** Finds a served conference by id; null if there is none. */
  locate(conferenceId: string): LocatedConference | null {
    const match = /^c-(\d{4})(\d{2})-(\d{6,})$/.exec(conferenceId);
    if (!match) return null;
    const period = `${match[1]}-${match[2]}`;
    const ordinal = Number(match[3]) - 1;
    if (!this.isServed(period) || conferenceIdOf(period, ordinal) !== conferenceId) return null;
    const content = this.content(period);
    if (ordinal < 0 || ordinal >= content.size) return null;
    return { period, ordinal, roomIndex: content.roomIndexAt(ordinal) };
  }

  setBillingCode(located: LocatedConference, billingCode: string | null): ApiConference {
    const id = conferenceIdOf(located.period, located.ordinal);
    const generated = this.content(located.period).factsAt(located.ordinal, id).billingCode;
    const edits = this.billingEdits.get(located.period) ?? new Map<string, string | null>();
    this.billingEdits.set(located.period, edits);
    // Back to the original code = back to the original content (and revision).
    if (billingCode === generated) edits.delete(id);
    else edits.set(id, billingCode);
    this.revisionCache.delete(located.period);
    return materializeConference(this.factsOf(located.period, located.ordinal));
  }

  /** The conference as served: generated, with its billing-code edit if any. */
  private factsOf(period: string, ordinal: number): ConferenceFacts {
    const id = conferenceIdOf(period, ordinal);
    const facts = this.content(period).factsAt(ordinal, id);
    const edits = this.billingEdits.get(period);
    if (edits?.has(id)) facts.billingCode = edits.get(id) ?? null;
    return facts;
  }

  /** Built on first use: the compact index of a generated month takes a moment at large scale. */
  private content(period: string): PeriodContent {
    const cached = this.contents.get(period);
    if (cached) return cached;
    const parsed = parsePeriodKey(period);
    if (!parsed || !this.isServed(period)) throw new RangeError(`period ${period} is not served`);
    const content =
      period === SEED_PERIOD
        ? buildSeedPeriod(this.rooms)
        : new GeneratedPeriod({ ...parsed, rooms: this.rooms, perRoom: this.options.perRoom, cutoffEpoch: this.cutoffEpochOf(period) });
    this.contents.set(period, content);
    return content;
  }

  /** The current month is served up to the start of `now` (UTC); older months are complete. */
  private cutoffEpochOf(period: string): number | null {
    return period === this.currentPeriod ? epochSecondsOfDay(this.now) : null;
  }

  private roomOrdinals(period: string, roomIndex: number): Uint32Array {
    const key = `${period}:${roomIndex}`;
    const cached = this.ordinalsByRoom.get(key);
    if (cached) return cached;
    const content = this.content(period);
    const ordinals: number[] = [];
    for (let ordinal = 0; ordinal < content.size; ordinal++) {
      if (content.roomIndexAt(ordinal) === roomIndex) ordinals.push(ordinal);
    }
    const result = Uint32Array.from(ordinals);
    this.ordinalsByRoom.set(key, result);
    return result;
  }
}

/** 'c-200905-000123': period and position, so a PUT finds its conference directly. */
export function conferenceIdOf(period: string, ordinal: number): string {
  return `c-${period.replace('-', '')}-${String(ordinal + 1).padStart(6, '0')}`;
}

function roomNumberAt(rooms: readonly DemoRoom[], index: number): string {
  return rooms[index]?.roomNumber ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
