// A conference's participants: who joined, from where, when, for how long and
// at what charge; and, for a whole period's Excel sheet, each leg with its
// conference.
import type { ParticipantRow } from '../domain';
import { accessTypeName } from '../i18n';
import type { ColumnDef } from './column';

export const PARTICIPANT_COLUMNS: readonly ColumnDef<ParticipantRow>[] = [
  {
    id: 'name',
    labelKey: 'col.participant',
    sheetLabelKey: 'col.name',
    kind: 'text',
    value: (p) => p.name,
    placeholderKey: 'conference.unknownName',
  },
  { id: 'phone', labelKey: 'col.phone', kind: 'phone', value: (p) => p.phone, total: { of: 'rows', messageKey: 'conference.participantCount' } },
  { id: 'access', labelKey: 'col.accessType', kind: 'accessType', value: (p) => p.accessType, sortValue: (p, t) => accessTypeName(p.accessType, t) },
  { id: 'joined', labelKey: 'col.joined', kind: 'time', value: (p) => p.joinedAt, withSeconds: true, offsetInHeader: true },
  { id: 'left', labelKey: 'col.left', kind: 'time', value: (p) => p.leftAt, withSeconds: true, offsetInHeader: true },
  { id: 'duration', labelKey: 'col.duration', kind: 'duration', value: (p) => p.seconds, total: { of: 'sum', strong: true } },
  { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (p) => p.chargeCents, total: { of: 'sum', strong: true } },
];

/** A participant leg with the conference it belongs to. */
export interface ParticipantLeg extends ParticipantRow {
  conferenceId: string;
  roomNumber: string;
  conferenceStart: string;
}

/** A period's participant legs (the account summary's Participants sheet): each conference by its date, start and room, never its internal id. */
export const PARTICIPANT_LEG_COLUMNS: readonly ColumnDef<ParticipantLeg>[] = [
  { id: 'date', labelKey: 'col.date', kind: 'date', value: (p) => p.conferenceStart },
  { id: 'start', labelKey: 'col.startTime', kind: 'time', value: (p) => p.conferenceStart },
  { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (p) => p.roomNumber },
  ...PARTICIPANT_COLUMNS,
];
