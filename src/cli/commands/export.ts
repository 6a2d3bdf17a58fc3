// `export`: the Excel workbook of a month's account summary, or of one room.
import path from 'node:path';
import { saveViewWorkbook } from '../../main/features/export/workbook';
import { accountSummary } from '../../main/cache';
import type { ViewRef } from '../../shared/bridge';
import { pickAccount } from '../account';
import { accountChoice, digits, parse, PERIOD, required, UsageError, type CliIo } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { languageOption } from '../text-output';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    period: { type: 'string' },
    account: { type: 'string' },
    room: { type: 'string' },
    server: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
    lang: { type: 'string' },
  });
  const period = required(values, 'period');
  if (!PERIOD.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
  const out = path.resolve(required(values, 'out'));
  const language = languageOption(values);
  const roomNumber = digits(values.room, 'room');
  return withReadonlyCore(values, io, async (core) => {
    const scope = pickAccount(core.cache.read(), accountChoice(values));
    const { accountNumber } = scope;
    // A room the month does not list is a typo, not an empty room: fail rather than write an empty workbook.
    const listed = (room: string) => accountSummary(core.cache.read(), scope, period, 'all').rooms.some((r) => r.roomNumber === room);
    if (roomNumber !== undefined && !listed(roomNumber)) {
      throw new Error(`Could not save ${out}: room ${roomNumber} is not in period ${period} of account ${accountNumber}.`);
    }
    // The same workbook as the view's Download: all rooms, no filter, default sort. No sign-in names it: the scope is given.
    const profileId = 'cli';
    const view: ViewRef =
      roomNumber === undefined
        ? { kind: 'summary', profileId, period, display: 'all', filter: '', sort: null }
        : { kind: 'room', profileId, period, roomNumber, sort: null };
    const result = await saveViewWorkbook(core, scope, view, { language, dateStyle: 'locale' }, out);
    io.stdout(`${result.file}  ${result.rows} rows\n`);
    return 0;
  });
}
