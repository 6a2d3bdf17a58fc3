// A room sign-in: the session tells the account, so the views can browse it,
// and it sees its room only in every view and Download, even once the cache
// also holds the whole account (an account sign-in at the same provider).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app/app-services';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { createHarnessIntegration } from '../../../src/harness/harness-integration';
import { readWorkbook, sheet, table } from '../export/helpers';
import { tempDir } from '../sync/helpers';
import { bridgeOf, joinSync, testServices } from './test-services';

let provider: DemoProvider;
let services: AppServices;
const downloadsDir = tempDir('oai-room-downloads-');

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  services = await testServices('room', { integration: createHarnessIntegration({ downloadsDir, importsDir: tempDir('oai-room-imports-'), pageUrl: () => 'http://127.0.0.1:1/' }) });
});
afterAll(async () => {
  await services.close();
  await provider.close();
});

const { call, value } = bridgeOf(() => services);

async function signIn(login: { accountNumber: string | null; roomNumber: string | null }) {
  const profile = await value<{ id: string; accountNumber: string; roomNumber: string | null; hasSavedPassword: boolean }>('signIn', {
    serverUrl: provider.url,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    ...login,
    rememberPassword: false,
  });
  // signIn started its sync: joining it waits for the end.
  await joinSync(services, profile.id);
  return profile;
}

interface Summary {
  rooms: Array<{ roomNumber: string; chargeCents: number }>;
  total: { chargeCents: number; conferenceCount: number };
}

it('a room sign-in learns its account number and syncs only its room', async () => {
  const room = await signIn({ accountNumber: null, roomNumber: '332703' });
  expect(room).toMatchObject({ accountNumber: '602127', roomNumber: '332703', hasSavedPassword: false });
  const summary = await value<Summary>('accountSummary', { profileId: room.id, period: '2009-05', display: 'all' });
  expect(summary.rooms.map((r) => r.roomNumber)).toEqual(['332703']);
  expect(summary.total.chargeCents).toBe(11659);
});

it('after an account sign-in at the same provider filled the cache, the room sign-in still sees its room only', async () => {
  const account = await signIn({ accountNumber: '602127', roomNumber: null });
  const [, room] = await value<Array<{ id: string; roomNumber: string | null }>>('listProfiles', {}).then((all) => [
    all.find((p) => p.roomNumber === null)!,
    all.find((p) => p.roomNumber === '332703')!,
  ]);
  const whole = await value<Summary>('accountSummary', { profileId: account.id, period: '2009-05', display: 'all' });
  expect(whole.rooms.length).toBeGreaterThan(3);

  // Summary: its room row, and a total equal to that room's charge.
  const summary = await value<Summary>('accountSummary', { profileId: room!.id, period: '2009-05', display: 'all' });
  expect(summary.rooms.map((r) => r.roomNumber)).toEqual(['332703']);
  expect(summary.total.chargeCents).toBe(whole.rooms.find((r) => r.roomNumber === '332703')!.chargeCents);

  // Billing codes: its room's conferences only.
  const codes = await value<Summary['total'][]>('billingCodeSummary', { profileId: room!.id, period: '2009-05' });
  expect(codes.reduce((sum, code) => sum + code.chargeCents, 0)).toBe(11659);
  expect(codes.reduce((sum, code) => sum + code.conferenceCount, 0)).toBe(19);

  // Another room, and a conference of another room: not found.
  expect(await call('roomConferences', { profileId: room!.id, period: '2009-05', roomNumber: '320026' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  const [leo] = await value<Array<{ id: string }>>('roomConferences', { profileId: account.id, period: '2009-05', roomNumber: '320026' });
  expect(await value('conferenceParticipants', { profileId: room!.id, period: '2009-05', conferenceId: leo!.id })).toEqual({ conference: null, participants: [] });
  expect(await value('conferenceParticipants', { profileId: account.id, period: '2009-05', conferenceId: leo!.id })).toMatchObject({ conference: { roomNumber: '320026' } });

  // Download: the summary workbook lists its room and its conferences only; another room's workbook is not found.
  const presentation = { language: 'en-US', dateStyle: 'locale' };
  const view = { kind: 'summary', profileId: room!.id, period: '2009-05', display: 'all', filter: '', sort: null };
  const saved = await value<{ path: string }>('exportView', { view, presentation });
  const workbook = await readWorkbook(saved.path);
  expect(table(sheet(workbook, 'Summary'), 'Room Number').rows.map((r) => r.getCell(1).value)).toEqual(['332703']);
  const conferences = table(sheet(workbook, 'Conferences'), 'DATE').rows;
  expect(conferences).toHaveLength(19);
  expect(new Set(conferences.map((r) => r.getCell(3).value))).toEqual(new Set(['332703']));
  const other = { kind: 'room', profileId: room!.id, period: '2009-05', roomNumber: '320026', sort: null };
  const files = readdirSync(downloadsDir).length;
  expect(await call('exportView', { view: other, presentation })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(await call('printView', { view: other, presentation })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(readdirSync(downloadsDir)).toHaveLength(files);
  expect(path.dirname(saved.path)).toBe(downloadsDir);
});

it('the demo sign-in has no saved password to forget', async () => {
  const demo = await value<{ isDemo: boolean; hasSavedPassword: boolean }>('signInDemo', {});
  expect(demo).toMatchObject({ isDemo: true, hasSavedPassword: false });
});
