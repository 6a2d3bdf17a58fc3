// What Settings → Archive and the recovery screen show: the archive's state,
// where it is, its size and months, the last backup, and the newest backup
// that is intact now (each backup checked once, on the archive thread, then
// remembered while its file is unchanged).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveMonth, ArchiveStatus, BackupSummary } from '../../../shared/archive-contract';
import { listCachedMonths, type CachedMonth } from '../../cache';
import { inspectCacheFileInBackground, listBackupFiles } from '../../cache/archive';
import type { Archive } from './archive';
import { stateView } from './archive-state';

export interface NewestGoodBackup {
  /** The newest automatic backup of `cacheFile` that is intact now, or null. */
  find(cacheFile: string): Promise<BackupSummary | null>;
}

export function newestGoodBackupFinder(): NewestGoodBackup {
  const checked = new Map<string, Promise<ArchiveMonth[] | null>>();
  const monthsIfIntact = (file: string, sizeBytes: number): Promise<ArchiveMonth[] | null> => {
    const key = `${file}|${sizeBytes}|${modifiedAt(file)}`;
    let result = checked.get(key);
    if (result === undefined) {
      result = inspectCacheFileInBackground(file).then(
        (inspection) => (inspection.problem === null ? inspection.months.map(toArchiveMonth) : null),
        () => null,
      );
      checked.set(key, result);
    }
    return result;
  };
  return {
    async find(cacheFile) {
      for (const backup of listBackupFiles(cacheFile)) {
        const months = await monthsIfIntact(backup.file, backup.sizeBytes);
        if (months !== null) return { file: backup.file, createdAt: backup.createdAt, months };
      }
      return null;
    },
  };
}

export async function archiveStatus(archive: Archive, backups: NewestGoodBackup): Promise<ArchiveStatus> {
  const view = stateView(archive.state(), archive.file);
  const months = view.readable && archive.cache.connected ? listCachedMonths(archive.cache.read()).map(toArchiveMonth) : [];
  return {
    ...view,
    folder: path.dirname(archive.file),
    sizeBytes: sizeOf(archive.file),
    months: sortByPeriod(months),
    lastBackupAt: listBackupFiles(archive.file)[0]?.createdAt ?? null,
    newestGoodBackup: await backups.find(archive.file),
  };
}

export function toArchiveMonth(month: CachedMonth): ArchiveMonth {
  return { accountNumber: month.accountNumber, period: month.period, archived: month.archived };
}

/** Oldest to newest across accounts (the cache lists them per account). */
function sortByPeriod(months: ArchiveMonth[]): ArchiveMonth[] {
  return [...months].sort((a, b) => a.period.localeCompare(b.period) || a.accountNumber.localeCompare(b.accountNumber));
}

/** The file and its -wal; null when there is no file. */
function sizeOf(file: string): number | null {
  try {
    const main = statSync(file).size;
    try {
      return main + statSync(`${file}-wal`).size;
    } catch {
      return main;
    }
  } catch {
    return null;
  }
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
