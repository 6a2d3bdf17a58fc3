// What each view's workbook holds: the rows the view shows (same filter,
// same sort, src/shared/view-rules.ts), with a title block naming the
// account, the billing period and when the data was synced.
import type { ViewRef } from '../../shared/bridge';
import type { AccountInfo, ConferenceRow, ParticipantRow, PeriodInfo } from '../../shared/domain';
import { conferenceRowsForView, effectiveBillingCode, summaryRowsForView } from '../../shared/view-rules';
import {
  accountSummary,
  billingCodeSummary,
  getConference,
  conferenceParticipants,
  getAccount,
  getPeriod,
  lastSuccessfulSync,
  periodConferences,
  periodParticipants,
  roomConferences,
  type ReadableDB,
} from '../cache';
import { WallClock, type ExportPresentation } from './excel-values';
import { OAI_CONFERENCE_COLUMNS, accessTypeName, translator, type LabelKey, type Translate } from './labels';
import { StreamedTable, type CellInput, type FactValue, type TableColumn, type TableContext, type TitleBlock } from './sheet-table';
import { billingCodeRowsForView } from '../../shared/view-rules';

export interface WorkbookContent {
  db: ReadableDB;
  presentation: ExportPresentation;
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
  }
}

// ---------------------------------------------------------------- shared pieces

/** What every sheet of one export shares: the account, its clocks, the labels. */
class Sheets {
  readonly t: Translate;
  readonly account: AccountInfo;
  /** Conference times are shown in the account's time zone. */
  readonly accountClock: WallClock;
  /** Generated / synced times are shown in this computer's time zone. */
  readonly computerClock = new WallClock(undefined);

  constructor(
    readonly content: WorkbookContent,
    accountNumber: string,
  ) {
    this.t = translator(content.presentation.language);
    this.account = getAccount(content.db, accountNumber) ?? {
      accountNumber,
      companyName: '',
      currency: 'EUR',
      timeZone: 'UTC',
      supportPhone: null,
    };
    this.accountClock = new WallClock(this.account.timeZone);
  }

  table(sheetName: LabelKey, title: TitleBlock, columns: readonly TableColumn[], totalLabel: LabelKey = 'table.total'): StreamedTable {
    const context: TableContext = { ...this.content.table, currency: this.account.currency };
    return new StreamedTable(context, { sheetName: this.t(sheetName), title, columns, totalLabel: this.t(totalLabel) });
  }

  title(heading: LabelKey, period: PeriodInfo | null, extraFacts: readonly (readonly [LabelKey, FactValue])[], periodText?: string): TitleBlock {
    const { t, account } = this;
    const facts: [string, FactValue][] = [
      [t('info.accountNumber'), account.accountNumber],
      [t('info.companyName'), account.companyName],
      [t('info.billingPeriod'), periodText ?? (period ? periodLabel(period, this.content.presentation, t) : t('info.notInCache'))],
      ...extraFacts.map(([key, value]): [string, FactValue] => [t(key), value]),
      [t('info.generatedAt'), { localMs: this.computerClock.localMsOf(this.content.generatedAt.getTime()) }],
    ];
    const synced = dataAsOf(this.content.db, account.accountNumber, period);
    const syncedMs = synced === null ? null : this.computerClock.localMs(synced);
    facts.push([t('info.dataAsOf'), syncedMs === null ? t('info.neverSynced') : { localMs: syncedMs }]);
    const notes = period !== null && !period.servedByProvider ? [t('info.archived')] : [];
    return { heading: t(heading), facts, notes };
  }

  codeText(code: string | null): string {
    return code ?? this.t('code.unallocated');
  }

