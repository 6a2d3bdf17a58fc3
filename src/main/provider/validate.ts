// Parsing and schema validation of provider responses. A failure names the
// JSON path of the offending value (`conferences[1].chargeCents`) so a broken
// server can be diagnosed from the message alone.
import type { z } from 'zod';
import { ProviderError } from './errors';

const MAX_LISTED_ISSUES = 3;

/** `['conferences', 1, 'chargeCents']` → `conferences[1].chargeCents`; empty → `(root)`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || '(root)';
}

/** A fast check that is never more lenient than the schema (see fast-check.ts). */
export type WellFormedCheck = (json: unknown) => boolean;

/**
 * JSON.parse + schema check of a 2xx body. Unknown fields are kept (the
 * schemas are loose objects). Throws ProviderError `malformed`.
 * With `isWellFormed`, a body passing it is returned as parsed, skipping zod.
 */
export function parseResponseBody<T>(
  schema: z.ZodType<T>,
  bodyText: string,
  request: string,
  attempts: number,
  isWellFormed?: WellFormedCheck,
): T {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    throw new ProviderError('malformed', `The provider sent an invalid response to ${request}: (body) is not valid JSON.`, {
      jsonPath: '(body)',
      request,
      attempts,
    });
  }
  if (isWellFormed?.(json)) return json as T;
  const result = schema.safeParse(json);
  if (result.success) return result.data;

  const issues = result.error.issues;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
  const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : '';
  throw new ProviderError('malformed', `The provider sent a malformed response to ${request}: ${listed.join('; ')}${more}.`, {
    jsonPath: formatJsonPath(issues[0]?.path ?? []),
    request,
    attempts,
  });
}
