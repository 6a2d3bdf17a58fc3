// `restore --from FILE`: installs a backup (or another cache file) as the
// cache. FILE is checked first (an OAI Desktop cache, a known schema, intact);
// unusable, nothing changes and the exit status is 1. Quit the app first: it
// must not have the cache open.
import path from 'node:path';
import { restoreFrom } from '../../main/cache/archive';
import { dbFile, parse, required, type CliIo } from '../args';

export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { from: { type: 'string' }, db: { type: 'string' } });
  const from = path.resolve(required(values, 'from'));
  const cacheFile = dbFile(values, io.env);
  let result;
  try {
    result = await restoreFrom(from, cacheFile);
  } catch (error) {
    io.stderr(`oai: cannot restore from ${from}: ${error instanceof Error ? error.message : String(error)} Nothing was changed.\n`);
    return 1;
  }
  io.stdout(`restored ${result.restoredFrom} into ${result.cacheFile}\n`);
  if (result.setAside !== null) io.stdout(`the previous cache was set aside as ${result.setAside.file}\n`);
  io.stdout(`months (${result.months.length}):\n`);
  for (const month of result.months) io.stdout(`  ${month.accountNumber} ${month.period}${month.archived ? '  archived' : ''}\n`);
  return 0;
}
