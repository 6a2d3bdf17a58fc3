// A page of the provider's conferences as the cache's staging rows (FlatPage):
// values in the column order of the cache's STAGED_CONFERENCE_COLUMNS and
// STAGED_PARTICIPANT_COLUMNS, conference rows numbered from `firstRow` within
// the period being staged. Runs where the page is read (page-reader.ts: the
// month's writer thread in the app), just before its rows are staged.
import { BatchBuilder, PARTICIPANT_COLUMN_COUNT, STAGED_CONFERENCE_COLUMN_COUNT, type FlatPage } from '../cache';
import type { ApiConference } from '../provider/api-schemas';
import { extraFieldsJson, KNOWN_CONFERENCE_FIELDS, KNOWN_PARTICIPANT_FIELDS } from './extra-fields';

export function flattenPage(conferences: readonly ApiConference[], firstRow: number): FlatPage {
  const conferenceRows = new BatchBuilder(STAGED_CONFERENCE_COLUMN_COUNT);
  const participantRows = new BatchBuilder(PARTICIPANT_COLUMN_COUNT);
  let row = firstRow;
  let participants = 0;
  for (const c of conferences) {
    conferenceRows.row.push(
      row,
      c.id,
      c.roomNumber,
      c.start,
      c.serviceType,
      c.billingCode,
      c.participantCount,
      c.lengthSeconds,
      c.accumulatedSeconds,
      c.chargeCents,
      extraFieldsJson(c, KNOWN_CONFERENCE_FIELDS),
    );
    conferenceRows.endRow();
    for (const p of c.participants) {
      participantRows.row.push(row, p.id, p.name, p.phone, p.accessType, p.joinedAt, p.leftAt, p.seconds, p.chargeCents, extraFieldsJson(p, KNOWN_PARTICIPANT_FIELDS));
      participantRows.endRow();
      participants += 1;
    }
    row += 1;
  }
  return { conferenceBatches: conferenceRows.finish(), conferences: conferences.length, participantBatches: participantRows.finish(), participants };
}
