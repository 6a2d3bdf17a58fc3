// May 2009 as printed in the seed document's ACCOUNT SUMMARY: three active
// rooms with exact accumulated time and charge. Participants are generated
// plausibly, then their seconds and charges are apportioned so every sum is
// exact and every value stays positive and consistent.
import { CONFERENCE_BILLING_CODES, RATE_CENTS_PER_MINUTE, type AccessType } from './catalog';
import { parisLocalToEpochSeconds } from './calendar';
import type { LegShape } from './conference-shape';
import { FixturePeriod, type FixtureConference } from './period-data';
import { apportion, createRandom, hashInts, hashString, type Random } from './random';
import type { DemoRoom } from './rooms';

export const SEED_PERIOD = '2009-05';
const SEED_YEAR = 2009;
const SEED_MONTH = 5;

interface SeedRoomPlan {
  /** Index in the room directory (the seed rooms come first). */
  roomIndex: number;
  accumulatedSeconds: number;
  chargeCents: number;
  /** Paris local day of each conference, in order. */
  days: readonly number[];
  participants: readonly [min: number, max: number];
}

// 8 May 2009 (a Friday) is a French public holiday: nobody met that day.
const SEED_PLANS: readonly SeedRoomPlan[] = [
  { roomIndex: 0, accumulatedSeconds: 60, chargeCents: 9, days: [12], participants: [1, 1] }, // Leo: a one-minute test call
  {
    roomIndex: 1,
    accumulatedSeconds: 85_816,
    chargeCents: 11_659,
    days: [6, 6, 7, 7, 11, 11, 12, 12, 12, 13, 13, 14, 14, 15, 15, 18, 18, 19, 19],
    participants: [2, 6],
  },
  { roomIndex: 2, accumulatedSeconds: 10_732, chargeCents: 1_539, days: [5, 13, 18], participants: [3, 6] },
];

/** Local start windows (seconds of day) for the 1st, 2nd, 3rd conference of a day. */
const DAY_SLOTS: readonly (readonly [number, number])[] = [
  [8.5 * 3600, 11 * 3600],
  [13.5 * 3600, 15.5 * 3600],
  [16.5 * 3600, 17.5 * 3600],
];

interface DraftLeg {
  accessType: AccessType;
  joinOffset: number;
  seconds: number;
}

interface DraftConference {
  startEpoch: number;
  billingCode: string | null;
  seed: number;
  legs: DraftLeg[];
}

export function buildSeedPeriod(rooms: readonly DemoRoom[]): FixturePeriod {
  return new FixturePeriod(rooms, SEED_PLANS.flatMap(seedRoomConferences));
}

function seedRoomConferences(plan: SeedRoomPlan): FixtureConference[] {
  const random = createRandom(hashInts(hashString('seed-2009-05'), plan.roomIndex));
  const drafts = plan.days.map((day, index) => {
    const slot = DAY_SLOTS[plan.days.slice(0, index).filter((d) => d === day).length] ?? DAY_SLOTS[0]!;
    const secondsOfDay = random.int(slot[0], slot[1]);
    return draftConference(random, parisLocalToEpochSeconds(SEED_YEAR, SEED_MONTH, day, secondsOfDay), plan, index);
  });
  const legs = drafts.flatMap((draft) => draft.legs);
  // Rescale time so the room's accumulated seconds are exact…
  const rawTotal = legs.reduce((sum, leg) => sum + leg.seconds, 0);
  const scale = plan.accumulatedSeconds / rawTotal;
  const seconds = apportion(plan.accumulatedSeconds, legs.map((leg) => leg.seconds));
  // …then share the charge in proportion to each leg's rated cost.
  const charges = apportion(plan.chargeCents, legs.map((leg, i) => (seconds[i] ?? 0) * RATE_CENTS_PER_MINUTE[leg.accessType]));
  let legIndex = 0;
  return drafts.map((draft) => ({
    roomIndex: plan.roomIndex,
    startEpoch: draft.startEpoch,
    billingCode: draft.billingCode,
    seed: draft.seed,
    shape: {
      serviceType: 'Reservationless',
      legs: draft.legs.map((leg): LegShape => {
        const i = legIndex++;
        return {
          accessType: leg.accessType,
          joinOffset: Math.round(leg.joinOffset * scale),
          seconds: seconds[i] ?? 0,
          chargeCents: charges[i] ?? 0,
        };
      }),
    },
  }));
}

function draftConference(random: Random, startEpoch: number, plan: SeedRoomPlan, index: number): DraftConference {
  const participantCount = random.int(plan.participants[0], plan.participants[1]);
  const planned = random.int(35, 80) * 60;
  const legs: DraftLeg[] = [{ accessType: 'toll', joinOffset: 0, seconds: planned }]; // the host dials the local number
  for (let i = 1; i < participantCount; i++) {
    const joinOffset = random.int(0, 240);
    const leaveOffset = random.chance(0.75) ? planned + random.int(-60, 20) : joinOffset + Math.floor((planned - joinOffset) * (0.3 + 0.6 * random.next()));
    legs.push({ accessType: random.chance(0.8) ? 'toll' : 'web', joinOffset, seconds: Math.max(60, leaveOffset - joinOffset) });
  }
  return {
    startEpoch,
    billingCode: random.chance(0.3) ? null : random.pick(CONFERENCE_BILLING_CODES),
    seed: hashInts(hashString('seed-2009-05-people'), plan.roomIndex, index),
    legs,
  };
}
