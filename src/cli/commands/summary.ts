// `summary`: a month's account summary, every room, as text or JSON.
import { viewHandlers } from '../../main/features/views/handlers';
import { digits, parse, PERIOD, required, UsageError, type CliIo } from '../args';
import { pickAccount, withReadonlyCore } from '../readonly-core';
import { jsonForTerminal, oneLine } from '../terminal-text';

export function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    account: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  return withReadonlyCore(values, io, (core) => {
    const accountNumber = pickAccount(core.cache.read(), digits(values.account, 'account'));
    const summary = viewHandlers(core).accountSummary({ accountNumber, period, display: 'all' });
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
