// The archive engine's entry for main-process code (the app, the CLI):
// backups, restore, and checks of a file on the archive thread. Not part of
// the cache's index, which worker threads import too: these start threads.
//
//   takeBackup(cacheFile | handle, options)  → TakenBackup   automatic backup into backups/, then pruned
//   backupTo(cacheFile | handle, outFile)     → BackupInfo    "Back up now…", `backup --out`
//   listBackups(cacheFile)                    → BackupInfo[]  newest first, with their months
//   listBackupFiles(cacheFile)                → same without opening them (no months)
//   restoreFrom(candidate, cacheFile)         → RestoreResult the cache must be closed first
//   quickCheckFileInBackground(file)          → IntegrityReport
//   verifyCacheFileInBackground(file)         → rejects with CacheError 'damaged'
//   inspectCacheFileInBackground(file)        → CacheFileInspection
//   indexSearchInBackground(file)             → months indexed (those the search index lacked)
// Synchronous ones (quickCheck, quickCheckFile, inspectCacheFile, setAside,
// checkpointWal) are in the cache's index.
export { takeBackup, backupTo, listBackups, listBackupFiles, pruneBackups, type BackupInfo, type TakenBackup, type BackupOptions } from './backup/backups';
export { restoreFrom, type RestoreResult } from './backup/restore';
export { planRetention, DEFAULT_RETENTION, type RetentionPolicy, type RetentionCandidate, type RetentionPlan } from './backup/retention';
export { backupsDirOf, BACKUPS_DIR_NAME } from './backup/names';
export { quickCheckFileInBackground, verifyCacheFileInBackground, inspectCacheFileInBackground, indexSearchInBackground } from './worker/archive-thread';
