// What a month's writer does with each page body the provider sends: parse
// and check it (schema, each conference's sums, the period's running sums),
// then flatten it into staging rows. On a writer thread this is the heavy
// part of a sync that the main thread no longer does.
import type { FlatPage } from '../cache';
import type { ApiRoom } from '../provider/api-schemas';
import { conferencesPageSchema } from '../provider/api-schemas';
import { isWellFormedConferencesPage } from '../provider/fast-check';
import { bodyText } from '../provider/response-body';
import { parseResponseBody } from '../provider/validate';
import { PeriodTotals } from './check-sums';
import { flattenPage } from './flatten-page';

/** What the downloading side keeps of a page: where the next one is, how many it held. */
export interface StagedPage {
  nextCursor: string | null;
  conferences: number;
}

/** One period's pages, read in order (a new reader per period). */
export class PeriodPageReader {
  private readonly totals = new PeriodTotals();

  /** Throws ProviderError `malformed` or SumMismatchError; `firstRow` numbers the page's conferences. */
  read(body: Uint8Array, request: string, attempts: number, firstRow: number): { receipt: StagedPage; rows: FlatPage } {
    const page = parseResponseBody(conferencesPageSchema, bodyText(body), request, attempts, isWellFormedConferencesPage);
    this.totals.add(page.conferences);
    return { receipt: { nextCursor: page.nextCursor, conferences: page.conferences.length }, rows: flattenPage(page.conferences, firstRow) };
  }

  /** The rooms list against the sums of every page read. */
  check(rooms: readonly ApiRoom[]): void {
    this.totals.check(rooms);
  }
}
