// Hand-written structural check of a conferences page, the hot path of a sync
// (5000 conferences / ~30 000 participants per page). zod takes 45–100 ms per
// such page and copies every object; this check takes a few ms and keeps the
// parsed JSON as it is (unknown fields included).
//
// It mirrors conferencesPageSchema in api-schemas.ts and must never be more
// lenient: when it says "no", the caller runs zod, which produces the error
// (same paths and messages as without this shortcut) or accepts the page.
// test/unit/provider/fast-check.test.ts compares both on many broken pages.
import { MAX_AMOUNT, type ConferencesPage } from './api-schemas';

const DIGITS = /^\d+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}
function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}
function isMatching(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value);
}
function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
function isCents(value: unknown): boolean {
  return Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_AMOUNT;
}
function isSeconds(value: unknown): boolean {
  return isCount(value) && (value as number) <= MAX_AMOUNT;
}

function isParticipant(value: unknown): boolean {
  return (
    isObject(value) &&
    isNonEmptyString(value.id) &&
    isNullableString(value.name) &&
    isNullableString(value.phone) &&
    typeof value.accessType === 'string' &&
    isMatching(value.joinedAt, INSTANT) &&
    isMatching(value.leftAt, INSTANT) &&
    isSeconds(value.seconds) &&
    isCents(value.chargeCents)
  );
}

function isConference(value: unknown): boolean {
  if (
    !(
      isObject(value) &&
      isNonEmptyString(value.id) &&
      isMatching(value.roomNumber, DIGITS) &&
      isMatching(value.start, INSTANT) &&
      typeof value.serviceType === 'string' &&
      isNullableString(value.billingCode) &&
      isCount(value.participantCount) &&
      isSeconds(value.lengthSeconds) &&
      isSeconds(value.accumulatedSeconds) &&
      isCents(value.chargeCents) &&
      Array.isArray(value.participants)
    )
  ) {
    return false;
  }
  for (const participant of value.participants as unknown[]) {
    if (!isParticipant(participant)) return false;
  }
  return true;
}

/** True when `json` certainly satisfies conferencesPageSchema. */
export function isWellFormedConferencesPage(json: unknown): json is ConferencesPage {
  if (!isObject(json) || !Array.isArray(json.conferences)) return false;
  if (json.nextCursor !== null && !isNonEmptyString(json.nextCursor)) return false;
  for (const conference of json.conferences as unknown[]) {
    if (!isConference(conference)) return false;
  }
  return true;
}
