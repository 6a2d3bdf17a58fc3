// OAI's own download columns, as the Conferences sheets show them: not a view
// of the app but OAI's file format, so its headers stay in English in every
// language and spreadsheets built on OAI's Download keep working.
import type { ConferenceRow } from '../../shared/domain';
import { effectiveBillingCode } from '../../shared/view-rules';
import { startTimeCell } from './offset-cells';
import { sheetCell, type SheetCellContext } from './sheet-columns';
import type { CellInput, TableColumn } from './sheet-table';

/** OAI's download columns, exactly as OAI names them, in every language. */
export const OAI_CONFERENCE_COLUMNS = [
  'DATE',
  'START TIME',
  'ROOM NUMBER',
  'CARDHOLDER',
  'PARTICIPANTS',
  'BILLING CODE',
  'CONFERENCE LENGTH',
  'ACCUMULATED TIME',
  'CHARGES',
] as const;

const KINDS: readonly TableColumn['kind'][] = ['date', 'time', 'text', 'text', 'count', 'text', 'duration', 'duration', 'money'];
const TOTALS: ReadonlySet<string> = new Set(['PARTICIPANTS', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES']);

export function oaiConferenceColumns(): TableColumn[] {
  return OAI_CONFERENCE_COLUMNS.map((header, index) => ({ header, kind: KINDS[index]!, total: TOTALS.has(header) }));
}

export function oaiConferenceCells(conference: ConferenceRow, cardholder: string | null, context: SheetCellContext): CellInput[] {
  const local = context.clock.localMs(conference.start);
  return [
    local,
    startTimeCell(local, conference.start, context.timeZone),
    conference.roomNumber,
    cardholder,
    conference.participantCount,
    sheetCell('code', effectiveBillingCode(conference), context),
    conference.lengthSeconds,
    conference.accumulatedSeconds,
    conference.chargeCents,
  ];
}
