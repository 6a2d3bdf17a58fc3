// Keeping the search index (conference_search, migrations 006 and 008) current. A
// month's documents are (re)built after its swap, in a transaction of their
// own, so the staging and the swap pay nothing for them but deleting the
// replaced rows' documents; a sync leaves that to the archive thread, which
// also indexes any other month without its marker (after an upgrade, a crash
// between swap and index, data written directly). A billing-code change rewrites its
// conference's document (the code indexed is the effective one).
import { openCache, type ReadableDB, type WritableDB } from '../db';
import { prepare } from '../statements';
import { EFFECTIVE_CODE, CODE_CHANGES_JOIN } from './conference-rows';

/** A phone's digits alone, so "0123456789" finds "01 23 45 67 89". */
const digitsOf = (column: string) =>
  `replace(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '+', ''), '-', ''), '.', ''), '(', ''), ')', '')`;

/** Text and its spaceless spelling: a room or code typed with or without its spaces. */
const withCompact = (expression: string) => `coalesce(${expression}, '') || ' ' || replace(coalesce(${expression}, ''), ' ', '')`;

/**
 * Document numbers (migration 008): account, month and rank by start time,
 * so that FTS5's rowid order is the archive's date order. A month holds at
 * most 2^24 documents; an account id stays under 2^13 (53 bits in all).
 */
const MONTH_SPAN = 2 ** 24;
const MONTHS_PER_ACCOUNT = 2 ** 16;
const MAX_ACCOUNT_ID = 2 ** 13;

/** The first document number of an account's month (YYYY-MM). */
export function firstDocumentOf(accountId: number, period: string): number {
  if (!Number.isInteger(accountId) || accountId < 0 || accountId >= MAX_ACCOUNT_ID) throw new Error(`account id ${accountId} is out of the search index's range`);
  const [year, month] = period.split('-').map(Number) as [number, number];
  const monthIndex = Math.min(Math.max(year * 12 + month - 1, 0), MONTHS_PER_ACCOUNT - 1);
  return (accountId * MONTHS_PER_ACCOUNT + monthIndex) * MONTH_SPAN;
}

/** The last document number of an account's month. */
export function lastDocumentOf(accountId: number, period: string): number {
  return firstDocumentOf(accountId, period) + MONTH_SPAN - 1;
}

/** The documents of the conferences `c` numbered in `d` and matched by `where` (named parameters). */
const documentsSql = (where: string) => `INSERT INTO conference_search (rowid, cardholder, room, code, people, service)
  SELECT d.doc, coalesce(r.cardholder, ''), ${withCompact('c.room_number')}, ${withCompact(EFFECTIVE_CODE)},
    coalesce((SELECT group_concat(coalesce(p.name, '') || ' ' || coalesce(p.phone, '') || ' ' || ${digitsOf('p.phone')}, ' ')
      FROM participants p WHERE p.conference_row = c.row), ''),
    c.service_type
  FROM conference_search_docs d
  JOIN conferences c ON c.row = d.row
  LEFT JOIN rooms r ON r.account_id = c.account_id AND r.period = c.period AND r.room_number = c.room_number
  ${CODE_CHANGES_JOIN}
  WHERE ${where}`;

type DocumentRange = { first: number; last: number };

const DELETE_RANGE_DOCUMENTS = `DELETE FROM conference_search WHERE rowid IN (SELECT doc FROM conference_search_docs WHERE doc BETWEEN @first AND @last)`;
const DELETE_RANGE_NUMBERS = `DELETE FROM conference_search_docs WHERE doc BETWEEN @first AND @last`;
const ROOM_ROWS = `SELECT row FROM conferences WHERE account_id = @accountId AND period = @period AND room_number = @room`;
const DELETE_ROOM_DOCUMENTS = `DELETE FROM conference_search WHERE rowid IN (SELECT doc FROM conference_search_docs WHERE row IN (${ROOM_ROWS}))`;
const DELETE_ROOM_NUMBERS = `DELETE FROM conference_search_docs WHERE row IN (${ROOM_ROWS})`;
/** A month's conferences numbered from @first by (start, row); a stale number of the same row (a row number reused) gives way. */
const NUMBER_PERIOD = `INSERT OR REPLACE INTO conference_search_docs (doc, row)
  SELECT @first + row_number() OVER (ORDER BY c.start_utc, c.row) - 1, c.row
  FROM conferences c WHERE c.account_id = @accountId AND c.period = @period`;
