// `periods`: the cached months of each account, with their sync state.
import { importedFilesOf, listPeriods } from '../../main/cache';
import { matchingAccounts, pickAccount } from '../account';
import { accountChoice, parse, type CliIo } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal, oneLine } from '../terminal-text';

export function periodsCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { account: { type: 'string' }, server: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } });
  return withReadonlyCore(values, io, (core) => {
    const db = core.cache.read();
    const choice = accountChoice(values);
    // One account when --account names it (its provider must be clear); otherwise every account cached.
    const accounts = choice.accountNumber !== undefined ? [pickAccount(db, choice)] : matchingAccounts(db, choice);
    const periods = accounts.flatMap((key) => listPeriods(db, key).map((period) => ({ provider: key.provider, ...period })));
    const rows = periods.map((p) => ({
      account: p.accountNumber,
      provider: p.provider,
      period: p.period,
      syncedAt: p.lastSyncedAt,
      revision: p.revision,
      invoiced: p.invoiced,
      archived: !p.servedByProvider,
      lastError: p.lastError,
      source: p.source,
      ...(p.source === 'import' && { importedFrom: importedFilesOf(db, p, p.period).map((f) => ({ file: f.fileName, importedAt: f.importedAt })) }),
    }));
    if (values.json === true) {
      io.stdout(jsonForTerminal(rows));
    } else {
      for (const r of rows) {
        const state = [r.invoiced ? 'invoiced' : 'not invoiced', r.archived ? 'archived' : null, r.lastError ? `last error: ${oneLine(r.lastError)}` : null]
          .filter(Boolean)
          .join(', ');
        const when = r.importedFrom ? `imported ${r.syncedAt ?? ''} from ${r.importedFrom.map((f) => oneLine(f.file)).join(', ')}` : `synced ${r.syncedAt ?? 'never'}`;
        io.stdout(`${r.account} ${r.period}  ${when}  ${r.importedFrom ? 'imported' : state}\n`);
      }
    }
    return 0;
  });
}
