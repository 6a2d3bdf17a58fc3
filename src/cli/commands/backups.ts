// `backups`: the automatic backups beside the cache, newest first, with the
// date each was taken and the months it holds.
import { backupsDirOf, listBackups } from '../../main/cache/archive';
import { dbFile, parse, type CliIo } from '../args';
import { describeMonths, megabytes } from '../archive-text';
import { jsonForTerminal } from '../terminal-text';

export function backupsCommand(args: string[], io: CliIo): number {
  const values = parse(args, { db: { type: 'string' }, json: { type: 'boolean' } });
  const file = dbFile(values, io.env);
  const backups = listBackups(file);
  if (values.json === true) {
    io.stdout(jsonForTerminal(backups));
    return 0;
  }
  if (backups.length === 0) io.stdout(`no backups in ${backupsDirOf(file)}\n`);
  for (const backup of backups) {
    io.stdout(`${backup.createdAt}  ${megabytes(backup.sizeBytes).padStart(9)}  ${describeMonths(backup.months)}  ${backup.file}\n`);
  }
  return 0;
}
