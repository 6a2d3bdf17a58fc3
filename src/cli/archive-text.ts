// How the archive commands describe backups and months, and find the newest
// good backup to point to when the cache is damaged.
import { inspectCacheFile, type CachedMonth } from '../main/cache';
import { listBackupFiles, type BackupInfo } from '../main/cache/archive';

/** "602127: 2026-07 2026-08 (archived: 2026-07)" per account, joined with '; '. */
export function describeMonths(months: readonly CachedMonth[]): string {
  if (months.length === 0) return 'no months';
  const accounts = [...new Set(months.map((m) => m.accountNumber))];
  return accounts
    .map((account) => {
      const mine = months.filter((m) => m.accountNumber === account);
      const archived = mine.filter((m) => m.archived).map((m) => m.period);
      return `${account}: ${mine.map((m) => m.period).join(' ')}${archived.length > 0 ? ` (archived: ${archived.join(' ')})` : ''}`;
    })
    .join('; ');
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** The newest automatic backup that is intact now (each is checked, newest first, until one is). */
export function newestGoodBackup(cacheFile: string): BackupInfo | null {
  for (const backup of listBackupFiles(cacheFile)) {
    const inspection = inspectCacheFile(backup.file);
    if (inspection.problem === null) return { ...backup, months: inspection.months };
  }
  return null;
}

/** The lines that point a user with a damaged cache to the newest good backup. */
export function restoreHint(cacheFile: string, backup: BackupInfo | null): string {
  if (backup === null) return 'No intact backup was found beside it (backups/).\n';
  return (
    `Newest good backup: ${backup.file} (taken ${backup.createdAt}; ${describeMonths(backup.months)})\n` +
    `Restore it with: npm run cli -- restore --from "${backup.file}" --db "${cacheFile}"\n`
  );
}