  /** OAI's download columns, English in every language. */
  oaiConferenceColumns(): TableColumn[] {
    const kinds: TableColumn['kind'][] = ['date', 'time', 'text', 'text', 'count', 'text', 'duration', 'duration', 'money'];
    return OAI_CONFERENCE_COLUMNS.map((header, index) => ({
      header,
      kind: kinds[index]!,
      total: ['PARTICIPANTS', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES'].includes(header),
    }));
  }

  /** A participant leg's own columns, as the Participants sheets end with them. */
  legColumns(): TableColumn[] {
    const { t } = this;
    return [
      { header: t('col.name'), kind: 'text' },
      { header: t('col.phone'), kind: 'text' },
      { header: t('col.accessType'), kind: 'text' },
      { header: t('col.joined'), kind: 'time' },
      { header: t('col.left'), kind: 'time' },
      { header: t('col.duration'), kind: 'duration', total: true },
      { header: t('col.charge'), kind: 'money', total: true },
    ];
  }

  legCells(leg: ParticipantRow): CellInput[] {
    return [
      leg.name,
      leg.phone,
      accessTypeName(leg.accessType, this.t),
      this.accountClock.localMs(leg.joinedAt),
      this.accountClock.localMs(leg.leftAt),
      leg.seconds,
      leg.chargeCents,
    ];
  }

  oaiConferenceRow(conference: ConferenceRow, cardholder: string | null): CellInput[] {
    const local = this.accountClock.localMs(conference.start);
    return [
      local,
      local,
      conference.roomNumber,
      cardholder,
      conference.participantCount,
      this.codeText(effectiveBillingCode(conference)),
      conference.lengthSeconds,
      conference.accumulatedSeconds,
      conference.chargeCents,
    ];
  }
}

function requirePeriod(db: ReadableDB, accountNumber: string, period: string): PeriodInfo {
  const info = getPeriod(db, accountNumber, period);
  if (info === null) throw new Error(`period ${period} of account ${accountNumber} is not in the cache`);
  return info;
}

/**
 * When the exported data was last confirmed: for a month the provider still
 * serves, the later of the last fully successful sync and the month's own
 * download; for an archived month, its last download.
 */
export function dataAsOf(db: ReadableDB, accountNumber: string, period: PeriodInfo | null): string | null {
  const lastSuccess = lastSuccessfulSync(db, accountNumber);
  if (period === null) return lastSuccess;
  if (!period.servedByProvider || lastSuccess === null) return period.lastSyncedAt ?? lastSuccess;
  return period.lastSyncedAt !== null && Date.parse(period.lastSyncedAt) > Date.parse(lastSuccess) ? period.lastSyncedAt : lastSuccess;
}

const INTL_LOCALE = { en: 'en-US', fr: 'fr-FR' } as const;

/** As OAI names a period: "Since 1/05/2009 — Not invoiced", or "May 2009 — Invoiced". */
export function periodLabel(period: PeriodInfo, p: ExportPresentation, t: Translate): string {
  return period.invoiced
    ? t('period.invoiced', { month: monthName(period.period, p) })
    : t('period.open', { start: calendarDayText(period.start, p) });
}

function monthName(period: string, p: ExportPresentation): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  if (p.dateStyle === 'iso') return period;
  const locale = INTL_LOCALE[p.language];
  const text = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A YYYY-MM-DD day the way OAI writes a period's start: fr `1/05/2009`, en `5/1/2009`, iso as is. */
function calendarDayText(ymd: string, p: ExportPresentation): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match || p.dateStyle === 'iso') return ymd;
  const [year, month, day] = [match[1]!, Number(match[2]), Number(match[3])];
  return p.language === 'fr' ? `${day}/${String(month).padStart(2, '0')}/${year}` : `${month}/${day}/${year}`;
}

// ---------------------------------------------------------------- account summary

