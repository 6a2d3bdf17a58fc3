// What a print layout shows, built from the same bridge calls and the same
// filter/sort rules (src/shared/view-rules.ts) as the interactive views, so a
// printout has exactly the rows, order and totals the user was looking at.
// Every value is formatted here, in the requested language and date style.
import type { ViewRef } from '../../../shared/bridge';
import type { AccountInfo, ConferenceRow, ParticipantRow, PeriodInfo } from '../../../shared/domain';
import {
  billingCodeRowsForView,
  conferenceRowsForView,
  effectiveBillingCode,
  summaryRowsForView,
  sumTotals,
  type SortDirection,
} from '../../../shared/view-rules';
import { callMain } from '../bridge';
import { accessTypeName, conferenceTotals, serviceTypeName } from '../components/conference-columns';
import { formatDate, timeZoneOffset, timeZoneOffsetLabel } from '../format';
import type { Formatter } from '../format-context';
import type { Translate } from '../i18n';
import { newestFirst, periodLabel } from '../period-label';

export interface PrintFact {
  label: string;
  value: string;
}

export interface PrintColumn {
  /** The view's column id, so the column the user sorted by can be marked. */
  id: string;
  header: string;
  numeric?: boolean;
  /** Free text that may wrap (names, codes); other cells stay on one line. */
  wrap?: boolean;
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
}

interface Context {
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
  }
}

// ------------------------------------------------------------------ shared

async function periodOf(accountNumber: string, period: string): Promise<PeriodInfo | null> {
  const periods = await callMain('listPeriods', { accountNumber });
  return periods.find((p) => p.period === period) ?? null;
}

function accountFacts(accountNumber: string, account: AccountInfo | null, { t }: Context): PrintFact[] {
  return [
    { label: t('col.accountNumber'), value: account?.accountNumber ?? accountNumber },
    { label: t('col.companyName'), value: account?.companyName ?? '—' },
  ];
}

function periodFact(period: PeriodInfo | null, { t, format }: Context): PrintFact {
  return { label: t('col.billingPeriod'), value: period ? periodLabel(period, t, format.options) : '—' };
}

function periodNotes(period: PeriodInfo | null, { t }: Context): string[] {
  if (period === null) return [t('print.noPeriod')];
  return period.servedByProvider ? [] : [t('period.archivedHint')];
}

function codeText(conference: ConferenceRow, t: Translate): string {
  const code = effectiveBillingCode(conference) ?? t('code.unallocated');
  return conference.pending?.state === 'pending' ? `${code} (${t('code.pending')})` : code;
}

function documentTitle(...parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(' — ');
}

// ------------------------------------------------------------------ account summary

async function summaryDocument(view: Extract<ViewRef, { kind: 'summary' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [summary, period] = await Promise.all([
    callMain('accountSummary', { accountNumber: view.accountNumber, period: view.period, display: view.display }),
    periodOf(view.accountNumber, view.period),
  ]);
  const account = summary.account;
  const currency = account?.currency ?? 'EUR';
  const rooms = summaryRowsForView(summary.rooms, view.filter, view.sort);
  const filter = view.filter.trim();
  const total =
    filter === ''
      ? summary.total
      : sumTotals(rooms);
  const facts = [
    ...accountFacts(view.accountNumber, account, context),
    periodFact(period, context),
    { label: t('col.roomDisplay'), value: view.display === 'active' ? t('summary.displayActive') : t('summary.displayAll') },
  ];
  if (filter !== '') facts.push({ label: t('print.filter'), value: filter });
  return {
    title: t('summary.title'),
    factGroups: [facts],
    archived: period !== null && !period.servedByProvider,
    notes: periodNotes(period, context),
    columns: [
      { id: 'room', header: t('col.roomNumber') },
      { id: 'cardholder', header: t('col.cardholder'), wrap: true },
      { id: 'code', header: t('col.autoBillingCode'), wrap: true },
      { id: 'time', header: t('col.accumulatedTime'), numeric: true },
      { id: 'charge', header: t('col.charge'), numeric: true },
    ],
    sort: view.sort,
    rows: rooms.map((r) => [
      format.room(r.roomNumber),
      r.cardholder ?? t('summary.noCardholder'),
      r.autoBillingCode ?? '',
      format.duration(r.accumulatedSeconds),
      format.money(r.chargeCents, currency),
    ]),
    total: [filter === '' ? t('table.total') : t('table.totalShown'), '', '', format.duration(total.accumulatedSeconds), format.money(total.chargeCents, currency)],
    emptyText: filter !== '' ? t('summary.noMatch') : view.display === 'active' ? t('summary.noActiveRooms') : t('summary.noRooms'),
    dataAsOf: period?.lastSyncedAt ?? null,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('summary.title'), account?.accountNumber ?? view.accountNumber, period ? periodLabel(period, t, format.options) : view.period),
  };
}

