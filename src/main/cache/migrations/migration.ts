import type Database from 'better-sqlite3';

/**
 * One schema step. `version` is what `PRAGMA user_version` holds once it has
 * run; versions are consecutive from 1. `up` is DDL, or a function for steps
 * that need data work. Each step runs with its version bump in one transaction.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: Database.Database) => void);
  /**
   * The step rebuilds tables other tables reference (SQLite's procedure for a
   * schema change ALTER TABLE cannot make): it runs with foreign-key
   * enforcement off, and `foreign_key_check` must find nothing before it commits.
   */
  readonly rebuildsTables?: boolean;
}
