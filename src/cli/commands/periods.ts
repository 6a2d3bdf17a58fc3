// `periods`: the cached months of each account, with their sync state.
import { listAccounts } from '../../main/cache';
import { viewHandlers } from '../../main/features/views/handlers';
import { digits, parse, type CliIo } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal, oneLine } from '../terminal-text';

export function periodsCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { account: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } });
  return withReadonlyCore(values, io, (core) => {
    const given = digits(values.account, 'account');
    const accounts = given !== undefined ? [given] : listAccounts(core.cache.read()).map((a) => a.accountNumber);
    const views = viewHandlers(core);
    const periods = accounts.flatMap((accountNumber) => views.listPeriods({ accountNumber }));
    const rows = periods.map((p) => ({
      account: p.accountNumber,
      period: p.period,
      syncedAt: p.lastSyncedAt,
      revision: p.revision,
      invoiced: p.invoiced,
      archived: !p.servedByProvider,
      lastError: p.lastError,
    }));
    if (values.json === true) {
      io.stdout(jsonForTerminal(rows));
    } else {
      for (const r of rows) {
        const state = [r.invoiced ? 'invoiced' : 'not invoiced', r.archived ? 'archived' : null, r.lastError ? `last error: ${oneLine(r.lastError)}` : null]
          .filter(Boolean)
          .join(', ');
        io.stdout(`${r.account} ${r.period}  synced ${r.syncedAt ?? 'never'}  ${state}\n`);
      }
    }
    return 0;
  });
}
