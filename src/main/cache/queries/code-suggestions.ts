// The billing codes an account already uses, for the code editor's
// suggestions: the effective codes (a pending local change counts) of its
// newest months, most used first. A room sign-in sees its room's.
import type { ReadableDB } from '../db';
import { prepare } from '../statements';
import type { ViewScope } from '../types';
import { EFFECTIVE_CODE, CODE_CHANGES_JOIN } from './conference-rows';
import { ACCOUNT_ID, roomClause, scopeParams, type ScopeParams } from './keys';

/** How many of the newest months the suggestions come from: the codes in use now, read fast. */
export const SUGGESTION_MONTHS = 12;
const MAX_SUGGESTIONS = 500;

export interface CodeUse {
  billingCode: string;
  uses: number;
}

const suggestionsSql = (scope: ViewScope) => `SELECT ${EFFECTIVE_CODE} AS billingCode, count(*) AS uses
  FROM conferences c ${CODE_CHANGES_JOIN}
  WHERE c.account_id = ${ACCOUNT_ID}${roomClause(scope, 'c.room_number')}
    AND c.period IN (SELECT period FROM periods WHERE account_id = ${ACCOUNT_ID} ORDER BY period DESC LIMIT ${SUGGESTION_MONTHS})
    AND (${EFFECTIVE_CODE}) IS NOT NULL
  GROUP BY 1
  ORDER BY uses DESC, billingCode COLLATE NOCASE, billingCode
  LIMIT ${MAX_SUGGESTIONS}`;

/** The codes in use, most used first (ties in case-insensitive order). */
export function billingCodeUses(db: ReadableDB, scope: ViewScope): CodeUse[] {
  return prepare<[ScopeParams], CodeUse>(db, suggestionsSql(scope)).all(scopeParams(scope));
}
