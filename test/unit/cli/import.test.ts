// `import`: the samples through the CLI into a synced cache, checked against
// truth.json through `summary`, `periods` and the repository; the refusals,
// idempotence, exit codes, and the app's own Download imported back.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSummary, getPeriod, openCache, providerKey, upsertAccount } from '../../../src/main/cache';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { SAMPLE_FILES, truth } from '../import/helpers';
import { sampleRows, writeVariant } from '../import/variants';
import { tempDir } from '../sync/helpers';
import { inProcessCli } from './helpers';

const keychain = createKeychainStore(`OAI Desktop Tests ${process.pid}`);
const cli = inProcessCli(keychain);
let provider: DemoProvider;
let db: string;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  db = path.join(tempDir(), 'cache.sqlite');
  const sync = await cli(['sync', '--server', provider.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], { OAI_PASSWORD: DEMO_PASSWORD });
  expect(sync.code).toBe(0);
});
afterAll(async () => {
  await provider.close();
});

type Room = { roomNumber: string; conferenceCount: number; accumulatedSeconds: number; chargeCents: number };
const byRoom = (rooms: Room[]) =>
  Object.fromEntries(rooms.filter((r) => r.conferenceCount > 0).map((r) => [r.roomNumber, { conferenceCount: r.conferenceCount, accumulatedSeconds: r.accumulatedSeconds, chargeCents: r.chargeCents }]));

describe('cli import', () => {
  it('imports the three samples: summary and the repository give truth.json exactly', async () => {
    const run = await cli(['import', ...SAMPLE_FILES, '--db', db, '--json']);
    expect(run.stderr).not.toMatch(/oai:/);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.files.map((f: { status: string; periods: string[] }) => [f.status, f.periods])).toEqual([
      ['imported', ['2008-11']],
      ['imported', ['2008-12']],
      ['imported', ['2009-01']],
    ]);
    expect(json.files[2]).toMatchObject({ file: 'oai-download-2009-01-account-602127.xlsx', conferences: 28, chargeCents: 51_099, problems: [] });
    const expected = truth();
    const cache = openCache(db, { readonly: true });
    try {
      for (const [period, rooms] of Object.entries(expected)) {
        const summary = await cli(['summary', '--period', period, '--db', db, '--json']);
        expect(summary.code).toBe(0);
        expect(byRoom(JSON.parse(summary.stdout).rooms)).toEqual(rooms);
        const scope = { provider: providerKey(provider.url), accountNumber: '602127', roomNumber: null };
        expect(byRoom(accountSummary(cache, scope, period, 'all').rooms)).toEqual(rooms);
        expect(getPeriod(cache, scope, period)).toMatchObject({ source: 'import', servedByProvider: false });
      }
    } finally {
      cache.close();
    }
  });

  it('importing the same files again changes nothing and says so', async () => {
    const run = await cli(['import', ...SAMPLE_FILES, '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(SAMPLE_FILES.map((f) => expect.stringMatching(new RegExp(`^${path.basename(f)}: unchanged`))));
  });

  it('periods --json marks imported months "source": "import" with their files; synced ones stay "provider"', async () => {
    const run = await cli(['periods', '--db', db, '--json']);
    const rows = JSON.parse(run.stdout) as { period: string; source: string; importedFrom?: { file: string }[] }[];
    expect(rows.filter((r) => r.source === 'import').map((r) => r.period)).toEqual(['2009-01', '2008-12', '2008-11']);
    expect(rows.find((r) => r.period === '2008-12')?.importedFrom?.map((f) => f.file)).toEqual(['oai-download-2008-12-room-332703.xlsx']);
    expect(rows.find((r) => r.period === '2009-05')?.source).toBe('provider');
    const text = await cli(['periods', '--db', db]);
    expect(text.stdout).toMatch(/602127 2008-12 {2}imported .* from oai-download-2008-12-room-332703\.xlsx/);
  });

  it('export works on an imported month', async () => {
    const out = path.join(tempDir(), 'nov.xlsx');
    const run = await cli(['export', '--period', '2008-11', '--db', db, '--out', out]);
    expect(run.code).toBe(0);
  });

  it('refuses a file holding a month the provider serves (exit 1), still importing the others', async () => {
    const dir = tempDir();
    const may = await writeVariant(dir, sampleRows().map((r) => ({ ...r, date: r.date.replace('2008-10', '2009-05') })), { name: 'may', format: 'csv', separator: ';' });
    const october = await writeVariant(dir, sampleRows(), { name: 'october', format: 'csv', separator: ';' });
    const run = await cli(['import', may, october, '--db', db, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.files[0]).toMatchObject({ status: 'refused', conferences: 0, periods: ['2009-05'] });
    expect(json.files[0].problems[0].message).toMatch(/2009-05 .* from the provider/);
    expect(json.files[1]).toMatchObject({ status: 'imported', periods: ['2008-10'], conferences: sampleRows().length });
  });

  it('--dry-run previews and writes nothing; a refused row is printed with its row and column', async () => {
    const dir = tempDir();
    const september = await writeVariant(dir, sampleRows().map((r) => ({ ...r, date: r.date.replace('2008-10', '2008-09') })), { name: 'sept', format: 'csv', separator: ';' });
    const dry = await cli(['import', september, '--db', db, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/ready to import 2008-09 \(3 rooms, 25 conferences/);
    const periods = await cli(['periods', '--db', db, '--json']);
    expect(periods.stdout).not.toContain('2008-09');
  });

  it('exit 2 without an account to import into, or without a file', async () => {
    const empty = path.join(tempDir(), 'empty.sqlite');
    expect((await cli(['import', SAMPLE_FILES[0]!, '--db', empty])).code).toBe(2);
    expect((await cli(['import', '--db', db])).code).toBe(2);
  });
});

describe("the app's own Download imports back", () => {
  it('a synced month exported by the app, imported into a cache without it, gives the same summary to the cent', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'may.xlsx');
    const exported = await cli(['export', '--period', '2009-05', '--db', db, '--out', out, '--lang', 'fr']);
    expect(exported.code).toBe(0);
    const original = JSON.parse((await cli(['summary', '--period', '2009-05', '--db', db, '--json'])).stdout);

    const other = path.join(dir, 'other.sqlite');
    const cache = openCache(other);
    upsertAccount(cache, 'https://elsewhere.example', { accountNumber: '602127', companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris' });
    cache.close();
    copyFileSync(out, path.join(dir, 'copy.xlsx'));
    const run = await cli(['import', path.join(dir, 'copy.xlsx'), '--db', other, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'imported', periods: ['2009-05'] });
    const imported = JSON.parse((await cli(['summary', '--period', '2009-05', '--db', other, '--json'])).stdout);
    expect(byRoom(imported.rooms)).toEqual(byRoom(original.rooms));
    expect(imported.total).toEqual(original.total);
  });
});
