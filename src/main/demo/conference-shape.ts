// One conference, in two steps. The *shape* (service type, each leg's access
// type, timing, seconds and charge) decides every sum, and is cheap to
// regenerate from a seed. *Writing* it adds ids, names, phones and instants,
// straight to JSON, only when a page is served: no participant is held in memory.
import type { ApiConference } from '../provider/api-schemas';
import {
  ACCESS_WEIGHTS,
  COUNTRIES,
  CONFERENCE_BILLING_CODES,
  FOREIGN_COUNTRIES,
  PARTICIPANT_COUNT_WEIGHTS,
  RATE_CENTS_PER_MINUTE,
  SERVICE_TYPE_WEIGHTS,
  type AccessType,
  type Country,
  type ServiceType,
} from './catalog';
import { parisLocalToEpochSeconds } from './calendar';
import { JsonWriter } from './json-writer';
import { createRandom, hashInts, type Random } from './random';
import type { DemoRoom } from './rooms';

export interface LegShape {
  accessType: AccessType;
  /** Seconds after the conference start. */
  joinOffset: number;
  seconds: number;
  chargeCents: number;
}

export interface ConferenceShape {
  serviceType: ServiceType;
  legs: LegShape[];
}

export interface ConferenceTotals {
  participantCount: number;
  lengthSeconds: number;
  accumulatedSeconds: number;
  chargeCents: number;
}

// Separate streams so that, e.g., adding a name never shifts a duration.
const STREAM_START = 0x57a7;
const STREAM_BILLING = 0xb111;
const STREAM_PEOPLE = 0xdec0;

export function chargeFor(seconds: number, accessType: AccessType): number {
  return Math.round((seconds * RATE_CENTS_PER_MINUTE[accessType]) / 60);
}

export function shapeTotals(shape: ConferenceShape): ConferenceTotals {
  let lengthSeconds = 0;
  let accumulatedSeconds = 0;
  let chargeCents = 0;
  for (const leg of shape.legs) {
    lengthSeconds = Math.max(lengthSeconds, leg.joinOffset + leg.seconds);
    accumulatedSeconds += leg.seconds;
    chargeCents += leg.chargeCents;
  }
  return { participantCount: shape.legs.length, lengthSeconds, accumulatedSeconds, chargeCents };
}

const PLANNED_MINUTES: readonly (readonly [readonly [number, number], number])[] = [
  [[5, 15], 15],
  [[15, 30], 25],
  [[30, 60], 35],
  [[60, 90], 15],
  [[90, 150], 8],
  [[150, 240], 2],
];

/** The host's time on the bridge: mostly 15 minutes to an hour. */
function plannedSeconds(random: Random): number {
  const [min, max] = random.weighted(PLANNED_MINUTES);
  return random.int(min, max - 1) * 60 + random.int(0, 59);
}

export function generatedShape(seed: number): ConferenceShape {
  const random = createRandom(seed);
  const serviceType = random.weighted(SERVICE_TYPE_WEIGHTS);
  const participantCount = random.weighted(PARTICIPANT_COUNT_WEIGHTS);
  const planned = plannedSeconds(random);
  const hostAccess = serviceType === 'Dial-Out' ? 'toll' : random.weighted(ACCESS_WEIGHTS[serviceType]);
  const legs: LegShape[] = [leg(hostAccess, 0, planned)];
  for (let i = 1; i < participantCount; i++) {
    const accessType = random.weighted(ACCESS_WEIGHTS[serviceType]);
    const joinOffset = random.chance(0.85) ? random.int(0, Math.min(300, Math.floor(planned / 4))) : random.int(0, Math.floor(planned * 0.6));
    const leaveOffset = random.chance(0.7)
      ? planned + random.int(-90, 30) // stays to the end
      : joinOffset + Math.floor((planned - joinOffset) * (0.2 + 0.7 * random.next()));
    legs.push(leg(accessType, joinOffset, Math.max(30, leaveOffset - joinOffset)));
  }
  return { serviceType, legs };
}

function leg(accessType: AccessType, joinOffset: number, seconds: number): LegShape {
  return { accessType, joinOffset, seconds, chargeCents: chargeFor(seconds, accessType) };
}

const START_HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [8, 6], [9, 12], [10, 14], [11, 12], [12, 5], [13, 6], [14, 13], [15, 13], [16, 11], [17, 7], [18, 3],
];

