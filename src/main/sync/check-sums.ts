// The contract's arithmetic, checked before anything is written: a period
// whose numbers do not add up, or add up beyond what the app can hold
// exactly, is refused, and the cache keeps what it had.
import { MAX_AMOUNT, type ApiConference, type ApiRoom } from '../provider/api-schemas';

export class SumMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SumMismatchError';
  }
}

/** A running sum: refused as soon as it is no longer an exact (safe) integer. */
function add(sum: number, value: number, what: () => string): number {
  const next = sum + value;
  if (!Number.isSafeInteger(next)) throw new SumMismatchError(`${what()} add up beyond ${Number.MAX_SAFE_INTEGER} (2^53 - 1)`);
  return next;
}

export function checkConferenceSums(conference: ApiConference): void {
  const { participants } = conference;
  let seconds = 0;
  let cents = 0;
  const what = (field: string) => () => `conference ${conference.id}: the participants' ${field}`;
  for (const participant of participants) {
    seconds = add(seconds, participant.seconds, what('seconds'));
    cents = add(cents, participant.chargeCents, what('chargeCents'));
  }
  const problems: string[] = [];
  if (conference.participantCount !== participants.length) {
    problems.push(`participantCount ${conference.participantCount} but ${participants.length} participants`);
  }
  if (conference.accumulatedSeconds !== seconds) {
    problems.push(`accumulatedSeconds ${conference.accumulatedSeconds} but participants add up to ${seconds}`);
  }
  if (conference.chargeCents !== cents) {
    problems.push(`chargeCents ${conference.chargeCents} but participants add up to ${cents}`);
  }
  if (problems.length > 0) {
    throw new SumMismatchError(`conference ${conference.id}: ${problems.join('; ')}`);
  }
}

interface RoomTotals {
  conferenceCount: number;
  accumulatedSeconds: number;
  chargeCents: number;
}

const emptyTotals = (): RoomTotals => ({ conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 });

/**
 * A period's sums, page by page: each room's (checked against the rooms
 * list at the end) and the whole period's magnitudes. Any sum the app
 * computes over the period's rows (the account's month, a billing code's,
 * a column's total) is at most those magnitudes, which must stay within
 * MAX_AMOUNT: so a sum over up to 9,007 periods stays an exact number.
 */
export class PeriodTotals {
  private readonly rooms = new Map<string, RoomTotals>();
  private readonly magnitudes = { chargeCents: 0, seconds: 0, lengthSeconds: 0 };

  /** Adds one page of conferences (checking each conference's own sums). */
  add(conferences: readonly ApiConference[]): void {
    for (const conference of conferences) {
      checkConferenceSums(conference);
      const room = this.rooms.get(conference.roomNumber) ?? emptyTotals();
      const what = (field: string) => () => `room ${conference.roomNumber}: the conferences' ${field}`;
      room.conferenceCount += 1;
      room.accumulatedSeconds = add(room.accumulatedSeconds, conference.accumulatedSeconds, what('accumulatedSeconds'));
      room.chargeCents = add(room.chargeCents, conference.chargeCents, what('chargeCents'));
      this.rooms.set(conference.roomNumber, room);
      this.addMagnitudes(conference);
    }
  }

  private addMagnitudes(conference: ApiConference): void {
    const m = this.magnitudes;
    m.lengthSeconds = this.addMagnitude(m.lengthSeconds, conference.lengthSeconds, "conferences' lengthSeconds");
    for (const participant of conference.participants) {
      m.seconds = this.addMagnitude(m.seconds, participant.seconds, "participants' seconds");
      m.chargeCents = this.addMagnitude(m.chargeCents, Math.abs(participant.chargeCents), "participants' chargeCents (in magnitude)");
    }
  }

  private addMagnitude(sum: number, value: number, what: string): number {
    const next = add(sum, value, () => `the period's ${what}`);
    if (next > MAX_AMOUNT) throw new SumMismatchError(`the period's ${what} add up to more than ${MAX_AMOUNT} (10^12), the most the client accepts`);
    return next;
  }

  /** The rooms list against the conferences' sums. */
  check(rooms: readonly ApiRoom[]): void {
    const listed = new Set(rooms.map((room) => room.roomNumber));
    for (const roomNumber of this.rooms.keys()) {
      if (!listed.has(roomNumber)) throw new SumMismatchError(`conferences of room ${roomNumber}, which is not in the rooms list`);
    }
    for (const room of rooms) {
      const sums = this.rooms.get(room.roomNumber) ?? emptyTotals();
      for (const field of ['conferenceCount', 'accumulatedSeconds', 'chargeCents'] as const) {
        if (room[field] !== sums[field]) {
          throw new SumMismatchError(`room ${room.roomNumber}: ${field} ${room[field]} but its conferences add up to ${sums[field]}`);
        }
      }
    }
  }
}
