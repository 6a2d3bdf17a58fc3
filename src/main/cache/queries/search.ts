// Searching the archive: the conferences of every cached month whose
// cardholder, room number, billing code (the effective one), participant
// names or phones, or service type match every word typed (as a prefix,
// whatever the case or accents), newest first, a page at a time. A room
// sign-in finds its room's only. The index is kept by search-index.ts.
import type { ConferenceRow } from '../../../shared/domain';
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { CONFERENCE_COLUMNS, toConferenceRow, CODE_CHANGES_JOIN, type ConferenceRecord } from './conference-rows';
import { accountIdOf } from './accounts';
import { roomClause } from './keys';
import { firstDocumentOf, lastDocumentOf } from './search-index';

export interface SearchQuery {
  text: string;
  /** Months, inclusive (YYYY-MM); null = no bound. */
  from: string | null;
  to: string | null;
  offset: number;
  limit: number;
}

export interface SearchHit extends ConferenceRow {
  period: string;
  cardholder: string | null;
}

export interface SearchPage {
  hits: SearchHit[];
  /** More hits follow this page. */
  hasMore: boolean;
}

/** Words beyond this many are ignored (each one narrows the search further). */
const MAX_WORDS = 12;

type SearchParams = { match: string; first: number; last: number; limit: number; offset: number; roomNumber?: string };

/**
 * FTS5 drives (CROSS JOIN keeps it the outer loop) and hands its documents in
 * rowid order, which is date order (search-index.ts): newest first with no
 * sort, the account and the months as a rowid range, and the page's LIMIT
 * stops the walk. A room sign-in's room is in the match too, and checked
 * exactly on the conference.
 */
export const searchSql = (scope: ViewScope) => `SELECT ${CONFERENCE_COLUMNS}, c.period AS period, r.cardholder AS cardholder
  FROM conference_search s
  CROSS JOIN conference_search_docs d ON d.doc = s.rowid
  CROSS JOIN conferences c ON c.row = d.row
  LEFT JOIN rooms r ON r.account_id = c.account_id AND r.period = c.period AND r.room_number = c.room_number
  ${CODE_CHANGES_JOIN}
  WHERE conference_search MATCH @match AND s.rowid BETWEEN @first AND @last${roomClause(scope, 'c.room_number')}
  ORDER BY s.rowid DESC
  LIMIT @limit OFFSET @offset`;

/**
 * The FTS5 query for what the user typed: every word (letters and digits, as
 * the index's tokenizer splits them) as a quoted prefix, all required. A run
 * of numbers ("33 270 3", a room number as the app shows it) may also be one
 * number typed with spaces: it matches either way. Null when nothing
 * searchable was typed.
 */
export function searchMatchExpression(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const groups: string[][] = [];
  for (const word of words) {
    const last = groups.at(-1);
    if (last !== undefined && isNumber(word) && isNumber(last.at(-1)!)) last.push(word);
    else groups.push([word]);
  }
  return groups.map(groupExpression).join(' AND ');
}

const isNumber = (word: string) => /^\p{N}+$/u.test(word);
const prefix = (word: string) => `"${word}"*`;

function groupExpression(group: readonly string[]): string {
  if (group.length === 1) return prefix(group[0]!);
  return `((${group.map(prefix).join(' AND ')}) OR ${prefix(group.join(''))})`;
}

/** One page of the conferences matching `query.text`, newest first (months newest first, then start times). */
export function searchConferences(db: ReadableDB, scope: ViewScope, query: SearchQuery): SearchPage {
  const words = searchMatchExpression(query.text);
  const accountId = accountIdOf(db, scope);
  if (words === null || accountId === null) return { hits: [], hasMore: false };
  // The room column holds the number with and without its spaces (search-index.ts withCompact).
  const room = scope.roomNumber === null ? '' : ` AND room : "${scope.roomNumber.replace(/\s+/g, '').replaceAll('"', '""')}"`;
  const params: SearchParams = {
    match: `(${words})${room}`,
    first: firstDocumentOf(accountId, query.from ?? '0000-01'),
    last: lastDocumentOf(accountId, query.to ?? '5000-12'),
    limit: query.limit + 1,
    offset: query.offset,
    ...(scope.roomNumber === null ? {} : { roomNumber: scope.roomNumber }),
  };
  const records = prepare<[SearchParams], ConferenceRecord & { period: string; cardholder: string | null }>(db, searchSql(scope)).all(params);
  const hits = records.slice(0, query.limit).map((record) => ({ ...toConferenceRow(record), period: record.period, cardholder: record.cardholder }));
  return { hits, hasMore: records.length > query.limit };
}
