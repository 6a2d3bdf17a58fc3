// The print layouts of the conference lists that span rooms: one billing
// code's conferences of a month, and every conference a search finds.
import type { ViewRef } from '../../../shared/bridge';
import { conferenceColumns, conferenceListOffset, SEARCH_COLUMNS, sortedForView } from '../../../shared/columns';
import type { SearchHit } from '../../../shared/search-contract';
import { SEARCH_EXPORT_LIMIT } from '../../../shared/search-contract';
import { callMain } from '../bridge';
import {
  accountFacts,
  accountFormat,
  codeText,
  documentTitle,
  periodFact,
  periodNotes,
  periodOf,
  periodParts,
  timeZoneNotes,
  type Context,
  type PrintDocument,
} from './print-document';
import { printTable } from './print-table';

export async function codeConferencesDocument(view: Extract<ViewRef, { kind: 'codeConferences' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const [conferences, summary, period] = await Promise.all([
    callMain('billingCodeConferences', { profileId: view.profileId, period: view.period, billingCode: view.billingCode }),
    callMain('accountSummary', { profileId: view.profileId, period: view.period, display: 'all' }),
    periodOf(view.profileId, view.period),
  ]);
  const account = summary.account;
  const cardholders = new Map(summary.rooms.map((room) => [room.roomNumber, room.cardholder]));
  const columns = conferenceColumns({ cardholderOf: (roomNumber) => cardholders.get(roomNumber) ?? null });
  const rows = sortedForView(conferences, columns, view.sort, t);
  const codeName = view.billingCode ?? t('code.unallocated');
  const { periodName, ...periodState } = periodParts(period, view.period, context);
  return {
    title: t('codes.codeTitle', { code: codeName }),
    factGroups: [
      [
        { label: t('col.billingCode'), value: codeName },
        { label: t('col.conferences'), value: format.count(rows.length) },
        periodFact(period, context),
      ],
      accountFacts(account, context),
    ],
    ...periodState,
    notes: [...periodNotes(period, context), ...timeZoneNotes(account, context)],
    ...printTable(columns, rows, {
      ...accountFormat(account, context),
      offset: conferenceListOffset(account?.timeZone, rows, period?.start ?? `${view.period}-01`),
      totalLabel: t('table.total'),
      cells: { code: (r) => codeText(r, t) },
    }),
    sort: view.sort,
    emptyText: t('codes.noConferences'),
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('codes.codeTitle', { code: codeName }), account?.accountNumber, periodName),
  };
}

export async function searchDocument(view: Extract<ViewRef, { kind: 'search' }>, context: Context): Promise<PrintDocument> {
  const { t, format } = context;
  const terms = { profileId: view.profileId, text: view.text, from: view.from, to: view.to };
  const hits: SearchHit[] = [];
  let complete = true;
  for (let more = true; more && hits.length < SEARCH_EXPORT_LIMIT; ) {
    const page = await callMain('searchArchive', { ...terms, offset: hits.length });
    hits.push(...page.hits);
    more = page.hasMore;
    complete &&= page.complete;
  }
  const periods = await callMain('listPeriods', { profileId: view.profileId });
  const newest = periods.reduce<string | null>((latest, p) => (latest === null || (p.lastSyncedAt ?? '') > latest ? p.lastSyncedAt : latest), null);
  // The account's details come with its newest month's summary.
  const first = hits[0]?.period ?? periods[0]?.period;
  const account = first ? (await callMain('accountSummary', { profileId: view.profileId, period: first, display: 'active' })).account : null;
  const months = view.from === null && view.to === null ? t('search.allMonths') : `${view.from ?? '…'} – ${view.to ?? '…'}`;
  return {
    title: t('search.title'),
    factGroups: [
      [
        { label: t('search.words'), value: view.text },
        { label: t('search.months'), value: months },
        { label: t('search.found'), value: format.count(hits.length) },
      ],
      accountFacts(account, context),
    ],
    archived: false,
    notes: [...(complete ? [] : [t('search.incomplete')]), ...timeZoneNotes(account, context)],
    ...printTable(SEARCH_COLUMNS, hits, {
      ...accountFormat(account, context),
      offset: conferenceListOffset(account?.timeZone, hits, `${first ?? '2000-01'}-01`),
      totalLabel: t('table.total'),
      cells: { code: (r) => codeText(r, t) },
    }),
    sort: null,
    emptyText: t('search.empty'),
    dataAsOf: newest,
    supportPhone: account?.supportPhone ?? null,
    documentTitle: documentTitle(t('search.title'), view.text, account?.accountNumber),
  };
}
