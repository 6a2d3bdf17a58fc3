// The provider may add fields anywhere (loose zod objects keep them). We keep
// what we do not know as a JSON object in extra_json so nothing is lost, and
// pay no JSON cost for the usual case of no extras.
import { conferenceSchema, participantSchema, roomSchema } from '../provider/api-schemas';

export const KNOWN_ROOM_FIELDS: ReadonlySet<string> = new Set(Object.keys(roomSchema.shape));
export const KNOWN_CONFERENCE_FIELDS: ReadonlySet<string> = new Set(Object.keys(conferenceSchema.shape));
export const KNOWN_PARTICIPANT_FIELDS: ReadonlySet<string> = new Set(Object.keys(participantSchema.shape));

/**
 * JSON text of the fields of `value` not in `known`, or null when there are none.
 * Every known field is required by the API schemas, so a value with exactly as
 * many keys as `known` has no extras: counting keys is ~3x cheaper than looking
 * each one up, and this runs for every one of a month's 350k legs.
 */
export function extraFieldsJson(value: object, known: ReadonlySet<string>): string | null {
  let keyCount = 0;
  for (const _key in value) keyCount++;
  if (keyCount === known.size) return null;

  let extra: Record<string, unknown> | undefined;
  for (const key in value) {
    if (known.has(key)) continue;
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    (extra ??= {})[key] = field;
  }
  return extra === undefined ? null : JSON.stringify(extra);
}
