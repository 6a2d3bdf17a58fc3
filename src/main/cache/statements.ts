// Prepared statements, memoized per connection. A query function calls
// prepare(db, SQL) every time it runs: the first call on a connection compiles
// the statement, later ones are a Map lookup. So the queries stay plain
// functions of (db, …) with no per-connection setup, and a connection swapped
// at run time (cache-handle.ts) simply starts a fresh memo.
//
// Only src/main/cache/** prepares SQL (an ESLint rule enforces it).
import type Database from 'better-sqlite3';
import type { ReadableDB } from './db';

const memo = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

/** The statement for `sql` on `db`, compiled on first use. Typed like better-sqlite3's own prepare. */
export function prepare<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
  db: ReadableDB,
  sql: string,
): BindParameters extends unknown[] ? Database.Statement<BindParameters, Result> : Database.Statement<[BindParameters], Result> {
  let statements = memo.get(db);
  if (statements === undefined) {
    statements = new Map();
    memo.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as never;
}
