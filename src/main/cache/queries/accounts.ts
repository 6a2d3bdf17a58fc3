// The accounts the cache holds, each keyed by (provider, account number) with
// an integer id every other table refers to; their details (company name,
// currency, time zone, support phone) as the provider describes them.
import type { AccountInfo } from '../../../shared/domain';
import { nowUtc } from '../../../shared/time';
import type { ReadableDB, WritableDB } from '../db';
import { CacheError } from '../errors';
import { prepare } from '../statements';
import type { AccountInput, AccountKey, CachedAccount } from '../types';
import { keyParams, type KeyParams } from './keys';

const ACCOUNT_COLUMNS = `account_number AS accountNumber, company_name AS companyName, currency,
  time_zone AS timeZone, support_phone AS supportPhone`;

const ENSURE_ACCOUNT = `INSERT INTO accounts (provider, account_number) VALUES (@provider, @accountNumber)
  ON CONFLICT (provider, account_number) DO NOTHING`;
const ACCOUNT_ID = 'SELECT id FROM accounts WHERE provider = @provider AND account_number = @accountNumber';
const UPSERT_ACCOUNT = `INSERT INTO accounts (provider, account_number, company_name, currency, time_zone, support_phone, updated_at)
  VALUES (@provider, @accountNumber, @companyName, @currency, @timeZone, @supportPhone, @updatedAt)
  ON CONFLICT (provider, account_number) DO UPDATE SET company_name = excluded.company_name,
    currency = excluded.currency, time_zone = excluded.time_zone,
    support_phone = excluded.support_phone, updated_at = excluded.updated_at`;
// Details come all at once (upsertAccount): a row without them is only a key so far.
const GET_ACCOUNT = `SELECT ${ACCOUNT_COLUMNS} FROM accounts
  WHERE provider = @provider AND account_number = @accountNumber AND company_name IS NOT NULL`;
const LIST_CACHED_ACCOUNTS = `SELECT a.provider, a.account_number AS accountNumber, count(p.last_synced_at) AS months
  FROM accounts a LEFT JOIN periods p ON p.account_id = a.id
  GROUP BY a.id ORDER BY length(a.account_number), a.account_number, a.provider`;
const HOLDS_HISTORY = `SELECT EXISTS (SELECT 1 FROM periods WHERE account_id = @id)
  OR EXISTS (SELECT 1 FROM billing_code_outbox WHERE account_id = @id) AS holds`;
const MOVE_SYNC_RUNS = 'UPDATE sync_runs SET account_id = @to WHERE account_id = @from';
const DELETE_ACCOUNT = 'DELETE FROM accounts WHERE id = @id';
const SET_PROVIDER = 'UPDATE accounts SET provider = @provider WHERE id = @id';

/** The account's id, or null when the cache holds nothing of it. */
export function accountIdOf(db: ReadableDB, key: AccountKey): number | null {
  return prepare<[KeyParams], { id: number }>(db, ACCOUNT_ID).get(keyParams(key))?.id ?? null;
}

/** The account's id, its row created (without details) if needed. */
export function ensureAccount(db: WritableDB, key: AccountKey): number {
  prepare<[KeyParams]>(db, ENSURE_ACCOUNT).run(keyParams(key));
  return accountIdOf(db, key)!;
}

export function upsertAccount(db: WritableDB, provider: string, account: AccountInput, updatedAt: string = nowUtc()): void {
  prepare<[Record<string, string | null>]>(db, UPSERT_ACCOUNT).run({
    provider,
    accountNumber: account.accountNumber,
    companyName: account.companyName,
    currency: account.currency,
    timeZone: account.timeZone,
    supportPhone: account.supportPhone ?? null,
    updatedAt,
  });
}

/** The account's details, or null while the provider has not described it. */
export function getAccount(db: ReadableDB, key: AccountKey): AccountInfo | null {
  return prepare<[KeyParams], AccountInfo>(db, GET_ACCOUNT).get(keyParams(key)) ?? null;
}

/** Every (provider, account) the cache has a row for, with the months it holds content of. */
export function listCachedAccounts(db: ReadableDB): CachedAccount[] {
  return prepare<[], CachedAccount>(db, LIST_CACHED_ACCOUNTS).all();
}

/**
 * Makes everything cached of `from` the history of the same account number
 * at `provider` (the provider's new address), in one transaction: one row
 * changes its provider, and every table follows through its id. Refused when
 * `provider` already holds history of that account (nothing is merged);
 * false when the cache holds nothing of `from`.
 */
export function moveAccountToProvider(db: WritableDB, from: AccountKey, provider: string): boolean {
  return db
    .transaction((): boolean => {
      const fromId = accountIdOf(db, from);
      if (fromId === null) return false;
      const target = { provider, accountNumber: from.accountNumber };
      const targetId = accountIdOf(db, target);
      if (targetId === fromId) return true;
      if (targetId !== null) {
        if (prepare<[{ id: number }], { holds: number }>(db, HOLDS_HISTORY).get({ id: targetId })?.holds === 1) {
          throw new CacheError(
            'provider_holds_history',
            `${provider} already holds history of account ${from.accountNumber}: the two histories were left apart.`,
          );
        }
        // Only a key so far (e.g. a sync that failed before any month): its runs join the history.
        prepare<[{ from: number; to: number }]>(db, MOVE_SYNC_RUNS).run({ from: targetId, to: fromId });
        prepare<[{ id: number }]>(db, DELETE_ACCOUNT).run({ id: targetId });
      }
      prepare<[{ provider: string; id: number }]>(db, SET_PROVIDER).run({ provider, id: fromId });
      return true;
    })
    .immediate();
}
