// What each view's workbook holds: the rows the view shows (same filter,
// same sort, src/shared/view-rules.ts) within what the sign-in may see (its
// account at its provider, or its one room), with a title block naming the
// account, the billing period and when the data was synced.
import type { ViewRef } from '../../shared/bridge';
import {
  BILLING_CODE_COLUMNS,
  PARTICIPANT_COLUMNS,
  PARTICIPANT_LEG_COLUMNS,
  SUMMARY_COLUMNS,
  conferenceRowsForView,
  isFiltered,
  summaryRowsForView,
  summaryTotalKey,
  type ColumnDef,
} from '../../shared/columns';
import { DEFAULT_CURRENCY, type AccountInfo, type ConferenceRow, type PeriodInfo } from '../../shared/domain';
import { timeZoneNote, type FormatOptions } from '../../shared/format';
import { translator, type MessageKey, type Translate } from '../../shared/i18n';
import { periodLabel } from '../../shared/period-label';
import { billingCodeRowsForView, effectiveBillingCode } from '../../shared/view-rules';
import {
  accountSummary,
  billingCodeSummary,
  conferenceParticipants,
  getAccount,
  getConference,
  getPeriod,
  lastSuccessfulSync,
  periodConferences,
  periodParticipants,
  roomConferences,
  type AccountKey,
  type ReadableDB,
  type ViewScope,
} from '../cache';
import { WallClock } from './excel-values';
import { codeConferencesWorkbook, searchWorkbook } from './list-workbooks';
import { oaiConferenceCells, oaiConferenceColumns } from './oai-columns';
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

type SummaryView = Extract<ViewRef, { kind: 'summary' }>;
type BillingCodesView = Extract<ViewRef, { kind: 'billingCodes' }>;
type RoomView = Extract<ViewRef, { kind: 'room' }>;
type ConferenceView = Extract<ViewRef, { kind: 'conference' }>;

export async function writeViewWorkbook(content: WorkbookContent, view: ViewRef): Promise<void> {
  switch (view.kind) {
    case 'summary':
      return summaryWorkbook(content, view);
    case 'billingCodes':
      return billingCodesWorkbook(content, view);
    case 'room':
      return roomWorkbook(content, view);
    case 'conference':
      return conferenceWorkbook(content, view);
    case 'codeConferences':
      return codeConferencesWorkbook(content, view);
    case 'search':
      return searchWorkbook(content, view);
  }
}

// ---------------------------------------------------------------- shared pieces

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
    return { t: this.t, clock: this.accountClock };
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
      [t('sheet.generatedAt'), { localMs: this.computerClock.localMsOf(this.content.generatedAt.getTime()) }],
    ];
    const synced = dataAsOf(this.content.db, this.content.scope, period);
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

/**
 * When the exported data was last confirmed: for a month the provider still
 * serves, the later of the last fully successful sync and the month's own
 * download; for an archived month, its last download.
 */
export function dataAsOf(db: ReadableDB, key: AccountKey, period: PeriodInfo | null): string | null {
  const lastSuccess = lastSuccessfulSync(db, key);
  if (period === null) return lastSuccess;
  if (!period.servedByProvider || lastSuccess === null) return period.lastSyncedAt ?? lastSuccess;
  return period.lastSyncedAt !== null && Date.parse(period.lastSyncedAt) > Date.parse(lastSuccess) ? period.lastSyncedAt : lastSuccess;
}

// ---------------------------------------------------------------- account summary

async function summaryWorkbook(content: WorkbookContent, view: SummaryView): Promise<void> {
  const { db, scope } = content;
  const period = requirePeriod(db, scope, view.period);
  const sheets = new Sheets(content);
  const { t } = sheets;
  const summary = accountSummary(db, scope, view.period, view.display);
  const rooms = summaryRowsForView(summary.rooms, view.filter, view.sort, t);
  const kept = new Set(rooms.map((room) => room.roomNumber));
  const facts: [MessageKey, FactValue][] = [['col.roomDisplay', t(view.display === 'active' ? 'summary.displayActive' : 'summary.displayAll')]];
  if (isFiltered(view.filter)) facts.push(['print.filter', view.filter.trim()]);
  const totalLabel = summaryTotalKey(view.filter);

  const { progress } = content.table;
  progress.total = null;

  const roomTable = sheets.viewTable('sheet.summary', sheets.title('summary.title', period, facts), SUMMARY_COLUMNS, totalLabel);
  for (const room of rooms) await roomTable.table.add(roomTable.cells(room));
  await roomTable.table.finish();

  const conferenceTable = sheets.table('sheet.conferences', sheets.title('room.title', period, facts), oaiConferenceColumns(), totalLabel);
  let legs = 0;
  for (const conference of periodConferences(db, scope, view.period)) {
    if (!kept.has(conference.roomNumber)) continue;
    legs += conference.participantCount;
    await conferenceTable.add(sheets.oaiConferenceRow(conference, conference.cardholder));
  }
  await conferenceTable.finish();
  progress.total = progress.rows + legs;

  await participantsSheet(sheets, view.period, period, facts, kept, totalLabel);
}

