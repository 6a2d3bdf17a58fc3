// The archive search's part of the bridge contract (src/shared/bridge.ts):
// what the renderer asks (words, an optional range of months, a page) and
// what it gets (conferences with their month and cardholder, newest first).
import { z } from 'zod';
import { conferenceRowSchema, periodKeySchema } from './domain';

export const searchTextSchema = z.string().max(200);

/** The words and the optional months (inclusive) a search is of: also its Download's and Print's ViewRef. */
export const searchTermsSchema = {
  text: searchTextSchema,
  from: periodKeySchema.nullable(),
  to: periodKeySchema.nullable(),
};

export const searchHitSchema = conferenceRowSchema.extend({
  period: periodKeySchema,
  cardholder: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** More hits follow (ask with offset = hits so far). */
  hasMore: z.boolean(),
  /** false while some month waits for its index (an upgraded archive): its conferences are not found yet. */
  complete: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** At most this many rows in a search's Download or Print. */
export const SEARCH_EXPORT_LIMIT = 100_000;
