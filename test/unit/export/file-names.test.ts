// The names Download and Save as PDF suggest: in the workbook's language,
// ASCII only, a conference named by its start (account time) and room, with
// a suffix when two conferences of a room start the same minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewRef } from '../../../src/shared/bridge';
import { defaultExportFileName, viewFileName } from '../../../src/main/export';
import { roomConferences } from '../../../src/main/cache';
import { ACCOUNT, PROFILE, syncedCache, type SyncedCache } from './helpers';

const profileId = PROFILE;
const VIEWS: readonly (readonly [ViewRef, string, string])[] = [
  [{ kind: 'summary', profileId, period: '2009-05', display: 'active', filter: '', sort: null }, '2009-05_summary', '2009-05_recapitulatif'],
  [{ kind: 'billingCodes', profileId, period: '2009-05' }, '2009-05_billing-codes', '2009-05_codes-de-facturation'],
  [{ kind: 'room', profileId, period: '2009-05', roomNumber: '332703', sort: null }, '2009-05_room-332703', '2009-05_salle-332703'],
  [{ kind: 'chargeback', profileId, by: 'code', from: null, to: null }, 'chargeback-code_last-12-months', 'refacturation-code_12-derniers-mois'],
  [{ kind: 'chargeback', profileId, by: 'room', from: '2009-01', to: null }, 'chargeback-room_2009-01_last', 'refacturation-salle_2009-01_fin'],
  [{ kind: 'attention', profileId, period: '2009-05', list: 'idleRooms', thresholdSeconds: null }, '2009-05_attention-idleRooms', '2009-05_attention-salles-inutilisees'],
  [{ kind: 'codeConferences', profileId, period: '2009-05', billingCode: null, sort: null }, '2009-05_code-unallocated', '2009-05_code-non-attribue'],
  [{ kind: 'codeConferences', profileId, period: '2009-05', billingCode: 'Clé été', sort: null }, '2009-05_code-Cle_ete', '2009-05_code-Cle_ete'],
  [{ kind: 'search', profileId, text: 'x', from: null, to: null }, 'search', 'recherche'],
];

describe('file names', () => {
  it('follow the language: English names unchanged, French ones in French without accents', () => {
    for (const [view, english, french] of VIEWS) {
      expect(defaultExportFileName(view, ACCOUNT, 'en-GB')).toBe(`OAI_602127_${english}.xlsx`);
      expect(defaultExportFileName(view, ACCOUNT, 'en-US')).toBe(`OAI_602127_${english}.xlsx`);
      const name = defaultExportFileName(view, ACCOUNT, 'fr');
      expect(name).toBe(`OAI_602127_${french}.xlsx`);
      expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
  });

  it('name a conference by its start and room, a suffix keeping two of the same minute apart', () => {
    const view: ViewRef = { kind: 'conference', profileId, period: '2009-05', conferenceId: 'c-200905-000002' };
    const naming = { localStartMs: Date.UTC(2009, 4, 6, 14, 32, 59), roomNumber: '332703', sameMinuteIndex: 0 };
    expect(defaultExportFileName(view, ACCOUNT, 'en-GB', naming)).toBe('OAI_602127_2009-05-06_1432_room-33-270-3.xlsx');
    expect(defaultExportFileName(view, ACCOUNT, 'fr', naming)).toBe('OAI_602127_2009-05-06_1432_salle-33-270-3.xlsx');
    expect(defaultExportFileName(view, ACCOUNT, 'fr', { ...naming, sameMinuteIndex: 1 })).toBe('OAI_602127_2009-05-06_1432_salle-33-270-3_2.xlsx');
  });
});

describe('the name of a view of the cache', () => {
  let cache: SyncedCache;
  beforeAll(async () => {
    cache = await syncedCache();
  });
  afterAll(() => cache.db.close());

  it('uses the conference’s start in the account’s time zone and its room, never its id, for Excel and PDF', () => {
    const [first] = roomConferences(cache.db, cache.scope, '2009-05', '332703');
    const view: ViewRef = { kind: 'conference', profileId, period: '2009-05', conferenceId: first!.id };
    const english = viewFileName(cache.db, cache.scope, view, { language: 'en-GB', dateStyle: 'locale' }, 'xlsx');
    expect(english).toMatch(/^OAI_602127_2009-05-\d\d_\d{4}_room-33-270-3\.xlsx$/);
    expect(english).not.toContain(first!.id);
    const french = viewFileName(cache.db, cache.scope, view, { language: 'fr', dateStyle: 'locale' }, 'pdf');
    expect(french).toBe(english.replace('_room-', '_salle-').replace(/\.xlsx$/, '.pdf'));
    // The seed's times are in Europe/Paris: the name's time is the wall-clock time there.
    const local = new Date(first!.start).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' });
    expect(english).toContain(`${local.slice(0, 10)}_${local.slice(11, 13)}${local.slice(14, 16)}`);
  });

  it('keeps names unique when two conferences of a room start the same minute', () => {
    const [first] = roomConferences(cache.db, cache.scope, '2009-05', '332703');
    // At the start of the same minute: the earlier of the two keeps the plain name.
    const twinStart = new Date(Math.floor(Date.parse(first!.start) / 60_000) * 60_000).toISOString().replace(/\.000Z$/, 'Z');
    cache.db
      .prepare(
        `INSERT INTO conferences (account_id, period, conference_id, room_number, start_utc, service_type, billing_code, participant_count, length_seconds, accumulated_seconds, charge_cents)
         SELECT account_id, period, 'c-twin', room_number, ?, service_type, billing_code, participant_count, length_seconds, accumulated_seconds, charge_cents
         FROM conferences WHERE conference_id = ?`,
      )
      .run(twinStart, first!.id);
    const name = (conferenceId: string) => viewFileName(cache.db, cache.scope, { kind: 'conference', profileId, period: '2009-05', conferenceId }, { language: 'en-GB', dateStyle: 'locale' }, 'xlsx');
    const [earlier, later] = twinStart < first!.start ? ['c-twin', first!.id] : [first!.id, 'c-twin'];
    expect(name(later)).toBe(name(earlier).replace(/\.xlsx$/, '_2.xlsx'));
    expect(name(earlier)).toMatch(/_room-33-270-3\.xlsx$/);
  });
});