async function participantsSheet(
  sheets: Sheets,
  periodKey: string,
  period: PeriodInfo,
  facts: readonly (readonly [MessageKey, FactValue])[],
  kept: ReadonlySet<string>,
  totalLabel: MessageKey,
): Promise<void> {
  const { table, cells } = sheets.viewTable('sheet.participants', sheets.title('conference.tableLabel', period, facts), PARTICIPANT_LEG_COLUMNS, totalLabel);
  for (const leg of periodParticipants(sheets.content.db, sheets.content.scope, periodKey)) {
    if (!kept.has(leg.roomNumber)) continue;
    await table.add(cells(leg));
  }
  await table.finish();
}

// ---------------------------------------------------------------- billing codes

async function billingCodesWorkbook(content: WorkbookContent, view: BillingCodesView): Promise<void> {
  const { db, scope } = content;
  const period = requirePeriod(db, scope, view.period);
  const sheets = new Sheets(content);
  const codes = billingCodeRowsForView(billingCodeSummary(db, scope, view.period));
  content.table.progress.total = codes.length + codes.reduce((sum, code) => sum + code.conferenceCount, 0);

  const codeTable = sheets.viewTable('sheet.billingCodes', sheets.title('codes.title', period, []), BILLING_CODE_COLUMNS);
  for (const code of codes) await codeTable.table.add(codeTable.cells(code));
  await codeTable.table.finish();

  const conferenceTable = sheets.table('sheet.conferences', sheets.title('room.title', period, []), oaiConferenceColumns());
  for (const conference of periodConferences(db, scope, view.period)) {
    await conferenceTable.add(sheets.oaiConferenceRow(conference, conference.cardholder));
  }
  await conferenceTable.finish();
}

// ---------------------------------------------------------------- room

async function roomWorkbook(content: WorkbookContent, view: RoomView): Promise<void> {
  const { db, scope } = content;
  const period = requirePeriod(db, scope, view.period);
  const sheets = new Sheets(content);
  const cardholder = cardholderOf(content, view.period, view.roomNumber);
  const conferences = conferenceRowsForView(roomConferences(db, scope, view.period, view.roomNumber), view.sort, sheets.t);
  content.table.progress.total = conferences.length;

  const facts: [MessageKey, FactValue][] = [['col.roomNumber', view.roomNumber]];
  if (cardholder !== null) facts.push(['col.cardholder', cardholder]);
  const table = sheets.table('sheet.conferences', sheets.title('room.title', period, facts), oaiConferenceColumns());
  for (const conference of conferences) await table.add(sheets.oaiConferenceRow(conference, cardholder));
  await table.finish();
}

// ---------------------------------------------------------------- one conference

async function conferenceWorkbook(content: WorkbookContent, view: ConferenceView): Promise<void> {
  const { db, scope } = content;
  const conference = getConference(db, scope, view.period, view.conferenceId);
  if (conference === null) {
    throw new Error(`conference ${view.conferenceId} of ${view.period} (account ${scope.accountNumber}) is not in the cache`);
  }
  const sheets = new Sheets(content);
  const { accountClock } = sheets;
  const period = getPeriod(db, scope, view.period);
  const cardholder = cardholderOf(content, view.period, conference.roomNumber);
  const participants = conferenceParticipants(db, scope, view.period, view.conferenceId);
  content.table.progress.total = participants.length;

  const start = accountClock.localMs(conference.start);
  const facts: [MessageKey, FactValue][] = [['col.roomNumber', conference.roomNumber]];
  if (cardholder !== null) facts.push(['col.cardholder', cardholder]);
  facts.push(['sheet.conferenceStart', start === null ? conference.start : { localMs: start }]);
  facts.push(['col.billingCode', sheets.codeText(effectiveBillingCode(conference))]);

  const { table, cells } = sheets.viewTable('sheet.participants', sheets.title('conference.title', period, facts), PARTICIPANT_COLUMNS);
  for (const leg of participants) await table.add(cells(leg));
  await table.finish();
}

/** A room's cardholder in a period, as the summary lists it. */
export function cardholderOf({ db, scope }: WorkbookContent, period: string, roomNumber: string): string | null {
  return accountSummary(db, scope, period, 'all').rooms.find((r) => r.roomNumber === roomNumber)?.cardholder ?? null;
}

// ---------------------------------------------------------------- several months (bench, archives)

/** One Conferences sheet (OAI's columns) spanning several cached periods, oldest first. */
export async function writePeriodsConferencesWorkbook(content: WorkbookContent, periods: readonly string[]): Promise<void> {
  const { db, scope } = content;
  const infos = [...periods].sort().map((period) => requirePeriod(db, scope, period));
  const sheets = new Sheets(content);
  const { t } = sheets;
  const first = infos[0];
  const last = infos.at(-1);
  const single = infos.length === 1 ? first! : null;
  const periodText =
    first && last && infos.length > 1
      ? t('period.range', { first: sheets.periodName(first), last: sheets.periodName(last) })
      : undefined;
  const counts = infos.map((info) => accountSummary(db, scope, info.period, 'all').total.conferenceCount);
  content.table.progress.total = counts.reduce((sum, n) => sum + n, 0);
  const table = sheets.table('sheet.conferences', sheets.title('room.title', single, [], periodText), oaiConferenceColumns());
  for (const info of infos) {
    for (const conference of periodConferences(db, scope, info.period)) {
      await table.add(sheets.oaiConferenceRow(conference, conference.cardholder));
    }
  }
  await table.finish();
}
