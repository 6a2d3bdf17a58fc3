import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedConference } from '../../../src/main/import/rows-to-conferences';

export const SAMPLES_DIR = path.resolve(__dirname, '../../fixtures/oai-downloads');
export const SAMPLE_FILES = [
  'oai-download-2008-11-account-602127.csv',
  'oai-download-2008-12-room-332703.xlsx',
  'oai-download-2009-01-account-602127.xlsx',
].map((name) => path.join(SAMPLES_DIR, name));

export type Truth = Record<string, Record<string, { conferenceCount: number; accumulatedSeconds: number; chargeCents: number }>>;

export function truth(): Truth {
  return JSON.parse(readFileSync(path.join(SAMPLES_DIR, 'truth.json'), 'utf8')) as Truth;
}

/** Per month and room: count, accumulated seconds, charge cents (truth.json's shape). */
export function totalsOf(conferences: readonly ParsedConference[]): Truth {
  const out: Truth = {};
  for (const c of conferences) {
    const room = ((out[c.period] ??= {})[c.roomNumber] ??= { conferenceCount: 0, accumulatedSeconds: 0, chargeCents: 0 });
    room.conferenceCount += 1;
    room.accumulatedSeconds += c.accumulatedSeconds;
    room.chargeCents += c.chargeCents;
  }
  return out;
}
