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
} from '../../shared/columns';
import type { PeriodInfo } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n';
import { billingCodeRowsForView, effectiveBillingCode } from '../../shared/view-rules';
import {
  accountSummary,
  billingCodeSummary,
  conferenceParticipants,
  getConference,
  getPeriod,
  periodConferences,
  periodParticipants,
  roomConferences,
} from '../cache';
import { oaiConferenceColumns } from './oai-columns';
import { attentionWorkbook, chargebackWorkbook } from './report-workbooks';
import type { FactValue } from './sheet-table';
import { Sheets, requirePeriod, type WorkbookContent } from './sheets';
import { codeConferencesWorkbook, searchWorkbook } from './list-workbooks';

export type { WorkbookContent } from './sheets';

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
    case 'chargeback':
      return chargebackWorkbook(content, view);
    case 'attention':
      return attentionWorkbook(content, view);
    case 'codeConferences':
      return codeConferencesWorkbook(content, view);
    case 'search':
      return searchWorkbook(content, view);
  }
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
