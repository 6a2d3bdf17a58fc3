// Provider text printed by the CLI (names, codes, the provider's error
// messages) never carries terminal control to the terminal: escape
// sequences (clear screen, window title, colours) and C0/C1 controls are
// stripped from text output; --json stays exact JSON with every control
// character escaped. Against a demo provider that sends such text, through
// the CLI in-process and as a real process.
/* eslint-disable no-control-regex -- control characters are what these tests look for */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessCli } from './helpers';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { tempDir } from '../sync/helpers';

const keychain = createKeychainStore(`OAI Desktop Tests ${process.pid}`);
const ROOM = '332703';
/** What a hostile provider might put in a cardholder's name. */
const CARDHOLDER = 'Mari\x1b[2Jlene\x1b]0;pwned\x07 BALL\x1b[31mESTER\r\x9b2J\x1bc\x00\n😀 é\x7f\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\';
const SHOWN = 'Marilene BALLESTER 😀 élink';
const REFUSAL = 'locked \x1b[2J\x1b]2;title\x9c by \x9b1mtests\x07';

/** ESC, BEL, CR, DEL and the C1 controls; \n and \t are checked separately. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

let provider: DemoProvider;
let db: string;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  // One month the provider refuses, with control characters in its message.
  provider.faults.add({ path: '/periods/2009-03/rooms', times: Infinity, action: { kind: 'error', status: 403, code: 'forbidden', message: REFUSAL } });
  provider.faults.add({
    path: '/rooms',
    times: Infinity,
    action: {
      kind: 'mutate',
      mutate: (json) => {
        for (const room of (json as { rooms: Record<string, unknown>[] }).rooms) if (room.roomNumber === ROOM) room.cardholder = CARDHOLDER;
        return json;
      },
    },
  });
  db = path.join(tempDir(), 'cache.sqlite');
});
afterAll(async () => {
  await provider.close();
});

const cli = inProcessCli(keychain);

function runProcess(args: string[]) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

function expectClean(text: string): void {
  expect(text).not.toMatch(CONTROL);
  expect(text).not.toMatch(/\[2J|\]0;|\]2;|pwned|title|evil/);
}

describe('the CLI and provider text', () => {
  it('sync prints the provider’s refusal without its control characters', async () => {
    const sync = await cli(['sync', '--server', provider.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], { OAI_PASSWORD: DEMO_PASSWORD });
    expect(sync.code).toBe(1);
    const failed = sync.stdout.split('\n').find((line) => line.startsWith('2009-03'))!;
    expect(failed).toMatch(/^2009-03\s+failed\s+.*locked {2}by tests/);
    expectClean(sync.stdout + sync.stderr);
    expect(sync.stdout.split('\n').filter((line) => line !== '')).toHaveLength(4);
  });

  it('summary and periods print names and errors as plain text on one line each', async () => {
    const summary = await cli(['summary', '--period', '2009-05', '--db', db]);
    expect(summary.code).toBe(0);
    expectClean(summary.stdout);
    const line = summary.stdout.split('\n').find((l) => l.startsWith('33 270 3'))!;
    expect(line).toContain(SHOWN);
    // Each room keeps to its own line, its amount last.
    expect(summary.stdout.split('\n').filter((l) => /^\d/.test(l)).every((l) => /€\d+\.\d\d$/.test(l))).toBe(true);

    const periods = await cli(['periods', '--db', db]);
    expectClean(periods.stdout);
    expect(periods.stdout).toMatch(/2009-03 .*last error: .*locked {2}by tests/);
  });

  it('--json keeps the exact strings, every control character escaped', async () => {
    const summary = await cli(['summary', '--period', '2009-05', '--db', db, '--json']);
    expect(summary.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    const json = JSON.parse(summary.stdout) as { rooms: { roomNumber: string; cardholder: string }[] };
    expect(json.rooms.find((r) => r.roomNumber === ROOM)!.cardholder).toBe(CARDHOLDER);
    expect(summary.stdout).toContain('\\u001b[2J');
    expect(summary.stdout).toContain('\\u009b2J');

    const periods = JSON.parse((await cli(['periods', '--db', db, '--json'])).stdout) as { period: string; lastError: string | null }[];
    expect(periods.find((p) => p.period === '2009-03')!.lastError).toContain(REFUSAL);
  });

  it('anything else it writes is cleaned too, e.g. a file name in an error', async () => {
    const missing = path.join(tempDir(), 'old\x1b]0;pwned\x07\x1b[2J.sqlite');
    const result = await cli(['summary', '--period', '2009-05', '--db', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot open the cache file ${path.dirname(missing)}/old.sqlite`);
    expectClean(result.stderr);
  });

  it('a real process writes the same clean bytes to its stdout', async () => {
    const text = await runProcess(['summary', '--period', '2009-05', '--db', db]);
    expect(text.code).toBe(0);
    expectClean(text.stdout);
    expect(text.stdout).toContain(SHOWN);
    const json = await runProcess(['summary', '--period', '2009-05', '--db', db, '--json']);
    expect((JSON.parse(json.stdout) as { rooms: { cardholder: string }[] }).rooms.map((r) => r.cardholder)).toContain(CARDHOLDER);
  });
});
