// Facts about the file itself (migration 002's `meta` table): which version
// of the app last wrote it, so a newer file can be refused by name.
import type Database from 'better-sqlite3';
import type { WritableDB } from '../db';
import { prepare } from '../statements';

const WRITER_KEY = 'last_written_by';
const READ_META = `SELECT value FROM meta WHERE key = ?`;
const WRITE_META = `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

/** Records `appVersion` as the last to write the file (a write only when it changed). */
export function noteWriterVersion(db: WritableDB, appVersion: string): void {
  if (readWriterVersion(db) === appVersion) return;
  prepare<[string, string]>(db, WRITE_META).run(WRITER_KEY, appVersion);
}

/** The app version that last wrote the file; null when unknown (older schema, or a file from elsewhere). */
export function readWriterVersion(db: Database.Database): string | null {
  try {
    // A raw connection too (a file not opened as a cache): not through the memo's types.
    const row = db.prepare<[string], { value: string }>(READ_META).get(WRITER_KEY);
    return row?.value ?? null;
  } catch {
    return null;
  }
}
