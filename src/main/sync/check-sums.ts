// The contract's arithmetic, checked before anything is written: a period
// whose numbers do not add up is refused, and the cache keeps what it had.
import type { ApiConference, ApiRoom } from '../provider/api-schemas';

export class SumMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SumMismatchError';
  }
}

export function checkConferenceSums(conference: ApiConference): void {
  const { participants } = conference;
  let seconds = 0;
  let cents = 0;
  for (const participant of participants) {
    seconds += participant.seconds;
    cents += participant.chargeCents;
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

/** Adds one page of conferences into per-room totals (checking each conference). */
export function addToRoomTotals(totals: Map<string, RoomTotals>, conferences: readonly ApiConference[]): void {
  for (const conference of conferences) {
    checkConferenceSums(conference);
    const room = totals.get(conference.roomNumber) ?? { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };
    room.conferenceCount += 1;
    room.accumulatedSeconds += conference.accumulatedSeconds;
    room.chargeCents += conference.chargeCents;
    totals.set(conference.roomNumber, room);
  }
}

export function checkRoomTotals(rooms: readonly ApiRoom[], totals: Map<string, RoomTotals>): void {
  const listed = new Set(rooms.map((room) => room.roomNumber));
  for (const roomNumber of totals.keys()) {
    if (!listed.has(roomNumber)) throw new SumMismatchError(`conferences of room ${roomNumber}, which is not in the rooms list`);
  }
  for (const room of rooms) {
    const sums = totals.get(room.roomNumber) ?? { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 };
    for (const field of ['conferenceCount', 'accumulatedSeconds', 'chargeCents'] as const) {
      if (room[field] !== sums[field]) {
        throw new SumMismatchError(`room ${room.roomNumber}: ${field} ${room[field]} but its conferences add up to ${sums[field]}`);
      }
    }
  }
}
