// Instants in file names: UTC, sortable as text, without ':' (not allowed in
// Windows file names). 2026-12-02T04:15:00.123Z → 2026-12-02T041500Z.

export function fileStamp(at: Date): string {
  return isoSeconds(at).replace(/:/g, '');
}

/** ISO UTC to the second, the precision of a fileStamp: 2026-12-02T04:15:00Z. */
export function isoSeconds(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The instant a fileStamp names (ISO, UTC), or null. */
export function parseFileStamp(stamp: string): string | null {
  const match = STAMP.exec(stamp);
  if (match === null) return null;
  const iso = `${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
