import type { Migration } from './migration';
import initial from './001_initial';
import archiveMarker from './002_archive_marker';
import providerKeys from './003_provider_keys';
import reportIndexes from './004_report_indexes';
import importsAndLocalCodes from './005_imports_and_local_codes';
import searchIndex from './006_search_index';
import codeMonthTotals from './007_code_month_totals';
import searchInDateOrder from './008_search_in_date_order';
import longLegsIndex from './009_long_legs_index';
import longConferencesIndex from './010_long_conferences_index';

export type { Migration } from './migration';

/** Every schema step, oldest first. Append only: never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [initial, archiveMarker, providerKeys, reportIndexes, importsAndLocalCodes, searchIndex, codeMonthTotals, searchInDateOrder, longLegsIndex, longConferencesIndex];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
