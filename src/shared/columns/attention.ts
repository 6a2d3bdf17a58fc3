// The lists of "what deserves attention", as the panel downloads them: long
// conferences, long participant legs, rising rooms and unused rooms.
import type { Attention, AttentionList } from '../reports';
import type { ColumnDef } from './column';

type Item<L extends AttentionList> = Attention[L][number];

export const ATTENTION_COLUMNS: { readonly [L in AttentionList]: readonly ColumnDef<Item<L>>[] } = {
  longConferences: [
    { id: 'date', labelKey: 'col.date', kind: 'date', value: (c) => c.start },
    { id: 'time', labelKey: 'col.time', kind: 'time', value: (c) => c.start, offsetInHeader: true },
    { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (c) => c.roomNumber },
    { id: 'length', labelKey: 'col.length', kind: 'duration', value: (c) => c.lengthSeconds },
    { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (c) => c.chargeCents, total: { of: 'sum' } },
  ],
  longLegs: [
    { id: 'date', labelKey: 'col.date', kind: 'date', value: (l) => l.joinedAt },
    { id: 'joined', labelKey: 'col.joined', kind: 'time', value: (l) => l.joinedAt, offsetInHeader: true },
    { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (l) => l.roomNumber },
    { id: 'name', labelKey: 'col.name', kind: 'text', value: (l) => l.name },
    { id: 'phone', labelKey: 'col.phone', kind: 'phone', value: (l) => l.phone },
    { id: 'duration', labelKey: 'col.duration', kind: 'duration', value: (l) => l.seconds },
  ],
  risingRooms: [
    { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (r) => r.roomNumber },
    { id: 'cardholder', labelKey: 'col.cardholder', kind: 'text', value: (r) => r.cardholder, placeholderKey: 'summary.noCardholder' },
    { id: 'charge', labelKey: 'col.charge', kind: 'money', value: (r) => r.chargeCents, total: { of: 'sum' } },
    { id: 'average', labelKey: 'attention.average', kind: 'money', value: (r) => r.averageCents, total: { of: 'sum' } },
  ],
  idleRooms: [
    { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (r) => r.roomNumber },
    { id: 'cardholder', labelKey: 'col.cardholder', kind: 'text', value: (r) => r.cardholder, placeholderKey: 'summary.noCardholder' },
    { id: 'months', labelKey: 'attention.monthsUnused', kind: 'count', value: (r) => r.monthsUnused },
    { id: 'lastUsed', labelKey: 'attention.lastUsed', kind: 'text', value: (r) => r.lastUsed, placeholderKey: 'attention.neverUsed' },
  ],
};
