// Is the cache file intact? SQLite's quick_check reads every page of every
// table and index (not the cross-checks of integrity_check, which cost several
// times more): ~0.7 s on the bench's large cache (210 MB). A damaged cache is
// never written to: the open path and the sync check first and refuse.
//
// Off the main thread: quickCheckFileInBackground (worker/archive-thread.ts).
import Database from 'better-sqlite3';
import type { ReadableDB } from './db';
import { CacheError } from './errors';
import { readFileHeader } from './file-header';

export interface IntegrityReport {
  ok: boolean;
  /**
   * The first problems SQLite lists (at most MAX_PROBLEMS), in its words; a
   * "Tree N" is followed by the table or index it is, when SQLite can still say.
   * Empty when ok.
   */
  problems: string[];
  /** How long the check took. */
  ms: number;
}

/** quick_check stops after this many problems: the first ones say enough. */
export const MAX_PROBLEMS = 10;

/** quick_check on an open connection; a connection that cannot even read its schema is reported damaged too. */
export function quickCheck(db: ReadableDB | Database.Database, maxProblems = MAX_PROBLEMS): IntegrityReport {
  const started = performance.now();
  let lines: string[];
  try {
    lines = checkLines(db, String(maxProblems));
  } catch (error) {
    // Busy, unreadable, out of memory: not a verdict on the file.
    if (!isCorruption(error)) throw error;
    // SQLite gave up ("database disk image is malformed"): say which tables it gives up on.
    lines = damagedTables(db, error.message);
  }
  const ok = lines.length === 1 && lines[0] === 'ok';
  return { ok, problems: ok ? [] : nameTrees(db, lines).slice(0, maxProblems), ms: performance.now() - started };
}

function checkLines(db: Database.Database, argument: string): string[] {
  return (db.pragma(`quick_check(${argument})`) as Array<{ quick_check: string }>).map((row) => row.quick_check.replace(/^\*\*\* in database \w+ \*\*\*\n/, ''));
}

/** quick_check of each table (with its indexes) alone: "table conferences: database disk image is malformed". */
function damagedTables(db: Database.Database, overall: string): string[] {
  let tables: string[];
  try {
    tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>).map((row) => row.name);
  } catch {
    return [overall];
  }
  const problems = tables.flatMap((table) => {
    try {
      const lines = checkLines(db, `'${table.replaceAll("'", "''")}'`);
      return lines.length === 1 && lines[0] === 'ok' ? [] : lines.map((line) => `table ${table}: ${line}`);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      return [`table ${table}: ${error.message}`];
    }
  });
  return problems.length > 0 ? problems : [overall];
}

/**
 * quick_check of a file, on a read-only connection of its own (which never
 * writes, not even a checkpoint of a -wal left by a crash). A missing or empty
 * file is intact (a new cache). Throws 'not_a_database' for a file that is not
 * SQLite. On the calling thread: see quickCheckFileInBackground.
 */
export function quickCheckFile(file: string): IntegrityReport {
  if (readFileHeader(file) === null) return { ok: true, problems: [], ms: 0 };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (isCorruption(error)) return { ok: false, problems: [error.message], ms: 0 };
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot open the cache file ${file} to check it: ${reason}`, { cause: error });
  }
  try {
    db.pragma('busy_timeout = 5000');
    return quickCheck(db);
  } finally {
    db.close();
  }
}

/** Throws 'damaged' (with the report) unless `file` is intact. */
export function verifyCacheFile(file: string): void {
  const report = quickCheckFile(file);
  if (!report.ok) throw damagedError(file, report);
}

export function damagedError(file: string, report: Pick<IntegrityReport, 'problems'>): CacheError {
  const [first = 'unknown problem', ...more] = report.problems;
  const others = more.length > 0 ? ` (and ${more.length} more)` : '';
  return new CacheError(
    'damaged',
    `The cache ${file} is damaged: SQLite's integrity check found "${first}"${others}. Nothing was written to it.`,
    { integrity: { problems: report.problems } },
  );
}

/** SQLite says the file itself is broken (not busy, not unreadable). */
function isCorruption(error: unknown): error is Error & { code: string } {
  return error instanceof Database.SqliteError && (error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB');
}

const TREE = /\bTree (\d+)\b/;

/** "Tree 7 page 9: …" → "Tree 7 (table participants) page 9: …", when the schema is still readable. */
function nameTrees(db: Database.Database, lines: string[]): string[] {
  let names: Map<number, string>;
  try {
    const rows = db.prepare('SELECT type, name, rootpage FROM sqlite_schema WHERE rootpage > 0').all() as Array<{ type: string; name: string; rootpage: number }>;
    names = new Map(rows.map((row) => [row.rootpage, `${row.type} ${row.name}`]));
  } catch {
    return lines;
  }
  return lines.map((line) => {
    const name = names.get(Number(TREE.exec(line)?.[1]));
    return name === undefined ? line : line.replace(TREE, (tree) => `${tree} (${name})`);
  });
}
