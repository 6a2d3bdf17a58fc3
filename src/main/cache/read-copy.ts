// Reading a file that must not change and must not gain companions: a
// restore candidate, a backup, a file refused as newer. SQLite creates -wal
// and -shm beside a WAL-mode file even to read it, so such a file is read
// from a private copy; a rollback-mode file (every backup) is read in place,
// read-only, which creates nothing. The app browses a cache it may not write
// (a read-only file or folder, another version's) through such a copy too.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CacheError } from './errors';
import { readFileHeader } from './file-header';

/** Runs `read` on a connection to `file` (or to a private copy of it, with its -wal) that leaves `file` and its folder as they were. */
export function withUntouchedFile<T>(file: string, read: (db: Database.Database) => T): T {
  const header = readFileHeader(file);
  if (header === null) throw new CacheError('cannot_open', `The file ${file} is empty or does not exist.`);
  const wal = `${file}-wal`;
  if (!header.wal && !existsSync(wal)) return withConnection(file, true, read);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-read-copy-'));
  try {
    const copy = path.join(dir, 'copy.sqlite');
    copyFileSync(file, copy);
    if (existsSync(wal)) copyFileSync(wal, `${copy}-wal`);
    // The copy is ours: a normal connection may replay its WAL.
    return withConnection(copy, false, read);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PrivateCopy {
  /** The copy (with the original's -wal beside it, if it had one), in a temporary folder of its own. */
  file: string;
  /** Removes the copy and its folder; close every connection to it first. */
  remove: () => void;
}

/**
 * Copies `file` and its -wal into a temporary folder of its own, without
 * blocking the thread: a connection to the copy may create -shm and -wal
 * there, never beside `file`.
 */
export async function privateCopy(file: string): Promise<PrivateCopy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-read-copy-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const copy = path.join(dir, path.basename(file));
  try {
    await copyFile(file, copy);
    if (existsSync(`${file}-wal`)) await copyFile(`${file}-wal`, `${copy}-wal`);
  } catch (error) {
    remove();
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot read ${file}: ${reason}`, { cause: error });
  }
  return { file: copy, remove };
}

function withConnection<T>(file: string, readonly: boolean, read: (db: Database.Database) => T): T {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('cannot_open', `Cannot open ${file}: ${reason}`, { cause: error });
  }
  try {
    return read(db);
  } finally {
    db.close();
  }
}
