// The CLI's archive commands on real files, with the demo provider on
// loopback: check, backup, backups, restore, and sync refusing a damaged cache.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, USAGE, type CliIo } from '../../../src/cli/commands';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/cache';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { damageMiddle, monthSummaries, sha256 } from '../archive/helpers';
import { tempDir } from '../sync/helpers';

let provider: DemoProvider;
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
});
afterAll(async () => {
  await provider.close();
});

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { HOME: tempDir(), ...env }, stdin: Readable.from(['']) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const sync = (db: string) =>
  cli(['sync', '--server', provider.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], { OAI_PASSWORD: DEMO_PASSWORD });

async function syncedCache(): Promise<{ dir: string; db: string }> {
  const dir = tempDir('oai-cli-archive-');
  const db = path.join(dir, 'oai-cache.sqlite');
  const first = await sync(db);
  expect(first.code, first.stderr).toBe(0);
  return { dir, db };
}

describe('a damaged cache, end to end', () => {
  it('check exits 1 naming the damage and the backup; sync exits 1 and changes nothing; restore gives back every month', async () => {
    const { dir, db } = await syncedCache();
    // The sync that changed something left an automatic backup beside the cache.
    const backups = readdirSync(path.join(dir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^oai-cache-\d{4}-\d{2}-\d{2}T\d{6}Z\.sqlite$/)]);
    const backup = path.join(dir, 'backups', backups[0]!);
    const before = monthSummaries(db);
    expect(before.map((m) => m.period)).toEqual(['2009-05', '2009-04', '2009-03', '2009-02']);

    const table = damageMiddle(db);
    const damaged = sha256(db);
    const check = await cli(['check', '--db', db]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${db} is DAMAGED`);
    expect(check.stdout).toContain(table);
    expect(check.stdout).toContain(`Newest good backup: ${backup}`);
    expect(check.stdout).toContain('602127: 2009-02 2009-03 2009-04 2009-05');
    const json = JSON.parse((await cli(['check', '--db', db, '--json'])).stdout);
    expect(json).toMatchObject({ file: db, ok: false, newestGoodBackup: { file: backup } });
    expect(json.problems.length).toBeGreaterThan(0);

    provider.bumpRevision('2009-05');
    const refused = await sync(db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('damaged');
    expect(refused.stderr).toContain(`Newest good backup: ${backup}`);
    expect(sha256(db)).toBe(damaged);
    expect(readdirSync(path.join(dir, 'backups'))).toEqual(backups);

    const restore = await cli(['restore', '--from', backup, '--db', db]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restored ${backup} into ${db}`);
    expect(restore.stdout).toMatch(/602127 2009-05/);
    // The damaged cache was set aside byte for byte, named for why.
    const aside = readdirSync(dir).find((name) => /^oai-cache\.damaged-.*\.sqlite$/.test(name));
    expect(aside).toBeDefined();
    expect(sha256(path.join(dir, aside!))).toBe(damaged);
    expect(monthSummaries(db)).toEqual(before);
    expect((await cli(['check', '--db', db])).code).toBe(0);
  }, 60_000);
});

describe('check, backup, backups', () => {
  it('check exits 0 on an intact cache, 1 on a missing or foreign file', async () => {
    const { dir, db } = await syncedCache();
    const intact = await cli(['check', '--db', db]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain(`${db}: intact`);
    expect(JSON.parse((await cli(['check', '--db', db, '--json'])).stdout)).toMatchObject({ file: db, ok: true, problems: [] });
    expect((await cli(['check', '--db', path.join(dir, 'none.sqlite')])).stderr).toContain('there is no cache at');
    const notes = path.join(dir, 'notes.sqlite');
    writeFileSync(notes, 'not a database at all, just some notes\n'.repeat(10));
    const foreign = await cli(['check', '--db', notes]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('not a SQLite database');
  });

  it('backup --out writes a checked copy; backups lists the automatic ones newest first with date and months', async () => {
    const { dir, db } = await syncedCache();
    const out = path.join(dir, 'copy.sqlite');
    const copied = await cli(['backup', '--db', db, '--out', out]);
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain(out);
    expect(monthSummaries(out)).toEqual(monthSummaries(db));

    provider.bumpRevision('2009-04');
    expect((await sync(db)).code).toBe(0);
    const list = await cli(['backups', '--db', db]);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\s+[\d.]+ MB\s+602127: 2009-02 2009-03 2009-04 2009-05 /);
    const json = JSON.parse((await cli(['backups', '--db', db, '--json'])).stdout);
    expect(json).toHaveLength(2);
    expect(json[0].createdAt >= json[1].createdAt).toBe(true);
    expect(json[0].months).toContainEqual({ accountNumber: '602127', period: '2009-05', archived: false });
    expect(USAGE).toMatch(/check .*\n.*\n\s+backup .*--out FILE/);
  });
});

describe('restore refuses an unusable file and changes nothing', () => {
  it.each([
    ['not SQLite', (file: string) => writeFileSync(file, 'hello\n'.repeat(100)), /not a SQLite database/],
    ['damaged', (file: string) => damageMiddle(file), /damaged/],
    [
      'from a newer version',
      (file: string) => {
        const raw = new Database(file);
        raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
        raw.close();
      },
      /newer version/,
    ],
    ['missing', (file: string) => file, /empty or does not exist/],
  ])('%s', async (_kind, spoil, message) => {
    const { dir, db } = await syncedCache();
    const candidate = path.join(tempDir(), 'candidate.sqlite');
    if (_kind !== 'missing') copyFileSync(path.join(dir, 'backups', readdirSync(path.join(dir, 'backups'))[0]!), candidate);
    spoil(candidate);
    const before = sha256(db);
    const listing = readdirSync(dir).sort();
    const result = await cli(['restore', '--from', candidate, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Nothing was changed');
    expect(sha256(db)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});
