// The account a bench cache holds: the demo's, under the provider key of the
// address the bench's sync used (a free port each run).
import { listCachedAccounts, type ReadableDB, type ViewScope } from '../src/main/cache';

/** What an account sign-in sees of the one account in the cache. */
export function cachedAccount(db: ReadableDB): ViewScope {
  const [account, ...others] = listCachedAccounts(db);
  if (account === undefined || others.length > 0) throw new Error(`the bench cache ${db.name} should hold exactly one account`);
  return { provider: account.provider, accountNumber: account.accountNumber, roomNumber: null };
}
