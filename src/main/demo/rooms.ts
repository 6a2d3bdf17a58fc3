// The account's rooms: the three rooms of the seed document first, then
// generated ones. Each room depends only on its position, so the first N rooms
// are the same whatever the total.
import { AUTO_BILLING_CODES, CARDHOLDER_COUNTRIES, LEGACY_AUTO_BILLING_CODE } from './catalog';
import { createRandom, hashInts, hashString, type Random } from './random';

export interface DemoRoom {
  roomNumber: string;
  cardholder: string | null;
  autoBillingCode: string | null;
}

export const SEED_ROOMS: readonly DemoRoom[] = [
  { roomNumber: '320026', cardholder: 'Leo', autoBillingCode: null },
  { roomNumber: '332703', cardholder: 'Marilene BALLESTER', autoBillingCode: null },
  { roomNumber: '335848', cardholder: 'Jean-Baptiste Godeau', autoBillingCode: null },
];

export const MAX_ROOMS = 50_000;
const ROOM_NUMBER_MIN = 300_000;
const ROOM_NUMBER_SPAN = 100_000; // room numbers look like the seed's: 3xxxxx
const LEGACY_CODE_ROOM_INDEX = 3; // the first generated room keeps a legacy code

export function buildRoomDirectory(roomCount: number): DemoRoom[] {
  if (!Number.isInteger(roomCount) || roomCount < SEED_ROOMS.length || roomCount > MAX_ROOMS) {
    throw new RangeError(`rooms must be an integer from ${SEED_ROOMS.length} to ${MAX_ROOMS}`);
  }
  const rooms = SEED_ROOMS.slice(0, roomCount).map((room) => ({ ...room }));
  const taken = new Set(rooms.map((room) => room.roomNumber));
  const numbers = createRandom(hashString('demo-room-numbers'));
  while (rooms.length < roomCount) {
    const roomNumber = String(ROOM_NUMBER_MIN + Math.floor(numbers.next() * ROOM_NUMBER_SPAN));
    if (taken.has(roomNumber)) continue;
    taken.add(roomNumber);
    rooms.push(generatedRoom(roomNumber, rooms.length));
  }
  return rooms;
}

function generatedRoom(roomNumber: string, index: number): DemoRoom {
  const random = createRandom(hashInts(hashString('demo-room'), index));
  const cardholder = random.chance(0.03) ? null : cardholderName(random);
  let autoBillingCode: string | null = null;
  if (index === LEGACY_CODE_ROOM_INDEX) autoBillingCode = LEGACY_AUTO_BILLING_CODE;
  else if (random.chance(0.12)) autoBillingCode = random.pick(AUTO_BILLING_CODES);
  return { roomNumber, cardholder, autoBillingCode };
}

/** Mostly 'First Last', sometimes 'First LAST' or a first name only, as people typed them. */
function cardholderName(random: Random): string {
  const country = random.weighted(CARDHOLDER_COUNTRIES);
  const first = random.pick(country.firstNames);
  const last = random.pick(country.lastNames);
  const style = random.next();
  if (style < 0.72) return `${first} ${last}`;
  if (style < 0.94) return `${first} ${last.toUpperCase()}`;
  return first;
}
