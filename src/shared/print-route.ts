// The print layout is a route of the renderer itself, so it formats exactly
// like the views: main (Electron: a hidden window; harness: headless Chromium)
// opens `index.html#/print/<view>` and prints or saves it as PDF once the page
// marks itself ready.
import { z } from 'zod';
import { presentationSchema, viewRefSchema, type Presentation, type ViewRef } from './bridge';

export const PRINT_ROUTE_PREFIX = '#/print/';
/** Set on <html> when the print layout has all its data on screen. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
/** Set on <html> (with the message) when the layout could not get its data: nothing is printed then. */
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';

const printRequestSchema = z.object({ view: viewRefSchema, presentation: presentationSchema });
export type PrintRequest = z.infer<typeof printRequestSchema>;

export function printRouteHash(view: ViewRef, presentation: Presentation): string {
  return PRINT_ROUTE_PREFIX + encodeURIComponent(JSON.stringify({ view, presentation }));
}

/** The print request of a location hash, or null when the hash is not a (valid) print route. */
export function parsePrintRoute(hash: string): PrintRequest | null {
  if (!hash.startsWith(PRINT_ROUTE_PREFIX)) return null;
  try {
    const parsed = printRequestSchema.safeParse(JSON.parse(decodeURIComponent(hash.slice(PRINT_ROUTE_PREFIX.length))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