async function summaryWorkbook(content: WorkbookContent, view: SummaryView): Promise<void> {
  const { db } = content;
  const period = requirePeriod(db, view.accountNumber, view.period);
  const sheets = new Sheets(content, view.accountNumber);
  const { t } = sheets;
  const summary = accountSummary(db, view.accountNumber, view.period, view.display);
  const rooms = summaryRowsForView(summary.rooms, view.filter, view.sort);
  const kept = new Set(rooms.map((room) => room.roomNumber));
  const filtered = view.filter.trim() !== '';
  const facts: [LabelKey, FactValue][] = [['info.roomDisplay', t(view.display === 'active' ? 'display.active' : 'display.all')]];
  if (filtered) facts.push(['info.filter', view.filter.trim()]);
  const totalLabel: LabelKey = filtered ? 'table.totalShown' : 'table.total';

  const { progress } = content.table;
  progress.total = null;

  const roomTable = sheets.table('sheet.summary', sheets.title('title.summary', period, facts), [
    { header: t('col.roomNumber'), kind: 'text' },
    { header: t('col.cardholder'), kind: 'text' },
    { header: t('col.autoBillingCode'), kind: 'text' },
    { header: t('col.conferences'), kind: 'count', total: true },
    { header: t('col.accumulatedTime'), kind: 'duration', total: true },
    { header: t('col.charge'), kind: 'money', total: true },
  ], totalLabel);
  for (const room of rooms) {
    await roomTable.add([room.roomNumber, room.cardholder, room.autoBillingCode, room.conferenceCount, room.accumulatedSeconds, room.chargeCents]);
  }
  await roomTable.finish();

  const conferenceTable = sheets.table('sheet.conferences', sheets.title('title.conferences', period, facts), sheets.oaiConferenceColumns(), totalLabel);
  let legs = 0;
  for (const conference of periodConferences(db, view.accountNumber, view.period)) {
    if (!kept.has(conference.roomNumber)) continue;
    legs += conference.participantCount;
    await conferenceTable.add(sheets.oaiConferenceRow(conference, conference.cardholder));
  }
  await conferenceTable.finish();
  progress.total = progress.rows + legs;

  await participantsSheet(sheets, view.accountNumber, view.period, period, facts, kept, totalLabel);
}

async function participantsSheet(
  sheets: Sheets,
  accountNumber: string,
  periodKey: string,
  period: PeriodInfo,
  facts: readonly (readonly [LabelKey, FactValue])[],
  kept: ReadonlySet<string>,
  totalLabel: LabelKey,
): Promise<void> {
  const { t, accountClock } = sheets;
  const table = sheets.table('sheet.participants', sheets.title('title.participants', period, facts), [
    { header: t('col.date'), kind: 'date' },
    { header: t('col.startTime'), kind: 'time' },
    { header: t('col.roomNumber'), kind: 'text' },
    { header: t('col.conferenceId'), kind: 'text' },
    ...sheets.legColumns(),
  ], totalLabel);
  for (const leg of periodParticipants(sheets.content.db, accountNumber, periodKey)) {
    if (!kept.has(leg.roomNumber)) continue;
    const start = accountClock.localMs(leg.conferenceStart);
    await table.add([
      start,
      start,
      leg.roomNumber,
      leg.conferenceId,
      ...sheets.legCells(leg),
    ]);
  }
  await table.finish();
}

// ---------------------------------------------------------------- billing codes

async function billingCodesWorkbook(content: WorkbookContent, view: BillingCodesView): Promise<void> {
  const { db } = content;
  const period = requirePeriod(db, view.accountNumber, view.period);
  const sheets = new Sheets(content, view.accountNumber);
  const { t } = sheets;
  const codes = billingCodeRowsForView(billingCodeSummary(db, view.accountNumber, view.period));
  content.table.progress.total = codes.length + codes.reduce((sum, code) => sum + code.conferenceCount, 0);

  const codeTable = sheets.table('sheet.billingCodes', sheets.title('title.billingCodes', period, []), [
    { header: t('col.billingCode'), kind: 'text' },
    { header: t('col.conferences'), kind: 'count', total: true },
    { header: t('col.accumulatedTime'), kind: 'duration', total: true },
    { header: t('col.charge'), kind: 'money', total: true },
  ]);
  for (const code of codes) {
    await codeTable.add([sheets.codeText(code.billingCode), code.conferenceCount, code.accumulatedSeconds, code.chargeCents]);
  }
  await codeTable.finish();

  const conferenceTable = sheets.table('sheet.conferences', sheets.title('title.conferences', period, []), sheets.oaiConferenceColumns());
  for (const conference of periodConferences(db, view.accountNumber, view.period)) {
    await conferenceTable.add(sheets.oaiConferenceRow(conference, conference.cardholder));
  }
  await conferenceTable.finish();
}

// ---------------------------------------------------------------- room

