// Keeping the search index (conference_search, migration 004) current. A
// month's documents are (re)built after its swap, in a transaction of their
// own, so the staging and the swap pay nothing for them but deleting the
// replaced rows' documents; a month without its marker (after an upgrade, a
// crash between swap and index, data written directly) is indexed by the
// first search that finds it missing. A billing-code change rewrites its
// conference's document (the code indexed is the effective one).
import { openCache, type ReadableDB, type WritableDB } from '../db';
import { prepare } from '../statements';
import { EFFECTIVE_CODE, CODE_CHANGES_JOIN } from './conference-rows';

/** A phone's digits alone, so "0123456789" finds "01 23 45 67 89". */
const digitsOf = (column: string) =>
  `replace(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '+', ''), '-', ''), '.', ''), '(', ''), ')', '')`;

/** Text and its spaceless spelling: a room or code typed with or without its spaces. */
const withCompact = (expression: string) => `coalesce(${expression}, '') || ' ' || replace(coalesce(${expression}, ''), ' ', '')`;

/** The documents of the conferences `c` matched by `where` (named parameters). */
const documentsSql = (where: string) => `INSERT INTO conference_search (rowid, cardholder, room, code, people, service)
  SELECT c.row, coalesce(r.cardholder, ''), ${withCompact('c.room_number')}, ${withCompact(EFFECTIVE_CODE)},
    coalesce((SELECT group_concat(coalesce(p.name, '') || ' ' || coalesce(p.phone, '') || ' ' || ${digitsOf('p.phone')}, ' ')
      FROM participants p WHERE p.conference_row = c.row), ''),
    c.service_type
  FROM conferences c
  LEFT JOIN rooms r ON r.account_id = c.account_id AND r.period = c.period AND r.room_number = c.room_number
  ${CODE_CHANGES_JOIN}
  WHERE ${where}`;

const DELETE_PERIOD_DOCUMENTS = `DELETE FROM conference_search WHERE rowid IN
  (SELECT row FROM conferences WHERE account_id = @accountId AND period = @period)`;
const DELETE_ROOM_DOCUMENTS = `DELETE FROM conference_search WHERE rowid IN
  (SELECT row FROM conferences WHERE account_id = @accountId AND period = @period AND room_number = @room)`;
const INSERT_PERIOD_DOCUMENTS = documentsSql('c.account_id = @accountId AND c.period = @period');
const FORGET_PERIOD = `DELETE FROM conference_search_periods WHERE account_id = @accountId AND period = @period`;
const MARK_PERIOD = `INSERT OR REPLACE INTO conference_search_periods (account_id, period, indexed_at) VALUES (@accountId, @period, @at)`;
const MISSING_PERIODS = `SELECT p.account_id AS accountId, p.period FROM periods p
  WHERE NOT EXISTS (SELECT 1 FROM conference_search_periods s WHERE s.account_id = p.account_id AND s.period = p.period)
    AND EXISTS (SELECT 1 FROM conferences c WHERE c.account_id = p.account_id AND c.period = p.period)
  ORDER BY p.account_id, p.period`;
const CONFERENCE_ROW = `SELECT c.row FROM conferences c
  JOIN conference_search_periods s ON s.account_id = c.account_id AND s.period = c.period
  WHERE c.account_id = @accountId AND c.period = @period AND c.conference_id = @conferenceId`;
const DELETE_DOCUMENT = `DELETE FROM conference_search WHERE rowid = ?`;
const INSERT_DOCUMENT = documentsSql('c.row = @row');

export interface PeriodKey {
  accountId: number;
  period: string;
}

/**
 * Inside a swap, before the slice's rows go: their documents go too and the
 * month is no longer indexed (a room's slice leaves the other rooms' documents).
 */
export function forgetSearchDocuments(db: WritableDB, key: PeriodKey, room: string | null): void {
  if (room === null) prepare<[PeriodKey]>(db, DELETE_PERIOD_DOCUMENTS).run(key);
  else prepare<[PeriodKey & { room: string }]>(db, DELETE_ROOM_DOCUMENTS).run({ ...key, room });
  prepare<[PeriodKey]>(db, FORGET_PERIOD).run(key);
}

/** (Re)builds a month's documents and marks it indexed, in one transaction. */
export function indexPeriod(db: WritableDB, key: PeriodKey, at = new Date().toISOString()): void {
  db.transaction(() => {
    const params = { accountId: key.accountId, period: key.period };
    prepare<[PeriodKey]>(db, DELETE_PERIOD_DOCUMENTS).run(params);
    prepare<[PeriodKey]>(db, INSERT_PERIOD_DOCUMENTS).run(params);
    prepare<[PeriodKey & { at: string }]>(db, MARK_PERIOD).run({ ...params, at });
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
  const found = prepare<[PeriodKey & { conferenceId: string }], { row: number }>(db, CONFERENCE_ROW).get(key);
  if (found === undefined) return;
  prepare<[number]>(db, DELETE_DOCUMENT).run(found.row);
  prepare<[{ row: number }]>(db, INSERT_DOCUMENT).run({ row: found.row });
}
