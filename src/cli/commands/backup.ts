// `backup --out FILE`: a consistent, checked copy of the cache, also while
// the app or a sync writes to it (SQLite's online backup, on a thread of its own).
import path from 'node:path';
import { backupTo } from '../../main/cache/archive';
import { dbFile, parse, required, type CliIo } from '../args';
import { describeMonths, megabytes } from '../archive-text';

export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, out: { type: 'string' } });
  const out = path.resolve(required(values, 'out'));
  const backup = await backupTo(dbFile(values, io.env), out);
  io.stdout(`${backup.file}  ${megabytes(backup.sizeBytes)}  ${describeMonths(backup.months)}\n`);
  return 0;
}
