// The standalone command: scripts/demo-server.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { periodsResponseSchema } from '../../../src/main/provider/api-schemas';
import { request } from './helpers';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Runs the command in its own process group, so the whole npx → tsx → node chain can be stopped. */
function runDemoServer(args: string[]): ChildProcess {
  return spawn('npx', ['tsx', 'scripts/demo-server.ts', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

it('prints the base URL on the first line, then the credentials, and serves until stopped', { timeout: 20_000 }, async () => {
  const child = runDemoServer(['--port', '0', '--now', '2009-05-20']);
  const exited = exitOf(child);
  try {
    const lines = createInterface({ input: child.stdout! });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        received.push(line);
        if (received.length === 5) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early: ${received.join(' | ')}`)));
    });
    const [url, ...credentials] = received;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(credentials.join('\n')).toContain('demo@meetingone.example');
    expect(credentials.join('\n')).toContain('demo-password');
    expect(credentials.join('\n')).toContain('602127');
    expect(credentials.join('\n')).toContain('332703');

    const login = await request(`${url}/oai/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ username: 'demo@meetingone.example', password: 'demo-password', accountNumber: '602127' }),
    });
    expect(login.status).toBe(200);
    const token = (login.json as { token: string }).token;
    const periods = await request(`${url}/oai/v1/accounts/602127/periods`, { headers: { authorization: `Bearer ${token}` } });
    expect(periodsResponseSchema.parse(periods.json).periods[0]?.period).toBe('2009-05');

    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await expect(fetch(`${url}/oai/v1/session`, { method: 'DELETE' })).rejects.toThrow();
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
});

it('rejects a bad option with a one-line error and exit code 2', { timeout: 20_000 }, async () => {
  const child = runDemoServer(['--rooms', 'many']);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await exitOf(child)).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('--rooms');
});

it('rejects a page cache size that is not a whole number of MB', { timeout: 20_000 }, async () => {
  const child = runDemoServer(['--page-cache-mb', 'lots']);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await exitOf(child)).toBe(2);
  expect(stderr).toContain('--page-cache-mb');
});