const INSERT_RANGE_DOCUMENTS = documentsSql('d.doc BETWEEN @first AND @last');
const FORGET_PERIOD = `DELETE FROM conference_search_periods WHERE account_id = @accountId AND period = @period`;
const MARK_PERIOD = `INSERT OR REPLACE INTO conference_search_periods (account_id, period, indexed_at) VALUES (@accountId, @period, @at)`;
const MISSING_PERIODS = `SELECT p.account_id AS accountId, p.period FROM periods p
  WHERE NOT EXISTS (SELECT 1 FROM conference_search_periods s WHERE s.account_id = p.account_id AND s.period = p.period)
    AND EXISTS (SELECT 1 FROM conferences c WHERE c.account_id = p.account_id AND c.period = p.period)
  ORDER BY p.account_id, p.period`;
const CONFERENCE_DOCUMENT = `SELECT d.doc FROM conferences c
  JOIN conference_search_periods s ON s.account_id = c.account_id AND s.period = c.period
  JOIN conference_search_docs d ON d.row = c.row
  WHERE c.account_id = @accountId AND c.period = @period AND c.conference_id = @conferenceId`;
const DELETE_DOCUMENT = `DELETE FROM conference_search WHERE rowid = ?`;
const INSERT_DOCUMENT = documentsSql('d.doc = @doc');

const rangeOf = (key: PeriodKey): DocumentRange => ({ first: firstDocumentOf(key.accountId, key.period), last: lastDocumentOf(key.accountId, key.period) });

export interface PeriodKey {
  accountId: number;
  period: string;
}

/**
 * Inside a swap, before the slice's rows go: their documents go too and the
 * month is no longer indexed (a room's slice leaves the other rooms' documents).
 */
export function forgetSearchDocuments(db: WritableDB, key: PeriodKey, room: string | null): void {
  if (room === null) {
    forgetRange(db, rangeOf(key));
  } else {
    const params = { ...key, room };
    prepare<[PeriodKey & { room: string }]>(db, DELETE_ROOM_DOCUMENTS).run(params);
    prepare<[PeriodKey & { room: string }]>(db, DELETE_ROOM_NUMBERS).run(params);
  }
  prepare<[PeriodKey]>(db, FORGET_PERIOD).run(key);
}

/** A month's documents and their numbers. */
function forgetRange(db: WritableDB, range: DocumentRange): void {
  prepare<[DocumentRange]>(db, DELETE_RANGE_DOCUMENTS).run(range);
  prepare<[DocumentRange]>(db, DELETE_RANGE_NUMBERS).run(range);
}

/** (Re)builds a month's documents and marks it indexed, in one transaction. */
export function indexPeriod(db: WritableDB, key: PeriodKey, at = new Date().toISOString()): void {
  db.transaction(() => {
    const period = { accountId: key.accountId, period: key.period };
    const range = rangeOf(key);
    forgetRange(db, range);
    prepare<[PeriodKey & { first: number }]>(db, NUMBER_PERIOD).run({ ...period, first: range.first });
    prepare<[DocumentRange]>(db, INSERT_RANGE_DOCUMENTS).run(range);
    prepare<[PeriodKey & { at: string }]>(db, MARK_PERIOD).run({ ...period, at });
  }).immediate();
}

/** Indexes every month not indexed yet; how many it indexed. */
export function indexMissingPeriods(db: WritableDB): number {
  const missing = prepare<[], PeriodKey>(db, MISSING_PERIODS).all();
  for (const key of missing) indexPeriod(db, key);
  return missing.length;
}

/** indexMissingPeriods on a writable connection of its own (the archive thread's), closed after. */
export function indexMissingPeriodsOfFile(file: string): number {
  const db = openCache(file, { verify: false });
  try {
    return indexMissingPeriods(db);
  } finally {
    db.close();
  }
}

/** Whether some month still waits for its documents (a read-only archive cannot build them). */
export function hasUnindexedPeriods(db: ReadableDB): boolean {
  return prepare<[], PeriodKey>(db, `${MISSING_PERIODS} LIMIT 1`).get() !== undefined;
}

/** Rewrites one conference's document after its billing code changed (nothing if its month is not indexed yet). */
export function reindexConference(db: WritableDB, key: PeriodKey & { conferenceId: string }): void {
  const found = prepare<[PeriodKey & { conferenceId: string }], { doc: number }>(db, CONFERENCE_DOCUMENT).get(key);
  if (found === undefined) return;
  prepare<[number]>(db, DELETE_DOCUMENT).run(found.doc);
  prepare<[{ doc: number }]>(db, INSERT_DOCUMENT).run({ doc: found.doc });
}
