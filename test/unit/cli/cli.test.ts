// The headless CLI, in-process for most commands and as a real process for
// exit codes and the SIGKILL test.
import { spawn } from 'node:child_process';

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessCli, runProcess } from './helpers';
import { accountSummary, getPeriod, openCache } from '../../../src/main/cache';
import { createKeychainStore, credentialKey } from '../../../src/main/credentials/keychain';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { demoScope, tempDir } from '../sync/helpers';

const keychain = createKeychainStore(`OAI Desktop Tests ${process.pid}`);
let provider: DemoProvider;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
});
afterAll(async () => {
  await provider.close();
});

const cli = inProcessCli(keychain);

const syncArgs = (db: string, extra: string[] = []) => [
  'sync',
  '--server',
  provider.url,
  '--user',
  DEMO_USERNAME,
  '--account',
  '602127',
  '--db',
  db,
  ...extra,
];

describe('cli sync', () => {
  it('syncs with OAI_PASSWORD, prints each period, then summary --json gives the seed figures', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const sync = await cli(syncArgs(db), { OAI_PASSWORD: DEMO_PASSWORD });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^2009-05\s+synced\s+\d+ conferences/m);
    expect(sync.stdout.trim().split('\n')).toHaveLength(4);

    const summary = await cli(['summary', '--period', '2009-05', '--db', db, '--json']);
    expect(summary.code).toBe(0);
    const json = JSON.parse(summary.stdout);
    expect(Object.keys(json)).toEqual(['account', 'period', 'rooms', 'total']);
    expect(json.account).toBe('602127');
    const active = json.rooms.filter((r: { conferenceCount: number }) => r.conferenceCount > 0);
    expect(active).toEqual([
      { roomNumber: '320026', cardholder: 'Leo', conferenceCount: 1, accumulatedSeconds: 60, chargeCents: 9 },
      { roomNumber: '332703', cardholder: 'Marilene BALLESTER', conferenceCount: 19, accumulatedSeconds: 85816, chargeCents: 11659 },
      { roomNumber: '335848', cardholder: 'Jean-Baptiste Godeau', conferenceCount: active[2].conferenceCount, accumulatedSeconds: 10732, chargeCents: 1539 },
    ]);
    expect(json.rooms.length).toBeGreaterThan(3);
    expect(json.total).toEqual({ conferenceCount: 20 + active[2].conferenceCount, accumulatedSeconds: 96608, chargeCents: 13207 });

    const again = await cli(syncArgs(db), { OAI_PASSWORD: DEMO_PASSWORD });
    expect(again.stdout).toMatch(/^2009-05\s+skipped/m);

    const periods = await cli(['periods', '--db', db, '--json']);
    const list = JSON.parse(periods.stdout);
    expect(list.map((p: { period: string }) => p.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);
    expect(list[0]).toMatchObject({ account: '602127', provider: provider.url, invoiced: false, archived: false, lastError: null });
    expect(list[0].syncedAt).toMatch(/Z$/);
    expect(list[0].revision).toEqual(expect.any(String));
  });

  it('reads the password from the keychain entry of that sign-in first', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const key = credentialKey({ serverUrl: provider.url, username: DEMO_USERNAME, accountNumber: '602127', roomNumber: null });
    await keychain.set(key, DEMO_PASSWORD);
    try {
      const sync = await cli(syncArgs(db), { OAI_PASSWORD: 'wrong-password' });
      expect(sync.code).toBe(0);
    } finally {
      await keychain.delete(key);
    }
  });

  it('reads the password from stdin with --password-stdin', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const sync = await cli(syncArgs(db, ['--password-stdin']), {}, `${DEMO_PASSWORD}\n`);
    expect(sync.code).toBe(0);
  });

  it('names the cause: wrong credentials, unreachable server, newer database', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    const wrong = await cli(syncArgs(db), { OAI_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/user name or password/);
    expect(wrong.stderr).not.toContain('not-the-password');

    const unreachable = await cli(['sync', '--server', 'http://127.0.0.1:9', '--user', 'a@b.c', '--account', '1', '--db', db], {
      OAI_PASSWORD: 'x',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/127\.0\.0\.1:9/);
    expect(unreachable.stderr).toMatch(/reach|connect|refused/i);

    const newer = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const refused = await cli(['periods', '--db', newer, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/newer version of OAI Desktop/);
  });

  it('exits 1 when a period failed and still saves the others', async () => {
    const db = path.join(tempDir(), 'cache.sqlite');
    provider.faults.add({ path: '/periods/2009-03/conferences', times: 20, action: { kind: 'raw', body: 'oops' } });
    try {
      const sync = await cli(syncArgs(db), { OAI_PASSWORD: DEMO_PASSWORD });
      expect(sync.code).toBe(1);
      expect(sync.stdout).toMatch(/^2009-03\s+failed\s+.*\(body\)/m);
      expect(sync.stdout).toMatch(/^2009-05\s+synced/m);
    } finally {
      provider.faults.clear();
    }
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    expect((await cli(['sync', '--server', provider.url, '--user', 'x', '--db', 'x.sqlite'])).stderr).toContain(
      'give exactly one of --account and --room',
    );
    expect((await cli(['summary', '--period', '2009-13'])).code).toBe(2);
    expect((await cli(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
    const noPassword = await cli(syncArgs(path.join(tempDir(), 'c.sqlite')));
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('OAI_PASSWORD');
  });
});

describe('cli with the same account from two providers', () => {
  let other: DemoProvider;
  let db: string;
  beforeAll(async () => {
    other = await startDemoProvider({ now: '2009-06-20' });
    db = path.join(tempDir(), 'cache.sqlite');
    // Stored under the origin of --server, however it is written.
    const shouting = `${provider.url.replace('http://', 'HTTP://')}/`;
    expect((await cli(['sync', '--server', shouting, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], { OAI_PASSWORD: DEMO_PASSWORD })).code).toBe(0);
    expect((await cli(['sync', '--server', other.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], { OAI_PASSWORD: DEMO_PASSWORD })).code).toBe(0);
  });
  afterAll(async () => {
    await other.close();
  });

  it('periods lists both, each with its provider; with --account alone it asks for --server', async () => {
    const all = JSON.parse((await cli(['periods', '--db', db, '--json'])).stdout) as Array<{ provider: string; period: string }>;
    expect(all.filter((p) => p.provider === provider.url).map((p) => p.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);
    expect(all.filter((p) => p.provider === other.url).map((p) => p.period)).toEqual(['2009-06', '2009-05', '2009-04', '2009-03']);
    const ambiguous = await cli(['periods', '--account', '602127', '--db', db, '--json']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`account 602127 is cached from several providers (${[provider.url, other.url].sort().join(', ')}): give --server URL`);
    const chosen = JSON.parse((await cli(['periods', '--account', '602127', '--server', `${other.url}/`, '--db', db, '--json'])).stdout) as unknown[];
    expect(chosen).toHaveLength(4);
  });

  it('summary and export exit 2 until --server picks the provider, then answer from that provider only', async () => {
    const summary = await cli(['summary', '--period', '2009-05', '--db', db, '--json']);
    expect(summary.code).toBe(2);
    expect(summary.stderr).toContain('give --server URL');
    const out = path.join(tempDir(), 'may.xlsx');
    expect((await cli(['export', '--period', '2009-05', '--out', out, '--db', db])).code).toBe(2);

    const may = JSON.parse((await cli(['summary', '--period', '2009-05', '--server', provider.url, '--db', db, '--json'])).stdout);
    expect(may.total.chargeCents).toBe(13207);
    const june = await cli(['summary', '--period', '2009-06', '--server', provider.url, '--db', db, '--json']);
    expect(june.code).toBe(1);
    expect(june.stderr).toContain('period 2009-06 of account 602127 is not in the cache');
    expect((await cli(['summary', '--period', '2009-06', '--server', other.url, '--db', db, '--json'])).code).toBe(0);
    const exported = await cli(['export', '--period', '2009-05', '--server', other.url, '--out', out, '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(out);
    const unknown = await cli(['summary', '--period', '2009-05', '--server', 'https://nobody.example', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the cache holds no account from https://nobody.example');
  });
});

describe('cli as a process', () => {
  it('a sync killed with SIGKILL mid-period leaves a database that opens with the previous data intact', async () => {
    const big = await startDemoProvider({ now: '2009-05-20', rooms: 300, perRoom: 40 });
    try {
      const dir = tempDir();
      const db = path.join(dir, 'cache.sqlite');
      const env = { ...process.env, OAI_PASSWORD: DEMO_PASSWORD };
      const args = ['--import', 'tsx', 'src/cli/main.ts', 'sync', '--server', big.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db];
      const first = await runProcess(args, env);
      expect(first.code).toBe(0);
      const before = summaryOf(db, big, '2009-04');
      const beforeRevision = revisionOf(db, big, '2009-04');
      for (const period of ['2009-05', '2009-04', '2009-03', '2009-02']) big.bumpRevision(period);

      // Kill the second sync as soon as it starts writing a period.
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const killedWhileWriting = await new Promise<boolean>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          if (/2009-04 \(\d\/4\): writing/.test(chunk.toString())) {
            child.kill('SIGKILL');
            resolve(true);
          }
        });
        child.on('exit', () => resolve(false));
      });
      expect(killedWhileWriting).toBe(true);
      await new Promise((resolve) => child.once('exit', resolve));

      // A copy of the files as the crash left them opens cleanly.
      const check = new Database(db);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
      expect(summaryOf(db, big, '2009-04')).toEqual(before);
      expect(revisionOf(db, big, '2009-04')).toBe(beforeRevision);
    } finally {
      await big.close();
    }
  }, 120_000);
});

function summaryOf(file: string, demo: DemoProvider, period: string) {
  const db = openCache(file);
  try {
    return accountSummary(db, demoScope(demo), period, 'all').total;
  } finally {
    db.close();
  }
}

function revisionOf(file: string, demo: DemoProvider, period: string) {
  const db = openCache(file);
  try {
    return getPeriod(db, demoScope(demo), period)?.revision;
  } finally {
    db.close();
  }
}

