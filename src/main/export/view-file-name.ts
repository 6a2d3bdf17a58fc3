// The file name a view's Download / Save as PDF suggests, with what the cache
// knows of the view: a conference is named by its start (account time) and
// room, never its internal id.
import type { Presentation, ViewRef } from '../../shared/bridge';
import { getAccount, getConference, roomConferences, type ReadableDB, type ViewScope } from '../cache';
import { WallClock } from './excel-values';
import { defaultExportFileName, type ConferenceNaming } from './file-name';

const MINUTE_MS = 60_000;

export function viewFileName(db: ReadableDB, scope: ViewScope, view: ViewRef, presentation: Presentation, extension: 'xlsx' | 'pdf'): string {
  const name = defaultExportFileName(view, scope.accountNumber, presentation.language, view.kind === 'conference' ? conferenceNaming(db, scope, view) : null);
  return extension === 'xlsx' ? name : name.replace(/\.xlsx$/, '.pdf');
}

function conferenceNaming(db: ReadableDB, scope: ViewScope, view: Extract<ViewRef, { kind: 'conference' }>): ConferenceNaming | null {
  const conference = getConference(db, scope, view.period, view.conferenceId);
  if (conference === null) return null;
  const clock = new WallClock(getAccount(db, scope)?.timeZone ?? 'UTC');
  const minuteOf = (start: string) => Math.floor((clock.localMs(start) ?? 0) / MINUTE_MS);
  const minute = minuteOf(conference.start);
  // The room's conferences starting that same minute, in start order (then id): the first keeps the plain name.
  const sameMinute = roomConferences(db, scope, view.period, conference.roomNumber)
    .filter((other) => minuteOf(other.start) === minute)
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return {
    localStartMs: minute * MINUTE_MS,
    roomNumber: conference.roomNumber,
    sameMinuteIndex: Math.max(0, sameMinute.findIndex((other) => other.id === conference.id)),
  };
}
