// `check`: is the cache intact? SQLite's quick_check, on a read-only
// connection (a damaged file is never written to). Exit 0 intact; 1 damaged
// or unusable, naming the file, what is damaged and the newest good backup.
import { inspectCacheFile, LATEST_SCHEMA_VERSION, OAI_APPLICATION_ID, quickCheckFile, readFileHeader } from '../../main/cache';
import { dbFile, parse, type CliIo } from '../args';
import { newestGoodBackup, restoreHint } from '../archive-text';
import { jsonForTerminal } from '../terminal-text';

export function checkCommand(args: string[], io: CliIo): number {
  const values = parse(args, { db: { type: 'string' }, json: { type: 'boolean' } });
  const file = dbFile(values, io.env);
  const unusable = whyUnusable(file);
  if (unusable !== null) {
    if (values.json === true) io.stdout(jsonForTerminal({ file, ok: false, problems: [unusable] }));
    else io.stderr(`oai: ${unusable}\n`);
    return 1;
  }
  const report = quickCheckFile(file);
  const backup = report.ok ? null : newestGoodBackup(file);
  if (values.json === true) {
    const json = { file, ok: report.ok, problems: report.problems, checkMs: Math.round(report.ms), ...(report.ok ? {} : { newestGoodBackup: backup }) };
    io.stdout(jsonForTerminal(json));
  } else if (report.ok) {
    io.stdout(`${file}: intact (SQLite quick_check: ok, ${Math.round(report.ms)} ms)\n`);
  } else {
    io.stdout(`${file} is DAMAGED. SQLite's quick_check found:\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
    io.stdout(restoreHint(file, backup));
  }
  return report.ok ? 0 : 1;
}

/** Why the file cannot be checked as a cache (missing, not SQLite, another app's, newer), or null. */
function whyUnusable(file: string): string | null {
  try {
    const header = readFileHeader(file);
    if (header === null) return `there is no cache at ${file}`;
    const foreign = header.applicationId !== 0 && header.applicationId !== OAI_APPLICATION_ID;
    if (foreign || header.userVersion > LATEST_SCHEMA_VERSION) return inspectCacheFile(file).problem?.message ?? null;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
