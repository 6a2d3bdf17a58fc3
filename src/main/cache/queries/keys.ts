// How queries find an account's rows: by the integer id of its
// (provider, account number) row, and, for a room sign-in, by its room.
import type { AccountKey, ViewScope } from '../types';

/** The account's id, as a scalar subquery over the named parameters @provider and @accountNumber. */
export const ACCOUNT_ID = '(SELECT id FROM accounts WHERE provider = @provider AND account_number = @accountNumber)';

/**
 * ` AND <column> = @roomNumber` for a room sign-in, nothing for an account
 * sign-in: an equality (not an OR on a NULL parameter) so that the room
 * indexes serve it. Each variant is its own statement.
 */
export function roomClause(scope: ViewScope, column: string): string {
  return scope.roomNumber === null ? '' : ` AND ${column} = @roomNumber`;
}

export interface KeyParams {
  provider: string;
  accountNumber: string;
}

export interface ScopeParams extends KeyParams {
  roomNumber: string | null;
}

/** The named parameters of an account key (and nothing else a caller's object may carry). */
export function keyParams(key: AccountKey): KeyParams {
  return { provider: key.provider, accountNumber: key.accountNumber };
}

export function scopeParams(scope: ViewScope): ScopeParams {
  return { provider: scope.provider, accountNumber: scope.accountNumber, roomNumber: scope.roomNumber };
}
