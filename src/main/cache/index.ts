// The cache's public surface: opening, the handle, and the query modules.
export { openCache, migrate, schemaVersion, newerVersionError, type ReadableDB, type WritableDB, type OpenCacheOptions, type MigrationOutcome } from './db';
export { cacheHandle, closeDurably, openCacheHandle, type CacheHandle } from './cache-handle';
export { openReadSnapshot, type ReadSnapshot } from './snapshot';
export { CacheError, isCacheError, type CacheErrorCode } from './errors';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export * from './types';
export { DEMO_PROVIDER, providerKey } from './provider-key';
export * from './queries/accounts';
export * from './queries/periods';
export * from './queries/summary';
export * from './queries/conferences';
export * from './queries/billing-codes';
export * from './queries/outbox';
export * from './queries/sync-runs';
export * from './queries/export-rows';
export * from './queries/reports';
export { reportCodeOverridesSql } from './queries/report-codes';
export * from './queries/attention';
export * from './queries/imports';
export * from './queries/local-codes';
export * from './queries/search';
export * from './queries/code-suggestions';
export { indexMissingPeriods, indexPeriod, hasUnindexedPeriods, type PeriodKey } from './queries/search-index';
export { stagePeriod, PeriodStage } from './staging/stage';
export { commitStagedPeriod } from './staging/commit';
export { BATCH_ROWS, BatchBuilder, STAGED_CONFERENCE_COLUMN_COUNT, PARTICIPANT_COLUMN_COUNT, flatRoomNumber, type FlatPage } from './staging/row-batches';
export { quickCheck, quickCheckFile, verifyCacheFile, damagedError, MAX_PROBLEMS, type IntegrityReport } from './integrity';
export { inspectCacheFile, isForeignDatabase, type CacheFileInspection } from './inspect';
export { privateCopy, withUntouchedFile, type PrivateCopy } from './read-copy';
export { setAside, COMPANION_SUFFIXES, type SetAsideReason, type SetAsideResult } from './set-aside';
export { checkpointWal, type CheckpointResult } from './checkpoint';
export { readFileHeader, isTruncatedDatabase, OAI_APPLICATION_ID, type FileHeader } from './file-header';
export { noteWriterVersion, readWriterVersion } from './queries/meta';
// Backups, restore and background checks start worker threads: import them
// from './archive' (main-process code only), not from here.