/** A weekday of the month, between 08:00 and 19:00 Paris time, as UTC epoch seconds. */
export function generatedStart(seed: number, year: number, month: number, weekdays: readonly number[]): number {
  const random = createRandom(hashInts(seed, STREAM_START));
  const day = random.pick(weekdays);
  const secondsOfDay = random.weighted(START_HOUR_WEIGHTS) * 3600 + random.int(0, 3599);
  return parisLocalToEpochSeconds(year, month, day, secondsOfDay);
}

/** About 30% Unallocated; rooms with an auto billing code mostly get it. */
export function generatedBillingCode(seed: number, room: DemoRoom): string | null {
  const random = createRandom(hashInts(seed, STREAM_BILLING));
  if (room.autoBillingCode !== null && random.chance(0.8)) return room.autoBillingCode;
  return random.chance(0.3) ? null : random.pick(CONFERENCE_BILLING_CODES);
}

export interface ConferenceFacts {
  id: string;
  roomNumber: string;
  startEpoch: number;
  billingCode: string | null;
  shape: ConferenceShape;
  /** Seeds names and phones. */
  seed: number;
}

/**
 * Writes one conference object as JSON: the only place where a conference is
 * spelled out (materializeConference parses this), so pages and PUT answers
 * can never disagree.
 */
export function writeConference(out: JsonWriter, facts: ConferenceFacts): void {
  const totals = shapeTotals(facts.shape);
  out.raw('{"id":').string(facts.id);
  out.raw(',"roomNumber":').string(facts.roomNumber);
  out.raw(',"start":').instant(facts.startEpoch);
  out.raw(',"serviceType":').string(facts.shape.serviceType);
  out.raw(',"billingCode":').string(facts.billingCode);
  out.raw(',"participantCount":').int(totals.participantCount);
  out.raw(',"lengthSeconds":').int(totals.lengthSeconds);
  out.raw(',"accumulatedSeconds":').int(totals.accumulatedSeconds);
  out.raw(',"chargeCents":').int(totals.chargeCents);
  out.raw(',"participants":[');
  const people = createRandom(hashInts(facts.seed, STREAM_PEOPLE));
  const participantIdBase = 'p' + facts.id.slice(1) + '-';
  facts.shape.legs.forEach((leg, index) => {
    if (index > 0) out.byte(COMMA);
    const country = countryFor(leg.accessType, people);
    const joinedEpoch = facts.startEpoch + leg.joinOffset;
    out.raw('{"id":"').stringContent(participantIdBase).twoDigits(index + 1).byte(QUOTE);
    out.raw(',"name":');
    writeName(out, country, people);
    out.raw(',"phone":');
    if (leg.accessType === 'web' || people.chance(0.12)) out.raw('null');
    else writeMaskedPhone(out, country, people);
    out.raw(',"accessType":').string(leg.accessType);
    out.raw(',"joinedAt":').instant(joinedEpoch);
    out.raw(',"leftAt":').instant(joinedEpoch + leg.seconds);
    out.raw(',"seconds":').int(leg.seconds);
    out.raw(',"chargeCents":').int(leg.chargeCents);
    out.byte(CLOSE_BRACE);
  });
  out.raw(']}');
}

export function materializeConference(facts: ConferenceFacts): ApiConference {
  const out = new JsonWriter(4096);
  writeConference(out, facts);
  return JSON.parse(out.toString()) as ApiConference;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SPACE = 0x20;
const CLOSE_BRACE = 0x7d;

/** About 15% of participants left no name. */
function writeName(out: JsonWriter, country: Country, random: Random): void {
  if (random.chance(0.15)) {
    out.raw('null');
    return;
  }
  out.byte(QUOTE).stringContent(random.pick(country.firstNames)).byte(SPACE).stringContent(random.pick(country.lastNames)).byte(QUOTE);
}

function countryFor(accessType: AccessType, random: Random): Country {
  if (accessType === 'international') return random.pick(FOREIGN_COUNTRIES);
  if (accessType === 'dial-out') return random.chance(0.6) ? COUNTRIES.fr : random.pick(FOREIGN_COUNTRIES);
  return random.chance(0.8) ? COUNTRIES.fr : COUNTRIES.be;
}

/** The provider masks the middle digits: '+33 1 ** ** 12 34'. */
function writeMaskedPhone(out: JsonWriter, country: Country, random: Random): void {
  const template = country.phoneTemplate;
  let firstDigit = true;
  out.byte(QUOTE);
  for (let i = 0; i < template.length; i++) {
    const code = template.charCodeAt(i);
    if (code !== 0x23 /* # */) {
      out.byte(code);
      continue;
    }
    out.byte(0x30 + random.int(firstDigit ? 1 : 0, 9)); // area codes never start with 0 here
    firstDigit = false;
  }
  out.byte(QUOTE);
}