// ------------------------------------------------------------------ billing codes

async function billingCodesDocument(view: Extract<ViewRef, { kind: 'billingCodes' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [codes, summary, period] = await Promise.all([
    callMain('billingCodeSummary', { accountNumber: view.accountNumber, period: view.period }),
    callMain('accountSummary', { accountNumber: view.accountNumber, period: view.period, display: 'active' }),
    periodOf(view.accountNumber, view.period),
  ]);
  const account = summary.account;
  const currency = account?.currency ?? 'EUR';
  const rows = billingCodeRowsForView(codes);
  const total = sumTotals(rows);
  return {
    title: t('codes.title'),
    factGroups: [
      [
        ...accountFacts(view.accountNumber, account, context),
        periodFact(period, context),
        { label: t('codes.codeCount'), value: format.count(rows.filter((r) => r.billingCode !== null).length) },
      ],
    ],
    archived: period !== null && !period.servedByProvider,
    notes: periodNotes(period, context),
    columns: [
      { id: 'code', header: t('col.billingCode'), wrap: true },
      { id: 'count', header: t('col.conferences'), numeric: true },
      { id: 'time', header: t('col.accumulatedTime'), numeric: true },
      { id: 'charge', header: t('col.charge'), numeric: true },
    ],
    // The view's fixed order, not a choice of the user's: no column is marked.
    sort: null,
    rows: rows.map((r) => [
      r.billingCode ?? t('code.unallocated'),
      format.count(r.conferenceCount),
      format.duration(r.accumulatedSeconds),
      format.money(r.chargeCents, currency),
    ]),
    total: [t('table.total'), format.count(total.conferenceCount), format.duration(total.accumulatedSeconds), format.money(total.chargeCents, currency)],
    emptyText: t('codes.empty'),
    dataAsOf: period?.lastSyncedAt ?? null,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('codes.title'), account?.accountNumber ?? view.accountNumber, period ? periodLabel(period, t, format.options) : view.period),
  };
}

// ------------------------------------------------------------------ one room's conferences

async function roomDocument(view: Extract<ViewRef, { kind: 'room' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [conferences, summary, period] = await Promise.all([
    callMain('roomConferences', { accountNumber: view.accountNumber, period: view.period, roomNumber: view.roomNumber }),
    callMain('accountSummary', { accountNumber: view.accountNumber, period: view.period, display: 'all' }),
    periodOf(view.accountNumber, view.period),
  ]);
  const account = summary.account;
  const currency = account?.currency ?? 'EUR';
  const timeZone = account?.timeZone;
  const cardholder = summary.rooms.find((r) => r.roomNumber === view.roomNumber)?.cardholder ?? null;
  const rows = conferenceRowsForView(conferences, view.sort);
  const totals = conferenceTotals(rows);
  const fallbackInstant = `${period?.start ?? `${view.period}-01`}T12:00:00Z`;
  const offsetLabel = timeZone ? timeZoneOffsetLabel(timeZone, rows.map((r) => r.start), fallbackInstant) : 'GMT';
  return {
    title: t('room.title'),
    factGroups: [
      [
        { label: t('col.roomNumber'), value: format.room(view.roomNumber) },
        { label: t('col.cardholder'), value: cardholder ?? t('summary.noCardholder') },
        periodFact(period, context),
      ],
      accountFacts(view.accountNumber, account, context),
    ],
    archived: period !== null && !period.servedByProvider,
    notes: periodNotes(period, context),
    columns: [
      { id: 'date', header: t('col.date') },
      { id: 'time', header: t('col.timeZone', { offset: offsetLabel }) },
      { id: 'quantity', header: t('col.quantity'), numeric: true },
      { id: 'service', header: t('col.serviceType'), wrap: true },
      { id: 'code', header: t('col.billingCode'), wrap: true },
      { id: 'length', header: t('col.length'), numeric: true },
      { id: 'accumulated', header: t('col.accumTime'), numeric: true },
      { id: 'charge', header: t('col.charge'), numeric: true },
    ],
    sort: view.sort,
    rows: rows.map((r) => [
      format.date(r.start, timeZone),
      format.time(r.start, timeZone),
      format.count(r.participantCount),
      serviceTypeName(r.serviceType, t),
      codeText(r, t),
      format.duration(r.lengthSeconds),
      format.duration(r.accumulatedSeconds),
      format.money(r.chargeCents, currency),
    ]),
    total: [
      t('table.total'),
      '',
      format.count(totals.participants),
      '',
      '',
      format.duration(totals.lengthSeconds),
      format.duration(totals.accumulatedSeconds),
      format.money(totals.chargeCents, currency),
    ],
    emptyText: t('room.empty'),
    dataAsOf: period?.lastSyncedAt ?? null,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('room.title'), format.room(view.roomNumber), cardholder, period ? periodLabel(period, t, format.options) : view.period),
  };
}

