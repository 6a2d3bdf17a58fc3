// `report`: the chargeback report, billing codes (or rooms) × months of a
// range, as text, JSON, or the Excel workbook of the app's Download.
import path from 'node:path';
import { chargebackReport } from '../../main/features/reports/chargeback';
import { saveViewWorkbook } from '../../main/features/export/workbook';
import type { ViewRef } from '../../shared/bridge';
import type { Chargeback } from '../../shared/reports';
import { pickAccount } from '../account';
import { accountChoice, parse, PERIOD, UsageError, type CliIo, type Values } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal } from '../terminal-text';
import { cliText, languageOption, textTable, type CliText } from '../text-output';
import { getAccount } from '../../main/cache';
import { currencyOf } from '../../shared/domain';

function month(values: Values, name: 'from' | 'to'): string | null {
  const value = values[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !PERIOD.test(value)) throw new UsageError(`--${name} must be YYYY-MM, got "${String(value)}"`);
  return value;
}

/** The report as `--json` prints it: Unallocated's label spelled out. */
export function reportJson(report: Chargeback): Chargeback {
  return { ...report, rows: report.rows.map((row) => ({ ...row, label: report.by === 'code' && row.key === null ? 'Unallocated' : row.label })) };
}

/** The charge per row and month as the Chargeback view writes it, with the Total row. */
function reportText(report: Chargeback, currency: string, { t, format }: CliText): string {
  const money = (cents: number) => format.money(cents, currency);
  const header = [t(report.by === 'code' ? 'col.billingCode' : 'col.roomNumber'), ...report.months, t('table.total')];
  const rows = report.rows.map((row) => {
    const name = report.by === 'room' ? `${format.room(row.key ?? '')} ${row.label ?? ''}` : (row.label ?? t('code.unallocated'));
    return [name.slice(0, 40), ...report.months.map((m) => money(row.months[m]!.chargeCents)), money(row.total.chargeCents)];
  });
  const total = [t('table.total'), ...report.months.map((m) => money(report.total.months[m]!.chargeCents)), money(report.total.total.chargeCents)];
  return textTable([header, ...rows, total], header.map((_, i) => (i === 0 ? 'left' : 'right')));
}

export function reportCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    by: { type: 'string' },
    account: { type: 'string' },
    server: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const by = values.by ?? 'code';
  if (by !== 'code' && by !== 'room') throw new UsageError(`--by must be code or room, got "${String(by)}"`);
  const from = month(values, 'from');
  const to = month(values, 'to');
  const lang = languageOption(values);
  return withReadonlyCore(values, io, async (core) => {
    const scope = pickAccount(core.cache.read(), accountChoice(values));
    const report = chargebackReport(core.cache.read(), scope, by, from, to);
    if (typeof values.out === 'string') {
      const view: ViewRef = { kind: 'chargeback', profileId: 'cli', by: report.by, from: report.from, to: report.to };
      const result = await saveViewWorkbook(core, scope, view, { language: lang, dateStyle: 'locale' }, path.resolve(values.out));
      io.stdout(`${result.file}  ${result.rows} rows\n`);
    } else if (values.json === true) {
      io.stdout(jsonForTerminal(reportJson(report)));
    } else {
      io.stdout(reportText(report, currencyOf(getAccount(core.cache.read(), scope)), cliText(lang)));
    }
    return 0;
  });
}
