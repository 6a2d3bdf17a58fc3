export { openCache, migrate, schemaVersion, type CacheDatabase, type OpenCacheOptions, type MigrationOutcome } from './database';
export { CacheRepository, nowUtc, type AccountSummary, type RoomDisplay } from './repository';
export { CacheError, isCacheError, type CacheErrorCode } from './errors';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export * from './types';
