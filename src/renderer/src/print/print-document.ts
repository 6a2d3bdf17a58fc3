// What a print layout shows, built from the same bridge calls and the same
// filter/sort rules (src/shared/view-rules.ts) as the interactive views, so a
// printout has exactly the rows, order and totals the user was looking at.
// Every value is formatted here, in the requested language and date style.
import type { ViewRef } from '../../../shared/bridge';
import {
  BILLING_CODE_COLUMNS,
  CONFERENCE_COLUMNS,
  PARTICIPANT_COLUMNS,
  SUMMARY_COLUMNS,
  codesUsed,
  conferenceListOffset,
  conferenceRowsForView,
  summaryEmptyKey,
  summaryRowsForView,
  summaryTotalKey,
  withOffset,
} from '../../../shared/columns';
import { currencyOf, periodDataAsOf, type AccountInfo, type ConferenceRow, type PeriodInfo } from '../../../shared/domain';
import { timeZoneNote, timeZoneOffset, type Formatter } from '../../../shared/format';
import { serviceTypeName, type Translate } from '../../../shared/i18n';
import { periodLabel } from '../../../shared/period-label';
import { billingCodeRowsForView, effectiveBillingCode, type SortDirection } from '../../../shared/view-rules';
import { callMain } from '../bridge';
import { codeConferencesDocument, searchDocument } from './list-documents';
import { printTable, type PrintColumn } from './print-table';
import { attentionDocument, chargebackDocument, type PrintChart } from './report-documents';

export interface PrintFact {
  label: string;
  value: string;
}

export interface PrintDocument {
  /** OAI's heading of the view: ACCOUNT SUMMARY, CONFERENCE LIST… */
  title: string;
  /** Label/value blocks shown side by side, as OAI's pages show CONFERENCE LIST beside ACCOUNT SUMMARY. */
  factGroups: PrintFact[][];
  archived: boolean;
  /** Sentences under the facts (archived month, conference no longer cached…). */
  notes: string[];
  columns: PrintColumn[];
  sort: { column: string; direction: SortDirection } | null;
  rows: string[][];
  /** The Total row's cells, or null when the table has none. */
  total: string[] | null;
  emptyText: string;
  /** When the shown data was last synced (UTC), null if never. */
  dataAsOf: string | null;
  supportPhone: string | null;
  /** The document's title (print dialogs suggest it as the file name). */
  documentTitle: string;
  /** A chart above the table (its component already loaded). */
  chart?: PrintChart;
}

export interface Context {
  t: Translate;
  format: Formatter;
}

export function loadPrintDocument(view: ViewRef, context: Context): Promise<PrintDocument> {
  switch (view.kind) {
    case 'summary':
      return summaryDocument(view, context);
    case 'billingCodes':
      return billingCodesDocument(view, context);
    case 'room':
      return roomDocument(view, context);
    case 'conference':
      return conferenceDocument(view, context);
    case 'chargeback':
      return chargebackDocument(view, context);
    case 'attention':
      return attentionDocument(view, context);
    case 'codeConferences':
      return codeConferencesDocument(view, context);
    case 'search':
      return searchDocument(view, context);
  }
}

// ------------------------------------------------------------------ shared

export async function periodOf(profileId: string, period: string): Promise<PeriodInfo | null> {
  const periods = await callMain('listPeriods', { profileId });
  return periods.find((p) => p.period === period) ?? null;
}

export function accountFacts(account: AccountInfo | null, { t }: Context): PrintFact[] {
  return [
    { label: t('col.accountNumber'), value: account?.accountNumber ?? '—' },
    { label: t('col.companyName'), value: account?.companyName ?? '—' },
  ];
}

export function periodFact(period: PeriodInfo | null, { t, format }: Context): PrintFact {
  return { label: t('col.billingPeriod'), value: period ? periodLabel(period, t, format.options) : '—' };
}

