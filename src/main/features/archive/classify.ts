// What stops a file from being the archive, in the terms the recovery screen
// uses, and whether this process may write it: from the file's first bytes,
// from what opening or checking it threw, and from the file system.
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveProblem, ArchiveProblemKind, ReadOnlyReason } from '../../../shared/archive-contract';
import {
  isCacheError,
  isForeignDatabase,
  isTruncatedDatabase,
  LATEST_SCHEMA_VERSION,
  newerVersionError,
  readFileHeader,
  readWriterVersion,
  withUntouchedFile,
  type CacheErrorCode,
} from '../../cache';

/** What the file's header alone says. */
export type HeaderVerdict =
  | { kind: 'problem'; problem: ArchiveProblem }
  /** No file, or an empty one: a new archive. */
  | { kind: 'new' }
  | { kind: 'cache'; schemaCurrent: boolean };

/** Reads only the header (and, for a file without the OAI id, its table names): SQLite never opens `file` in place. */
export function judgeHeader(file: string): HeaderVerdict {
  try {
    const header = readFileHeader(file);
    if (header === null) return { kind: 'new' };
    if (isTruncatedDatabase(file)) return { kind: 'problem', problem: truncated(file) };
    if (header.userVersion > LATEST_SCHEMA_VERSION) {
      const writtenBy = writerOf(file);
      return { kind: 'problem', problem: problem('newer_version', newerVersionError(file, header.userVersion, LATEST_SCHEMA_VERSION, writtenBy).message, writtenBy) };
    }
    if (isForeignDatabase(file, header)) return { kind: 'problem', problem: notOurs(file) };
    return { kind: 'cache', schemaCurrent: header.userVersion === LATEST_SCHEMA_VERSION };
  } catch (error) {
    return { kind: 'problem', problem: problemOf(file, error) };
  }
}

/** Why `file` cannot be the archive, from what opening or checking it threw. */
export function problemOf(file: string, error: unknown): ArchiveProblem {
  if (isTruncatedDatabase(file)) return truncated(file);
  const message = error instanceof Error ? error.message : String(error);
  if (isCacheError(error)) return problemFromCode(file, error.code, message, error.code === 'newer_version' ? writerOf(file) : null);
  if (sqliteCode(error)?.startsWith('SQLITE_CORRUPT') || sqliteCode(error) === 'SQLITE_NOTADB') return problem('damaged', `The archive ${file} is damaged: ${message}`);
  return problem('cannot_open', `The archive ${file} cannot be opened: ${message}`);
}

const KIND_OF_CODE: Partial<Record<CacheErrorCode, ArchiveProblemKind>> = {
  damaged: 'damaged',
  not_a_database: 'not_a_cache',
  not_an_oai_cache: 'not_a_cache',
  newer_version: 'newer_version',
};

/** A cache error's code (e.g. an inspection's) as a problem. */
export function problemFromCode(file: string, code: CacheErrorCode, message: string, writtenBy: string | null): ArchiveProblem {
  if (isTruncatedDatabase(file)) return truncated(file);
  return problem(KIND_OF_CODE[code] ?? 'cannot_open', message, code === 'newer_version' ? writtenBy : null);
}

/** Whether this process may write `file`, its companions and its folder: null when it may, else why not. */
export function accessProblem(file: string): ReadOnlyReason | null {
  if (!writable(path.dirname(file))) return 'read_only_folder';
  const present = ['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix).filter((name) => existsSync(name));
  return present.every(writable) ? null : 'read_only_file';
}

/**
 * Why a writable open (or its first write) failed, when it is because the
 * file can only be read: another process holds the write lock, or the file
 * system refuses. Null for any other failure.
 */
export function readOnlyReasonOf(file: string, error: unknown): ReadOnlyReason | null {
  const code = sqliteCode(error) ?? errnoCode(error);
  if (code === undefined) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  const refused = code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EROFS', 'EPERM'].includes(code);
  if (!refused) return null;
  return accessProblem(file) ?? (code.startsWith('SQLITE_CANTOPEN') ? null : 'read_only_file');
}

function writable(name: string): boolean {
  try {
    accessSync(name, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The SQLite code of `error` or of an error it wraps. */
function sqliteCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof Database.SqliteError) return e.code;
  }
  return undefined;
}

function errnoCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

function writerOf(file: string): string | null {
  try {
    return withUntouchedFile(file, readWriterVersion);
  } catch {
    return null;
  }
}

function problem(kind: ArchiveProblemKind, message: string, writtenBy: string | null = null): ArchiveProblem {
  return { kind, message, writtenBy };
}

function truncated(file: string): ArchiveProblem {
  return problem('truncated', `The archive ${file} is truncated: the file is shorter than SQLite's header says. It was left as it is.`);
}

function notOurs(file: string): ArchiveProblem {
  return problem('not_a_cache', `The file ${file} is a SQLite database but not an OAI Desktop archive. It was left as it is.`);
}
