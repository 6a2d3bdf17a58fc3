// Pages flattened for the writer thread: rows in batches the batch statement
// binds as they are, numbered from the stage's next row.
import { expect, it } from 'vitest';
import { BATCH_ROWS, flatRoomNumber, PARTICIPANT_COLUMN_COUNT, STAGED_CONFERENCE_COLUMN_COUNT } from '../../../src/main/cache';
import { flattenPage } from '../../../src/main/sync/flatten-page';
import { makeMonth } from '../cache/fixtures';

it('cuts a page into full batches plus a shorter last one, rows numbered from the given one', () => {
  const rooms = ['100', '200', '300', '400', '500'];
  const conferences = makeMonth('2026-11', 2 * BATCH_ROWS + 44, rooms);
  const page = flattenPage(conferences, 1001);
  const legs = conferences.reduce((sum, c) => sum + c.participants.length, 0);
  expect(page.conferences).toBe(conferences.length);
  expect(page.participants).toBe(legs);
  expect(page.conferenceBatches.map((batch) => batch.length / STAGED_CONFERENCE_COLUMN_COUNT)).toEqual([BATCH_ROWS, BATCH_ROWS, 44]);
  const legBatches = page.participantBatches.map((batch) => batch.length / PARTICIPANT_COLUMN_COUNT);
  expect(legBatches.slice(0, -1).every((rows) => rows === BATCH_ROWS)).toBe(true);
  expect(legBatches.reduce((a, b) => a + b, 0)).toBe(legs);
  // Every conference's room is found where the scope check looks for it.
  expect(conferences.map((_, index) => flatRoomNumber(page, index))).toEqual(conferences.map((c) => c.roomNumber));
  // Rows follow on from 1001, and each leg points to its conference's row.
  const conferenceRows = page.conferenceBatches.flatMap((batch) => batch.filter((_, i) => i % STAGED_CONFERENCE_COLUMN_COUNT === 0));
  expect(conferenceRows).toEqual(conferences.map((_, index) => 1001 + index));
  const legRows = page.participantBatches.flatMap((batch) => batch.filter((_, i) => i % PARTICIPANT_COLUMN_COUNT === 0));
  expect(legRows).toEqual(conferences.flatMap((c, index) => c.participants.map(() => 1001 + index)));
});
