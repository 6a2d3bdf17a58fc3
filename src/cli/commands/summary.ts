// `summary`: a month's account summary, every room, as text or JSON.
import { accountSummary } from '../../main/cache';
import { pickAccount } from '../account';
import { accountChoice, parse, PERIOD, required, UsageError, type CliIo } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal, oneLine } from '../terminal-text';

export function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    account: { type: 'string' },
    server: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  return withReadonlyCore(values, io, (core) => {
    const scope = pickAccount(core.cache.read(), accountChoice(values));
    const { accountNumber } = scope;
    const summary = accountSummary(core.cache.read(), scope, period, 'all');
    if (summary.period === null) throw new Error(`period ${period} of account ${accountNumber} is not in the cache`);
    const rooms = summary.rooms.map((r) => ({
      roomNumber: r.roomNumber,
      cardholder: r.cardholder,
      conferenceCount: r.conferenceCount,
      accumulatedSeconds: r.accumulatedSeconds,
      chargeCents: r.chargeCents,
    }));
    if (values.json === true) {
      io.stdout(jsonForTerminal({ account: accountNumber, period, rooms, total: summary.total }));
    } else {
      for (const r of rooms) {
        io.stdout(`${r.roomNumber.padEnd(8)} ${oneLine(r.cardholder ?? '').padEnd(28)} ${String(r.conferenceCount).padStart(5)} ${String(r.accumulatedSeconds).padStart(9)} s ${String(r.chargeCents).padStart(9)} cents\n`);
      }
      io.stdout(`total: ${summary.total.conferenceCount} conferences, ${summary.total.accumulatedSeconds} s, ${summary.total.chargeCents} cents\n`);
    }
    return 0;
  });
}
