// The accounts the cache holds: company name, currency, time zone, support phone.
import type { AccountInfo } from '../../../shared/domain';
import { nowUtc } from '../../../shared/time';
import type { ReadableDB, WritableDB } from '../db';
import { prepare } from '../statements';
import type { AccountInput } from '../types';

const ACCOUNT_COLUMNS = `account_number AS accountNumber, company_name AS companyName, currency,
  time_zone AS timeZone, support_phone AS supportPhone`;

const UPSERT_ACCOUNT = `INSERT INTO accounts (account_number, company_name, currency, time_zone, support_phone, updated_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (account_number) DO UPDATE SET company_name = excluded.company_name,
    currency = excluded.currency, time_zone = excluded.time_zone,
    support_phone = excluded.support_phone, updated_at = excluded.updated_at`;
const GET_ACCOUNT = `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE account_number = ?`;
const LIST_ACCOUNTS = `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY account_number`;

export function upsertAccount(db: WritableDB, account: AccountInput, updatedAt: string = nowUtc()): void {
  prepare<[string, string, string, string, string | null, string]>(db, UPSERT_ACCOUNT).run(
    account.accountNumber,
    account.companyName,
    account.currency,
    account.timeZone,
    account.supportPhone ?? null,
    updatedAt,
  );
}

export function getAccount(db: ReadableDB, accountNumber: string): AccountInfo | null {
  return prepare<[string], AccountInfo>(db, GET_ACCOUNT).get(accountNumber) ?? null;
}

export function listAccounts(db: ReadableDB): AccountInfo[] {
  return prepare<[], AccountInfo>(db, LIST_ACCOUNTS).all();
}
