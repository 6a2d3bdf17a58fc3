// `search TEXT`: the conferences of every cached month matching TEXT
// (cardholder, room number, billing code, participant name or phone, service
// type), newest first, as text or JSON. Months the search index lacks are
// indexed first when the cache can be written.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { getAccount, type SearchHit } from '../../main/cache';
import { currencyOf, type AccountInfo } from '../../shared/domain';
import { indexMissingPeriodsOfFile } from '../../main/cache/queries/search-index';
import { searchArchive } from '../../main/features/search/search';
import { effectiveBillingCode } from '../../shared/view-rules';
import { pickAccount } from '../account';
import { accountChoice, dbFile, PERIOD, UsageError, type CliIo, type Values } from '../args';
import { withReadonlyCore } from '../readonly-core';
import { jsonForTerminal } from '../terminal-text';
import { cliText, languageOption, textTable, type CliText } from '../text-output';

const PAGE = 5_000;

export async function searchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, text } = parseSearchArgs(args);
  const from = month(values, 'from');
  const to = month(values, 'to');
  const language = languageOption(values);
  indexWhereMissing(dbFile(values, io.env), io);
  return withReadonlyCore(values, io, (core) => {
    const db = core.cache.read();
    const scope = pickAccount(db, accountChoice(values));
    const hits: SearchHit[] = [];
    for (let offset = 0, more = true; more; offset += PAGE) {
      const page = searchArchive(db, scope, { text, from, to, offset, limit: PAGE });
      hits.push(...page.hits);
      more = page.hasMore;
    }
    const conferences = hits.map(toOutput);
    if (values.json === true) {
      io.stdout(jsonForTerminal({ account: scope.accountNumber, text, from, to, conferences }));
    } else {
      io.stdout(searchText(conferences, getAccount(db, scope), cliText(language)));
    }
    return 0;
  });
}

function parseSearchArgs(args: string[]): { values: Values; text: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, lang: { type: 'string' }, account: { type: 'string' }, server: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    const text = positionals.join(' ').trim();
    if (text === '') throw new UsageError('search needs the text to look for');
    return { values, text };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function month(values: Values, name: 'from' | 'to'): string | null {
  const value = values[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !PERIOD.test(value)) throw new UsageError(`--${name} must be YYYY-MM, got "${String(value)}"`);
  return value;
}

/** Months synced before the index existed are indexed once; a cache that cannot be written is searched as it is. */
function indexWhereMissing(file: string, io: CliIo): void {
  if (!existsSync(file)) return; // the read-only open says so
  try {
    indexMissingPeriodsOfFile(file);
  } catch (error) {
    io.stderr(`oai: the search index could not be completed (${error instanceof Error ? error.message : String(error)}); some months may be missing\n`);
  }
}

function toOutput(hit: SearchHit) {
  return {
    period: hit.period,
    id: hit.id,
    roomNumber: hit.roomNumber,
    cardholder: hit.cardholder,
    start: hit.start,
    serviceType: hit.serviceType,
    billingCode: effectiveBillingCode(hit),
    participantCount: hit.participantCount,
    lengthSeconds: hit.lengthSeconds,
    accumulatedSeconds: hit.accumulatedSeconds,
    chargeCents: hit.chargeCents,
  };
}

/** The conferences as the search view lists them (times in the account's zone), then how many. */
function searchText(conferences: ReadonlyArray<ReturnType<typeof toOutput>>, account: AccountInfo | null, { t, format }: CliText): string {
  const zone = account?.timeZone;
  const currency = currencyOf(account);
  const header = [t('col.date'), t('col.time'), t('col.roomNumber'), t('col.cardholder'), t('col.billingCode'), t('col.length'), t('col.charge')];
  const rows = conferences.map((c) => [
    format.date(c.start, zone),
    format.time(c.start, zone),
    format.room(c.roomNumber),
    c.cardholder ?? '',
    c.billingCode ?? t('code.unallocated'),
    format.duration(c.lengthSeconds),
    format.money(c.chargeCents, currency),
  ]);
  const table = conferences.length > 0 ? textTable([header, ...rows], ['left', 'left', 'left', 'left', 'left', 'right', 'right']) : '';
  return `${table}${t('conference.count', { count: conferences.length })}\n`;
}
