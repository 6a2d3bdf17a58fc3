// `npm run start:browser` on a cache it cannot use: the harness process keeps
// running and serves the app (whose recovery screen or read-only banner says
// why) instead of exiting with a stack trace, as it did before the archive's
// state machine. Read-only conditions are real: read-only bind mounts.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/cache';
import type { ArchiveStatus } from '../../../src/shared/archive-contract';
import { damageMiddle, fillerCache } from '../archive/helpers';
import { canMountReadOnly, READ_ONLY_MOUNT_NEEDS, startWithReadOnly } from '../archive/read-only-mount';

const running: ChildProcess[] = [];

/** Stops a harness and waits for it to be gone: SIGTERM, then SIGKILL if it is still there after 15 s. */
async function stopHarness(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    return await exited;
  } finally {
    clearTimeout(killer);
  }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map(stopHarness));
});

function fakeRenderer(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  return dir;
}

function dataDirWith(spoil: (file: string) => void): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-archive-'));
  const file = path.join(dir, 'oai-cache.sqlite');
  fillerCache(file, 1);
  spoil(file);
  return { dir, file };
}

function harnessArgs(dataDir: string): string[] {
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-downloads-'));
  return [process.execPath, '--import', 'tsx', 'src/harness/main.ts', '--port', '0', '--data', dataDir, '--downloads', downloads, '--renderer', fakeRenderer()];
}

/** The harness's URL (its first line), and what it wrote on stderr so far. */
async function urlOf(child: ChildProcess): Promise<{ url: string; stderr: () => string }> {
  running.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the harness exited with ${code}: ${stderr}`)));
  });
  return { url, stderr: () => stderr };
}

async function archiveStatus(url: string): Promise<ArchiveStatus> {
  const origin = url.replace(/\/$/, '');
  for (;;) {
    const response = await fetch(`${origin}/__bridge/archiveStatus`, { method: 'POST', body: '{}', headers: { Origin: origin, 'Content-Type': 'application/json' } });
    const result = (await response.json()) as { ok: true; value: ArchiveStatus };
    if (result.value.state !== 'checking') return result.value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SPOILED: Array<[string, string, (file: string) => void]> = [
  ['a truncated cache', 'truncated', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
  ['random bytes', 'not_a_cache', (file) => writeFileSync(file, randomBytes(8192))],
  ['a newer version’s cache', 'newer_version', (file) => {
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
  }],
  ['a damaged cache', 'damaged', (file) => void damageMiddle(file)],
];

describe('the harness on a cache it cannot use', () => {
  it.each(SPOILED)('keeps serving on %s, and says why (%s)', async (_name, kind, spoil) => {
    const { dir } = dataDirWith(spoil);
    const harness = await urlOf(spawn(harnessArgs(dir)[0]!, harnessArgs(dir).slice(1), { stdio: 'pipe' }));
    expect(await (await fetch(harness.url)).text()).toContain('/__harness/bridge.js');
    expect(await archiveStatus(harness.url)).toMatchObject({ state: 'unavailable', problem: { kind }, file: path.join(dir, 'oai-cache.sqlite') });
    expect(harness.stderr()).not.toMatch(/^\s+at /m);
  });
});

describe.skipIf(!canMountReadOnly)(`the harness on a cache it can only read (${READ_ONLY_MOUNT_NEEDS})`, () => {
  it.each([
    ['folder', 'read_only_folder'],
    ['file', 'read_only_file'],
  ])('a read-only %s: serves it read-only, leaves nothing behind; the next run writes', async (what, reason) => {
    const { dir, file } = dataDirWith(() => {});
    mkdirSync(path.join(dir, 'logs'));
    const before = readdirSync(dir).sort();
    const readOnly = await urlOf(startWithReadOnly(what === 'folder' ? dir : file, harnessArgs(dir)));
    expect(await archiveStatus(readOnly.url)).toMatchObject({ state: 'read-only', reason, months: [{ period: '2026-01' }] });
    expect(readOnly.stderr()).not.toMatch(/^\s+at /m);
    await stopHarness(running.pop()!);
    expect(readdirSync(dir).sort()).toEqual(before);

    const writable = await urlOf(spawn(harnessArgs(dir)[0]!, harnessArgs(dir).slice(1), { stdio: 'pipe' }));
    expect(await archiveStatus(writable.url)).toMatchObject({ state: 'ready', reason: null });
  });
});

if (!canMountReadOnly) console.log(`read-only harness tests skipped: they ${READ_ONLY_MOUNT_NEEDS}`);

describe('the harness process', () => {
  it('keeps its log when the terminal is gone (no EPIPE loop) and stops on SIGTERM', async () => {
    const { dir } = dataDirWith(() => {});
    const child = spawn(harnessArgs(dir)[0]!, harnessArgs(dir).slice(1), { stdio: 'pipe' });
    const harness = await urlOf(child);
    // The terminal goes away, then something is logged (a refused call logs an error).
    child.stderr?.destroy();
    const refused = await fetch(`${harness.url.replace(/\/$/, '')}/__bridge/appInfo`, { method: 'POST', body: '{}', headers: { Origin: 'http://elsewhere.example' } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const log = readdirSync(path.join(dir, 'logs')).map((name) => readFileSync(path.join(dir, 'logs', name), 'utf8')).join('');
    expect(log).toContain('harness refused bridge call appInfo');
    expect(log).not.toContain('EPIPE');
    expect((await fetch(harness.url)).status).toBe(200);
    running.pop();
    expect(await stopHarness(child)).toBe(0);
  });
});
