// The archive's bridge calls: its status (Settings → Archive, the recovery
// screen), restoring the newest good backup or a file the user chooses in
// main's own Open dialog, starting an empty archive, Back up now… (main's
// Save dialog) and Show in folder. No call takes a path: main chooses every
// file itself. A restore checks the file first (refused with its problem,
// nothing changed), stops the syncs, installs it, and re-syncs the active
// sign-in.
import type { RestoreOutcome } from '../../../shared/archive-contract';
import type { FeatureHandlers } from '../../bridge/handlers';
import { backupsDirOf, backupTo, inspectCacheFileInBackground } from '../../cache/archive';
import { isoSeconds } from '../../cache/file-stamp';
import { AppError } from '../../errors';
import type { FeatureDeps } from '../deps';
import { startProfileSync } from '../sync/targets';
import { userFacing } from '../user-errors';
import { archiveStatus, newestGoodBackupFinder, toArchiveMonth } from './archive-status';
import { problemFromCode } from './classify';

type ArchiveDeps = Pick<FeatureDeps, 'archive' | 'backups' | 'coordinator' | 'profiles' | 'integration' | 'log'>;

export function archiveHandlers(deps: ArchiveDeps) {
  const { archive, backups, coordinator, integration, log } = deps;
  const newestGood = newestGoodBackupFinder();

  /** The chosen file's problem, checked without changing it; null when it can become the archive. */
  const refusal = async (candidate: string): Promise<RestoreOutcome | null> => {
    const inspection = await inspectCacheFileInBackground(candidate);
    if (inspection.problem === null) return null;
    const { code, message } = inspection.problem;
    log.info(`refused to restore ${candidate}: ${message}`);
    return { status: 'refused', from: candidate, problem: problemFromCode(candidate, code, message, inspection.writtenBy) };
  };
  /** No sync writes and no backup reads while the archive is replaced. */
  const quiet = async () => {
    await coordinator.close();
    await backups.flush();
  };
  const resyncActive = () => {
    const active = deps.profiles.active();
    if (active !== null) startProfileSync(deps, active);
  };

  const restore = async (candidate: string): Promise<RestoreOutcome> => {
    const refused = await refusal(candidate);
    if (refused !== null) return refused;
    await quiet();
    const result = await userFacing(() => archive.restore(candidate));
    log.info(`restored the archive from ${candidate} (${result.months.length} months)`);
    backups.changed('import');
    // The provider's months as they are now.
    resyncActive();
    return { status: 'restored', from: candidate, months: result.months.map(toArchiveMonth), setAside: result.setAside?.file ?? null };
  };

  const browse = async (candidate: string): Promise<RestoreOutcome> => {
    const refused = await refusal(candidate);
    if (refused !== null) return refused;
    await userFacing(() => archive.browse(candidate));
    return { status: 'browsing', from: candidate };
  };

  return {
    archiveStatus: () => archiveStatus(archive, newestGood),
    restoreNewestBackup: async () => {
      const backup = await newestGood.find(archive.file);
      if (backup === null) throw new AppError('not_found', `There is no intact backup of ${archive.file} to restore.`);
      return restore(backup.file);
    },
    chooseAndRestore: async () => {
      const candidate = await integration.chooseOpenFile('sqlite', backupsDirOf(archive.file));
      if (candidate === null) return { status: 'cancelled' as const };
      // A newer version's archive is never replaced: the chosen file is only shown.
      return archive.keepsNewerArchive() ? browse(candidate) : restore(candidate);
    },
    startEmptyCache: async () => {
      await quiet();
      const aside = await userFacing(() => archive.startEmpty());
      log.info(`started an empty archive${aside ? `; the previous one is ${aside.file}` : ''}`);
      resyncActive();
      return { setAside: aside?.file ?? null };
    },
    backupNow: async () => {
      // The connection's own file: a private copy when the archive is read from one.
      const source = archive.cache.read().name;
      const target = await integration.chooseSaveFile(`OAI_archive_${isoSeconds(new Date()).slice(0, 10)}.sqlite`, 'sqlite');
      if (target === null) return { status: 'cancelled' as const, path: null, monthCount: 0 };
      const backup = await userFacing(() => backupTo(source, target));
      log.info(`backed up the archive to ${backup.file}`);
      return { status: 'saved' as const, path: backup.file, monthCount: backup.months.length };
    },
    showArchiveFolder: () => {
      integration.showInFolder(archive.file);
      return { path: archive.file };
    },
  } satisfies FeatureHandlers<'archiveStatus' | 'restoreNewestBackup' | 'chooseAndRestore' | 'startEmptyCache' | 'backupNow' | 'showArchiveFolder'>;
}
