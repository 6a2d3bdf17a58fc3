import { OAI_APPLICATION_ID } from '../file-header';
import type { Migration } from './migration';

// Marks the file as an OAI Desktop cache (PRAGMA application_id, in the
// header, so a restore candidate is recognised before it is read) and adds
// `meta`, facts about the file: the app version that last wrote it.
const up = /* sql */ `
PRAGMA application_id = ${OAI_APPLICATION_ID};
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

const migration: Migration = { version: 2, name: 'archive_marker', up };
export default migration;
