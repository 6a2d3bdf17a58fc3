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
}
