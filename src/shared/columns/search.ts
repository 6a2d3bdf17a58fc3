// The search's conference list (src/shared/search-contract.ts): a conference
// list across rooms and months, each conference with its own month's
// cardholder; in the order main found them (newest first).
import type { SearchHit } from '../search-contract';
import type { ColumnDef } from './column';
import { conferenceColumns } from './conferences';

export function searchColumns(): ColumnDef<SearchHit>[] {
  const [date, time, ...rest] = conferenceColumns() as ColumnDef<SearchHit>[];
  return [
    date!,
    time!,
    { id: 'room', labelKey: 'col.roomNumber', kind: 'room', value: (hit) => hit.roomNumber },
    { id: 'cardholder', labelKey: 'col.cardholder', kind: 'text', value: (hit) => hit.cardholder },
    ...rest,
  ];
}

export const SEARCH_COLUMNS: readonly ColumnDef<SearchHit>[] = searchColumns();
