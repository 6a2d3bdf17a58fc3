// What every sheet of one export shares: the account, its clocks, the
// labels, the title block (account, billing period, when the data was
// synced), and the view's tables (src/shared/columns) as streamed tables.
import { DEFAULT_CURRENCY, periodDataAsOf, type AccountInfo, type ConferenceRow, type PeriodInfo } from '../../shared/domain';
import { timeZoneNote, usableTimeZone, type FormatOptions } from '../../shared/format';
import { translator, type MessageKey, type Translate } from '../../shared/i18n';
import { periodLabel } from '../../shared/period-label';
import type { ColumnDef } from '../../shared/columns';
import { getAccount, getPeriod, type AccountKey, type ReadableDB, type ViewScope } from '../cache';
import { WallClock } from './excel-values';
import { oaiConferenceCells } from './oai-columns';
import { sheetCell, sheetCells, sheetColumns, type SheetCellContext } from './sheet-columns';
import { StreamedTable, type CellInput, type FactValue, type TableColumn, type TableContext, type TitleBlock } from './sheet-table';

export interface WorkbookContent {
  db: ReadableDB;
  /** What the sign-in may see: every query of the workbook is within it. */
  scope: ViewScope;
  presentation: FormatOptions;
  generatedAt: Date;
  /** Everything but the currency, which comes from the account. */
  table: Omit<TableContext, 'currency'>;
}

/** What every sheet of one export shares: the account, its clocks, the labels. */
export class Sheets {
  readonly t: Translate;
  readonly account: AccountInfo;
  /** Conference times are shown in the account's time zone. */
  readonly accountClock: WallClock;
  /** Generated / synced times are shown in this computer's time zone. */
  readonly computerClock = new WallClock(undefined);

  constructor(readonly content: WorkbookContent) {
    this.t = translator(content.presentation.language);
    const { accountNumber } = content.scope;
    this.account = getAccount(content.db, content.scope) ?? {
      accountNumber,
      companyName: '',
      currency: DEFAULT_CURRENCY,
      timeZone: 'UTC',
      supportPhone: null,
    };
    this.accountClock = new WallClock(this.account.timeZone);
  }

  get cells(): SheetCellContext {
    return { t: this.t, clock: this.accountClock, timeZone: this.account.timeZone };
  }

  table(sheetName: MessageKey, title: TitleBlock, columns: readonly TableColumn[], totalLabel: MessageKey = 'table.total'): StreamedTable {
    const context: TableContext = { ...this.content.table, currency: this.account.currency };
    return new StreamedTable(context, { sheetName: this.t(sheetName), title, columns, totalLabel: this.t(totalLabel) });
  }

  /** A table of one of the views' tables (src/shared/columns), with its rows' cells. */
  viewTable<Row>(sheetName: MessageKey, title: TitleBlock, definitions: readonly ColumnDef<Row>[], totalLabel?: MessageKey) {
    return { table: this.table(sheetName, title, sheetColumns(definitions, this.t), totalLabel), cells: sheetCells(definitions, this.cells) };
  }

  title(heading: MessageKey, period: PeriodInfo | null, extraFacts: readonly (readonly [MessageKey, FactValue])[], periodText?: string): TitleBlock {
    const { t, account } = this;
    const facts: [string, FactValue][] = [
      [t('col.accountNumber'), account.accountNumber],
      [t('col.companyName'), account.companyName],
      [t('col.billingPeriod'), periodText ?? (period ? this.periodName(period) : t('sheet.notInCache'))],
      ...extraFacts.map(([key, value]): [string, FactValue] => [t(key), value]),
      // The header stays OAI's START TIME (spreadsheets and the importer match it): its zone is said here.
      [t('sheet.timeZone'), t('sheet.timeZoneValue', { zone: usableTimeZone(account.timeZone).timeZone ?? 'UTC' })],
      [t('sheet.generatedAt'), { localMs: this.computerClock.localMsOf(this.content.generatedAt.getTime()) }],
    ];
    const synced = periodDataAsOf(period);
    const syncedMs = synced === null ? null : this.computerClock.localMs(synced);
    facts.push([t('sheet.dataAsOf'), syncedMs === null ? t('sheet.neverSynced') : { localMs: syncedMs }]);
    const notes = period !== null && !period.servedByProvider ? [t('sheet.archived')] : [];
    const zoneNote = timeZoneNote(account.timeZone, t);
    if (zoneNote !== null) notes.push(zoneNote);
    return { heading: t(heading), facts, notes };
  }

  periodName(period: PeriodInfo): string {
    return periodLabel(period, this.t, this.content.presentation);
  }

  codeText(code: string | null): string {
    return sheetCell('code', code, this.cells) as string;
  }

  oaiConferenceRow(conference: ConferenceRow, cardholder: string | null): CellInput[] {
    return oaiConferenceCells(conference, cardholder, this.cells);
  }
}

export function requirePeriod(db: ReadableDB, key: AccountKey, period: string): PeriodInfo {
  const info = getPeriod(db, key, period);
  if (info === null) throw new Error(`period ${period} of account ${key.accountNumber} is not in the cache`);
  return info;
}

