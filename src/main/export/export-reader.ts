// The connection an export reads through: its own read-only connection to the
// same cache file, inside one read transaction. So the export sees one
// consistent snapshot even if a sync commits meanwhile (WAL), never keeps the
// app's connection busy between rows (writes there would fail as "busy"),
// and sorts with a small cache instead of the app's 64 MiB.
import { openReadSnapshot, type ReadableDB, type ReadSnapshot } from '../cache';

/** Page cache (and sort memory before spilling to a temporary file) of the export's connection. */
const EXPORT_CACHE_KIB = 8 * 1024;

export type ExportReader = ReadSnapshot;

export function openExportReader(source: ReadableDB): ExportReader {
  return openReadSnapshot(source, { cacheKib: EXPORT_CACHE_KIB });
}
