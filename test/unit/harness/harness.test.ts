// The browser harness answers window.oai over HTTP with the real services,
// and only to its own page.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeCallNames } from '../../../src/shared/bridge';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { startHarness, type Harness } from '../../../src/harness/server';
import { request } from 'node:http';

let services: AppServices;
let harness: Harness;
let origin: string;

function fakeRenderer(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-renderer-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  return dir;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-'));
  services = await createAppServices({ dataDir, shell: 'browser-harness', version: '1.2.3', locale: 'fr-FR' });
  harness = await startHarness({ rendererDir: fakeRenderer(), services });
  origin = harness.url.replace(/\/$/, '');
});
afterAll(async () => {
  await harness.close();
  await services.close();
});

function post(name: string, body: string, headers: Record<string, string>) {
  return fetch(`${origin}/__bridge/${name}`, { method: 'POST', body, headers });
}

describe('browser harness', () => {
  it('answers its own origin through the shared dispatcher', async () => {
    const response = await post('appInfo', '{}', { Origin: origin, 'Content-Type': 'application/json' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { shell: 'browser-harness', version: '1.2.3' } });
  });

  it('validates arguments like Electron does', async () => {
    const response = await post('appInfo', '{"path":"/etc/passwd"}', { Origin: origin, 'Content-Type': 'application/json' });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it.each([['http://evil.example'], ['null'], ['http://127.0.0.1:1']])('does not answer origin %s', async (foreign) => {
    const response = await post('appInfo', '{}', { Origin: foreign, 'Content-Type': 'application/json' });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('browser-harness');
  });

  // Issue 15, point 17: the event stream has the same origin check as the calls.
  it.each([
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403],
    ['Origin null', { Origin: 'null' }, 403],
    ['another port', { Origin: 'http://127.0.0.1:1' }, 403],
    ['no Origin and no Sec-Fetch-Site', {}, 403],
    ['a cross-site fetch without Origin', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['its own page (same-origin EventSource)', { 'Sec-Fetch-Site': 'same-origin' }, 200],
    ['its own Origin', { Origin: 'own' }, 200],
  ] as const)('the event stream answers %s with %i', async (_what, headers, status) => {
    const sent: Record<string, string> = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value === 'own' ? origin : value]));
    const answered = await new Promise<number>((resolve, reject) => {
      const req = request(`${origin}/__bridge-events`, { headers: sent }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    });
    expect(answered).toBe(status);
  });

  it('does not answer a request without Origin', async () => {
    const response = await post('appInfo', '{}', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(403);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(origin);
      const req = request(
        { host: '127.0.0.1', port: url.port, path: '/__bridge/appInfo', method: 'POST', headers: { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'application/json' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('injects the bridge script, generated from the contract, into the page', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    expect(html).toContain('<script src="/__harness/bridge.js"></script>');
    const script = await (await fetch(`${origin}/__harness/bridge.js`)).text();
    for (const name of bridgeCallNames) expect(script).toContain(`"${name}"`);
    expect(script).not.toMatch(/ipcRenderer/);
  });
});

describe('npm run start:browser entry point', () => {
  it('prints the URL on the first line of stdout and serves the app there', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oai-harness-cli-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/harness/main.ts', '--port', '0', '--data', dataDir, '--renderer', fakeRenderer()],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const html = await (await fetch(firstLine)).text();
      expect(html).toContain('/__harness/bridge.js');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects a bad option with a one-line error and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/harness/main.ts', '--port', 'abc'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be 0..65535');
  });
});

describe('harness events', () => {
  it('streams sync progress to the page over Server-Sent Events', async () => {
    const controller = new AbortController();
    // As the harness's page asks (a same-origin EventSource).
    const response = await fetch(`${origin}/__bridge-events`, { signal: controller.signal, headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    services.events.emit('bridge-event', 'syncProgress', { profileId: 'p', state: 'running' });
    let text = '';
    while (!text.includes('"running"')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: syncProgress');
    expect(text).toContain('data: {"profileId":"p","state":"running"}');
  });
});
