// `summary`: a month's account summary as text (the rooms used, or every room
// with --all-rooms, and the total, written as the views write them) or JSON
// (every room of the period, in seconds and cents).
import { accountSummary, type AccountSummary } from '../../main/cache';
import { currencyOf } from '../../shared/domain';
import { pickAccount } from '../account';
import { accountChoice, parse, PERIOD, required, UsageError, type CliIo } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal } from '../terminal-text';
import { cliText, languageOption, textTable, type CliText } from '../text-output';

export function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    'all-rooms': { type: 'boolean' },
    lang: { type: 'string' },
    account: { type: 'string' },
    server: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  const language = languageOption(values);
  return withReadonlyCore(values, io, (core) => {
    const scope = pickAccount(core.cache.read(), accountChoice(values));
    const { accountNumber } = scope;
    // JSON keeps its shape: every room of the period. Text lists the rooms used unless --all-rooms.
    const display = values.json === true || values['all-rooms'] === true ? 'all' : 'active';
    const summary = accountSummary(core.cache.read(), scope, period, display);
    if (summary.period === null) throw new Error(`period ${period} of account ${accountNumber} is not in the cache`);
    if (values.json === true) {
      const rooms = summary.rooms.map((r) => ({
        roomNumber: r.roomNumber,
        cardholder: r.cardholder,
        conferenceCount: r.conferenceCount,
        accumulatedSeconds: r.accumulatedSeconds,
        chargeCents: r.chargeCents,
      }));
      io.stdout(jsonForTerminal({ account: accountNumber, period, rooms, total: summary.total }));
    } else {
      io.stdout(summaryText(summary, display === 'all', cliText(language)));
    }
    return 0;
  });
}

/** The rooms as a table with its Total line; a month without a room used says so above the total. */
function summaryText(summary: AccountSummary, allRooms: boolean, { t, format }: CliText): string {
  const currency = currencyOf(summary.account);
  const header = [t('col.roomNumber'), t('col.cardholder'), t('col.conferences'), t('col.accumulatedTime'), t('col.charge')];
  const rows = summary.rooms.map((r) => [
    format.room(r.roomNumber),
    r.cardholder ?? t('summary.noCardholder'),
    format.count(r.conferenceCount),
    format.duration(r.accumulatedSeconds),
    format.money(r.chargeCents, currency),
  ]);
  const { total } = summary;
  const totalRow = [t('table.total'), '', format.count(total.conferenceCount), format.duration(total.accumulatedSeconds), format.money(total.chargeCents, currency)];
  const table = textTable([header, ...rows, totalRow], ['left', 'left', 'right', 'right', 'right']);
  if (rows.length > 0) return table;
  const [head, totalLine] = table.split('\n');
  return `${head}\n${t(allRooms ? 'summary.noRooms' : 'summary.noActiveRooms')}\n${totalLine}\n`;
}
