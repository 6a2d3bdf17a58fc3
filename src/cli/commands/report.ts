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
import { jsonForTerminal, oneLine } from '../terminal-text';
import { languageArgument, LANGUAGES } from '../../shared/i18n/language';

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

function printText(report: Chargeback, io: CliIo): void {
  const cells = (values: (string | number)[]) => values.map((value, index) => (index === 0 ? String(value).padEnd(28) : String(value).padStart(12))).join(' ');
  io.stdout(`${cells([report.by === 'code' ? 'billing code' : 'room', ...report.months, 'total'])}\n`);
  for (const row of reportJson(report).rows) {
    const name = report.by === 'room' ? `${row.key ?? ''} ${row.label ?? ''}` : (row.label ?? '');
    io.stdout(`${cells([oneLine(name).slice(0, 28), ...report.months.map((m) => row.months[m]!.chargeCents), row.total.chargeCents])}\n`);
  }
  io.stdout(`${cells(['total (cents)', ...report.months.map((m) => report.total.months[m]!.chargeCents), report.total.total.chargeCents])}\n`);
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
  const lang = languageArgument(String(values.lang ?? 'en-GB'));
  if (lang === null) throw new UsageError(`--lang must be ${LANGUAGES.join(', ')} (en: en-GB), got "${String(values.lang)}"`);
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
      printText(report, io);
    }
    return 0;
  });
}