export function periodNotes(period: PeriodInfo | null, { t }: Context): string[] {
  if (period === null) return [t('print.noPeriod')];
  return period.servedByProvider ? [] : [t('period.archivedHint')];
}

/** That the times are in UTC, when the account's time zone is not known here. */
export function timeZoneNotes(account: AccountInfo | null, { t }: Context): string[] {
  const note = timeZoneNote(account?.timeZone, t);
  return note === null ? [] : [note];
}

/** What a document says about its billing period: archived or not, and its name in the title. */
export function periodParts(period: PeriodInfo | null, periodKey: string, { t, format }: Context) {
  return {
    archived: period !== null && !period.servedByProvider,
    dataAsOf: periodDataAsOf(period),
    periodName: period ? periodLabel(period, t, format.options) : periodKey,
  };
}

export function codeText(conference: ConferenceRow, t: Translate): string {
  const code = effectiveBillingCode(conference) ?? t('code.unallocated');
  return conference.pending?.state === 'pending' ? `${code} (${t('code.pending')})` : code;
}

export function documentTitle(...parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(' — ');
}

/** How the account's tables format: its currency and time zone. */
export function accountFormat(account: AccountInfo | null, { t, format }: Context) {
  return { t, format, currency: currencyOf(account), timeZone: account?.timeZone };
}

// ------------------------------------------------------------------ account summary

async function summaryDocument(view: Extract<ViewRef, { kind: 'summary' }>, context: Context): Promise<PrintDocument> {
  const { t } = context;
  const [summary, period] = await Promise.all([
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: view.display }),
    periodOf(view.profileId, view.period),
  ]);
  const account = summary.account;
  const rooms = summaryRowsForView(summary.rooms, view.filter, view.sort, t);
  const filter = view.filter.trim();
  const facts = [
    ...accountFacts(account, context),
    periodFact(period, context),
    { label: t('col.roomDisplay'), value: view.display === 'active' ? t('summary.displayActive') : t('summary.displayAll') },
  ];
  if (filter !== '') facts.push({ label: t('print.filter'), value: filter });
  const { periodName, ...periodState } = periodParts(period, view.period, context);
  return {
    title: t('summary.title'),
    factGroups: [facts],
    ...periodState,
    notes: periodNotes(period, context),
    ...printTable(SUMMARY_COLUMNS, rooms, { ...accountFormat(account, context), offset: null, totalLabel: t(summaryTotalKey(view.filter)) }),
    sort: view.sort,
    emptyText: t(summaryEmptyKey(view.filter, view.display)),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('summary.title'), account?.accountNumber, periodName),
  };
}

// ------------------------------------------------------------------ billing codes

async function billingCodesDocument(view: Extract<ViewRef, { kind: 'billingCodes' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [codes, summary, period] = await Promise.all([
    callMain('billingCodeSummary', { profileId: view.profileId, period: view.period }),
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: 'active' }),
    periodOf(view.profileId, view.period),
  ]);
  const account = summary.account;
  const rows = billingCodeRowsForView(codes);
  const { periodName, ...periodState } = periodParts(period, view.period, context);
  return {
    title: t('codes.title'),
    factGroups: [
      [
        ...accountFacts(account, context),
        periodFact(period, context),
        { label: t('codes.codeCount'), value: format.count(codesUsed(rows)) },
      ],
    ],
    ...periodState,
    notes: periodNotes(period, context),
    ...printTable(BILLING_CODE_COLUMNS, rows, { ...accountFormat(account, context), offset: null, totalLabel: t('table.total') }),
    // The view's fixed order, not a choice of the user's: no column is marked.
    sort: null,
    emptyText: t('codes.empty'),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('codes.title'), account?.accountNumber, periodName),
  };
}

// ------------------------------------------------------------------ one room's conferences