// ------------------------------------------------------------------ one conference's participants

async function conferenceDocument(view: Extract<ViewRef, { kind: 'conference' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [{ conference, participants }, periods] = await Promise.all([
    callMain('conferenceParticipants', { accountNumber: view.accountNumber, conferenceId: view.conferenceId }),
    callMain('listPeriods', { accountNumber: view.accountNumber }),
  ]);
  // The account (its time zone, currency, phone) comes with any month's summary; the
  // conference's billing period is its month in the account's time zone.
  const utcMonth = conference?.start.slice(0, 7) ?? null;
  const firstPeriod = periods.find((p) => p.period === utcMonth) ?? newestFirst(periods)[0] ?? null;
  let summary = firstPeriod
    ? await callMain('accountSummary', { accountNumber: view.accountNumber, period: firstPeriod.period, display: 'all' })
    : null;
  const account = summary?.account ?? null;
  const timeZone = account?.timeZone;
  const localMonth = conference && timeZone ? formatDate(conference.start, timeZone, { language: 'en', dateStyle: 'iso' }).slice(0, 7) : utcMonth;
  const period = conference ? (periods.find((p) => p.period === localMonth) ?? periods.find((p) => p.period === utcMonth) ?? null) : null;
  if (period && period.period !== firstPeriod?.period) {
    summary = await callMain('accountSummary', { accountNumber: view.accountNumber, period: period.period, display: 'all' });
  }
  const currency = account?.currency ?? 'EUR';
  const cardholder = conference ? (summary?.rooms.find((r) => r.roomNumber === conference.roomNumber)?.cardholder ?? null) : null;
  const totalSeconds = participants.reduce((sum, p) => sum + p.seconds, 0);
  const totalCharge = participants.reduce((sum, p) => sum + p.chargeCents, 0);
  const offset = timeZone && conference ? timeZoneOffset(timeZone, conference.start) : 'GMT';
  const time = (iso: string) => format.time(iso, timeZone, true);

  const factGroups: PrintFact[][] = conference
    ? [
        [
          { label: t('col.date'), value: format.date(conference.start, timeZone) },
          { label: t('col.timeZone', { offset }), value: format.time(conference.start, timeZone) },
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
          ...accountFacts(view.accountNumber, account, context),
        ],
      ]
    : [accountFacts(view.accountNumber, account, context)];
  const notes = conference === null ? [t('conference.notFound')] : period && !period.servedByProvider ? [t('period.archivedHint')] : [];
  return {
    title: t('conference.title'),
    factGroups,
    archived: period !== null && !period.servedByProvider,
    notes,
    columns: [
      { id: 'name', header: t('col.participant'), wrap: true },
      { id: 'phone', header: t('col.phone') },
      { id: 'access', header: t('col.accessType'), wrap: true },
      { id: 'joined', header: `${t('col.joined')} [${offset}]` },
      { id: 'left', header: `${t('col.left')} [${offset}]` },
      { id: 'duration', header: t('col.duration'), numeric: true },
      { id: 'charge', header: t('col.charge'), numeric: true },
    ],
    // Main's order, the conference view's default: by the time each participant joined.
    sort: null,
    rows: participants.map((p: ParticipantRow) => [
      p.name ?? t('conference.unknownName'),
      p.phone ?? '',
      accessTypeName(p.accessType, t),
      time(p.joinedAt),
      time(p.leftAt),
      format.duration(p.seconds),
      format.money(p.chargeCents, currency),
    ]),
    total: [
      t('table.total'),
      t('conference.participantCount', { count: format.count(participants.length) }),
      '',
      '',
      '',
      format.duration(totalSeconds),
      format.money(totalCharge, currency),
    ],
    emptyText: t('conference.noParticipants'),
    dataAsOf: period?.lastSyncedAt ?? null,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(
      t('conference.title'),
      conference ? `${format.date(conference.start, timeZone)} ${format.time(conference.start, timeZone)}` : view.conferenceId,
      conference ? format.room(conference.roomNumber) : null,
    ),
  };
}
