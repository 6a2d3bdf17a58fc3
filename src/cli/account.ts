// Which cached account a read-only command works on: the cache keys each
// account by (provider, account number), and the CLI has no sign-in, so it
// picks from what the cache holds, narrowed by --account and --server.
import { listCachedAccounts, providerKey, type CachedAccount, type ReadableDB, type ViewScope } from '../main/cache';

/** Raised for an ambiguous choice: the command exits 2 (a usage error) with this message. */
export class AmbiguousAccountError extends Error {}

export interface AccountChoice {
  /** --account, if given. */
  accountNumber?: string;
  /** --server, if given: its origin is the provider's key. */
  server?: string;
}

/** The accounts matching the choice, those with synced months first in line (a key-only row is a last resort). */
export function matchingAccounts(db: ReadableDB, choice: AccountChoice): CachedAccount[] {
  const provider = choice.server === undefined ? undefined : providerKey(choice.server);
  const matches = listCachedAccounts(db).filter(
    (account) =>
      (choice.accountNumber === undefined || account.accountNumber === choice.accountNumber) &&
      (provider === undefined || account.provider === provider),
  );
  const holding = matches.filter((account) => account.months > 0);
  return holding.length > 0 ? holding : matches;
}

/** The one account the choice names, as a whole-account scope (the CLI sees every room). */
export function pickAccount(db: ReadableDB, choice: AccountChoice): ViewScope {
  const matches = matchingAccounts(db, choice);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return { provider: only.provider, accountNumber: only.accountNumber, roomNumber: null };
  if (matches.length === 0) {
    if (choice.accountNumber === undefined && choice.server === undefined) throw new Error('the cache holds no account yet: run `sync` first');
    const what = choice.accountNumber === undefined ? 'account' : `account ${choice.accountNumber}`;
    const from = choice.server === undefined ? '' : ` from ${providerKey(choice.server)}`;
    throw new Error(`the cache holds no ${what}${from}`);
  }
  const numbers = new Set(matches.map((account) => account.accountNumber));
  if (numbers.size > 1) {
    throw new AmbiguousAccountError(`the cache holds several accounts (${describe(matches)}): give --account${choice.server === undefined ? ' (and --server)' : ''}`);
  }
  throw new AmbiguousAccountError(`account ${[...numbers][0]} is cached from several providers (${matches.map((a) => a.provider).join(', ')}): give --server URL`);
}

function describe(accounts: readonly CachedAccount[]): string {
  const providersOf = new Map<string, string[]>();
  for (const account of accounts) providersOf.set(account.accountNumber, [...(providersOf.get(account.accountNumber) ?? []), account.provider]);
  return [...providersOf].map(([number, providers]) => (providers.length > 1 ? `${number} from ${providers.join(', ')}` : number)).join(', ');
}