async function roomDocument(view: Extract<ViewRef, { kind: 'room' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [conferences, summary, period] = await Promise.all([
    callMain('roomConferences', { profileId: view.profileId, period: view.period, roomNumber: view.roomNumber }),
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: 'all' }),
    periodOf(view.profileId, view.period),
  ]);
  const account = summary.account;
  const cardholder = summary.rooms.find((r) => r.roomNumber === view.roomNumber)?.cardholder ?? null;
  const rows = conferenceRowsForView(conferences, view.sort, t);
  const offset = conferenceListOffset(account?.timeZone, rows, period?.start ?? `${view.period}-01`);
  const { periodName, ...periodState } = periodParts(period, view.period, context);
  return {
    title: t('room.title'),
    factGroups: [
      [
        { label: t('col.roomNumber'), value: format.room(view.roomNumber) },
        { label: t('col.cardholder'), value: cardholder ?? t('summary.noCardholder') },
        periodFact(period, context),
      ],
      accountFacts(account, context),
    ],
    ...periodState,
    notes: [...periodNotes(period, context), ...timeZoneNotes(account, context)],
    ...printTable(CONFERENCE_COLUMNS, rows, {
      ...accountFormat(account, context),
      offset,
      totalLabel: t('table.total'),
      cells: { code: (r) => codeText(r, t) },
    }),
    sort: view.sort,
    emptyText: t('room.empty'),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('room.title'), format.room(view.roomNumber), cardholder, periodName),
  };
}

// ------------------------------------------------------------------ one conference's participants

async function conferenceDocument(view: Extract<ViewRef, { kind: 'conference' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  // The account (its time zone, currency, phone) and the room's cardholder come with the month's summary.
  const [{ conference, participants }, summary] = await Promise.all([
    callMain('conferenceParticipants', { profileId: view.profileId, period: view.period, conferenceId: view.conferenceId }),
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: 'all' }),
  ]);
  // As Download does: nothing is printed or saved for a conference that is gone (the layout reports the error).
  if (conference === null) throw new Error(t('conference.notFound'));
  const account = summary.account;
  const period = summary.period;
  const timeZone = account?.timeZone;
  const currency = currencyOf(account);
  const cardholder = summary.rooms.find((r) => r.roomNumber === conference.roomNumber)?.cardholder ?? null;
  const offset = timeZone ? timeZoneOffset(timeZone, conference.start) : 'GMT';

  const factGroups: PrintFact[][] = [
    [
      { label: t('col.date'), value: format.date(conference.start, timeZone) },
      { label: withOffset(t('col.time'), offset), value: format.time(conference.start, timeZone) },
      { label: t('col.roomNumber'), value: format.room(conference.roomNumber) },
      { label: t('col.cardholder'), value: cardholder ?? '—' },
      { label: t('col.serviceType'), value: serviceTypeName(conference.serviceType, t) },
      { label: t('col.billingCode'), value: codeText(conference, t) },
    ],
    [
      { label: t('col.length'), value: format.duration(conference.lengthSeconds) },
      { label: t('col.accumTime'), value: format.duration(conference.accumulatedSeconds) },
      { label: t('col.charge'), value: format.money(conference.chargeCents, currency) },
      periodFact(period, context),
      ...accountFacts(account, context),
    ],
  ];
  const notes = period && !period.servedByProvider ? [t('period.archivedHint')] : [];
  notes.push(...timeZoneNotes(account, context));
  return {
    title: t('conference.title'),
    factGroups,
    archived: period !== null && !period.servedByProvider,
    notes,
    ...printTable(PARTICIPANT_COLUMNS, participants, { ...accountFormat(account, context), offset, totalLabel: t('table.total') }),
    // Main's order, the conference view's default: by the time each participant joined.
    sort: null,
    emptyText: t('conference.noParticipants'),
    dataAsOf: periodDataAsOf(period),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(
      t('conference.title'),
      `${format.date(conference.start, timeZone)} ${format.time(conference.start, timeZone)}`,
      format.room(conference.roomNumber),
    ),
  };
}