async function roomWorkbook(content: WorkbookContent, view: RoomView): Promise<void> {
  const { db } = content;
  const period = requirePeriod(db, view.accountNumber, view.period);
  const sheets = new Sheets(content, view.accountNumber);
  const room = accountSummary(db, view.accountNumber, view.period, 'all').rooms.find((r) => r.roomNumber === view.roomNumber);
  const cardholder = room?.cardholder ?? null;
  const conferences = conferenceRowsForView(roomConferences(db, view.accountNumber, view.period, view.roomNumber), view.sort);
  content.table.progress.total = conferences.length;

  const facts: [LabelKey, FactValue][] = [['info.roomNumber', view.roomNumber]];
  if (cardholder !== null) facts.push(['info.cardholder', cardholder]);
  const table = sheets.table('sheet.conferences', sheets.title('title.room', period, facts), sheets.oaiConferenceColumns());
  for (const conference of conferences) await table.add(sheets.oaiConferenceRow(conference, cardholder));
  await table.finish();
}

// ---------------------------------------------------------------- one conference

async function conferenceWorkbook(content: WorkbookContent, view: ConferenceView): Promise<void> {
  const { db } = content;
  const conference = getConference(db, view.accountNumber, view.conferenceId);
  if (conference === null) {
    throw new Error(`conference ${view.conferenceId} of account ${view.accountNumber} is not in the cache`);
  }
  const sheets = new Sheets(content, view.accountNumber);
  const { accountClock } = sheets;
  const period = periodOfConference(db, sheets, conference);
  const cardholder =
    period === null
      ? null
      : (accountSummary(db, view.accountNumber, period.period, 'all').rooms.find((r) => r.roomNumber === conference.roomNumber)?.cardholder ?? null);
  const participants = conferenceParticipants(db, view.accountNumber, view.conferenceId);
  content.table.progress.total = participants.length;

  const start = accountClock.localMs(conference.start);
  const facts: [LabelKey, FactValue][] = [['info.roomNumber', conference.roomNumber]];
  if (cardholder !== null) facts.push(['info.cardholder', cardholder]);
  facts.push(['info.conference', start === null ? conference.start : { localMs: start }]);
  facts.push(['info.billingCode', sheets.codeText(effectiveBillingCode(conference))]);

  const table = sheets.table('sheet.participants', sheets.title('title.conference', period, facts), sheets.legColumns());
  for (const leg of participants) await table.add(sheets.legCells(leg));
  await table.finish();
}

/**
 * The cached period holding a conference: the month of its local start, or
 * of its UTC start (checked against the room's conferences of that month).
 */
function periodOfConference(db: ReadableDB, sheets: Sheets, conference: ConferenceRow): PeriodInfo | null {
  const local = sheets.accountClock.localMs(conference.start);
  const candidates = [local === null ? null : new Date(local).toISOString().slice(0, 7), conference.start.slice(0, 7)];
  for (const candidate of new Set(candidates)) {
    if (candidate === null) continue;
    const period = getPeriod(db, sheets.account.accountNumber, candidate);
    if (period && roomConferences(db, sheets.account.accountNumber, candidate, conference.roomNumber).some((c) => c.id === conference.id)) {
      return period;
    }
  }
  return null;
}

// ---------------------------------------------------------------- several months (bench, archives)

/** One Conferences sheet (OAI's columns) spanning several cached periods, oldest first. */
export async function writePeriodsConferencesWorkbook(content: WorkbookContent, accountNumber: string, periods: readonly string[]): Promise<void> {
  const { db } = content;
  const infos = [...periods].sort().map((period) => requirePeriod(db, accountNumber, period));
  const sheets = new Sheets(content, accountNumber);
  const { t } = sheets;
  const first = infos[0];
  const last = infos.at(-1);
  const single = infos.length === 1 ? first! : null;
  const periodText =
    first && last && infos.length > 1
      ? t('period.range', { first: periodLabel(first, content.presentation, t), last: periodLabel(last, content.presentation, t) })
      : undefined;
  const counts = infos.map((info) => accountSummary(db, accountNumber, info.period, 'all').total.conferenceCount);
  content.table.progress.total = counts.reduce((sum, n) => sum + n, 0);
  const table = sheets.table('sheet.conferences', sheets.title('title.conferences', single, [], periodText), sheets.oaiConferenceColumns());
  for (const info of infos) {
    for (const conference of periodConferences(db, accountNumber, info.period)) {
      await table.add(sheets.oaiConferenceRow(conference, conference.cardholder));
    }
  }
  await table.finish();
}
