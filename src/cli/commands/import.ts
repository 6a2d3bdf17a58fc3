// `import FILE...`: OAI's Excel downloads (or CSV) into the archive, each file
// all or nothing. Exit 0 when every file was imported or unchanged, 1 when
// any was refused (the others are still imported), 2 on usage errors.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/app/core';
import { importFiles, type FileOutcome } from '../../main/features/import/import-files';
import { parseImportFile } from '../../main/import/parse-file';
import { describeProblem } from '../../main/import/problems';
import { pickAccount } from '../account';
import { accountChoice, cliVersion, dbFile, UsageError, type CliIo } from '../args';
import { jsonForTerminal, oneLine } from '../terminal-text';

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseImportArgs(args);
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  const core = createCore({ cacheFile: dbFile(values, io.env), appVersion: cliVersion(), onBackup: (o) => o.ok && io.stderr(`backup: ${o.backup.file}\n`) });
  try {
    const scope = chooseAccount(core.cache.read(), values);
    const sources = positionals.map((file) => ({ path: path.resolve(file), name: path.basename(file) }));
    const outcomes = await importFiles(core.cache, parseImportFile, scope, sources, { dryRun: values['dry-run'] === true });
    if (outcomes.some((o) => o.status === 'imported')) core.backups.changed('import');
    if (values.json === true) io.stdout(jsonForTerminal({ files: outcomes.map(jsonOutcome) }));
    else for (const outcome of outcomes) io.stdout(textOutcome(outcome));
    return outcomes.some((o) => o.status === 'refused') ? 1 : 0;
  } finally {
    await core.close();
  }
}

function parseImportArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { account: { type: 'string' }, server: { type: 'string' }, db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The only account of the cache, or --account's: none at all is a usage error here (exit 2). */
function chooseAccount(db: Parameters<typeof pickAccount>[0], values: Record<string, string | boolean | undefined>) {
  try {
    return pickAccount(db, accountChoice(values));
  } catch (error) {
    if (error instanceof Error && !(error instanceof UsageError)) throw new UsageError(`${error.message.replace('run `sync` first', 'sync an account before importing')}`);
    throw error;
  }
}

function jsonOutcome(outcome: FileOutcome) {
  return {
    file: outcome.file,
    status: outcome.status,
    periods: outcome.periods,
    conferences: outcome.conferences,
    chargeCents: outcome.chargeCents,
    problems: outcome.problems.map((p) => ({ row: p.row, column: p.column, message: p.header ? `${p.header}: ${p.message}` : p.message })),
  };
}

function textOutcome(outcome: FileOutcome): string {
  const months = outcome.periods.join(', ');
  const figures = `${outcome.conferences} conferences, ${outcome.chargeCents} cents`;
  switch (outcome.status) {
    case 'ready':
      return `${outcome.file}: ready to import ${months} (${outcome.rooms} rooms, ${figures}); nothing written (--dry-run)\n`;
    case 'imported':
      return `${outcome.file}: imported ${months} (${figures} added)\n`;
    case 'unchanged':
      return `${outcome.file}: unchanged, every conference of ${months} is already in the archive\n`;
    case 'refused':
      return `${outcome.file}: refused, nothing imported\n${outcome.problems.map((p) => `  ${oneLine(describeProblem(p))}\n`).join('')}`;
  }
}
