// The workbooks of the conference lists that span rooms: one billing code's
// conferences of a month, and every conference a search finds (across
// months). Both use OAI's download columns, like a room's list.
import type { ViewRef } from '../../shared/bridge';
import { conferenceColumns, sortedForView } from '../../shared/columns';
import { SEARCH_EXPORT_LIMIT } from '../../shared/search-contract';
import { accountSummary, billingCodeConferences, searchConferences, type SearchHit } from '../cache';
import { oaiConferenceColumns } from './oai-columns';
import type { FactValue } from './sheet-table';
import { requirePeriod, Sheets, type WorkbookContent } from './sheets';
import type { MessageKey } from '../../shared/i18n';

type CodeConferencesView = Extract<ViewRef, { kind: 'codeConferences' }>;
type SearchView = Extract<ViewRef, { kind: 'search' }>;

export async function codeConferencesWorkbook(content: WorkbookContent, view: CodeConferencesView): Promise<void> {
  const { db, scope } = content;
  const period = requirePeriod(db, scope, view.period);
  const sheets = new Sheets(content);
  const cardholders = new Map(accountSummary(db, scope, view.period, 'all').rooms.map((room) => [room.roomNumber, room.cardholder]));
  const cardholderOf = (roomNumber: string) => cardholders.get(roomNumber) ?? null;
  const rows = sortedForView(billingCodeConferences(db, scope, view.period, view.billingCode), conferenceColumns({ cardholderOf }), view.sort, sheets.t);
  content.table.progress.total = rows.length;
  const facts: [MessageKey, FactValue][] = [['col.billingCode', sheets.codeText(view.billingCode)]];
  const table = sheets.table('sheet.conferences', sheets.title('room.title', period, facts), oaiConferenceColumns());
  for (const conference of rows) await table.add(sheets.oaiConferenceRow(conference, cardholderOf(conference.roomNumber)));
  await table.finish();
}

export async function searchWorkbook(content: WorkbookContent, view: SearchView): Promise<void> {
  const { db, scope } = content;
  const sheets = new Sheets(content);
  const { t } = sheets;
  const hits: SearchHit[] = searchConferences(db, scope, { text: view.text, from: view.from, to: view.to, offset: 0, limit: SEARCH_EXPORT_LIMIT }).hits;
  content.table.progress.total = hits.length;
  const facts: [MessageKey, FactValue][] = [['search.words', view.text]];
  const months = view.from === null && view.to === null ? t('search.allMonths') : `${view.from ?? '…'} – ${view.to ?? '…'}`;
  const table = sheets.table('sheet.conferences', sheets.title('search.title', null, facts, months), oaiConferenceColumns());
  for (const hit of hits) await table.add(sheets.oaiConferenceRow(hit, hit.cardholder));
  await table.finish();
}


