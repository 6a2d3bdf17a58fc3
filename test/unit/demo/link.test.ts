// The demo provider as a remote one: a delay on every response (--latency-ms)
// and compressed answers for clients that ask (--compress).
import http from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { accountSummary } from '../../../src/main/cache';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { runSync } from '../../../src/main/sync/sync-engine';
import { demoClient, demoScope, tempCache } from '../sync/helpers';

const open: DemoProvider[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function demo(options: { latencyMs?: number; compress?: boolean } = {}) {
  const provider = await startDemoProvider({ now: '2009-05-20', ...options });
  open.push(provider);
  return provider;
}

/** The raw answer to a sign-in, as sent on the wire (not decoded). */
function rawSignIn(url: string, acceptEncoding: string | null): Promise<{ encoding: string | undefined; bytes: number; ms: number }> {
  const body = JSON.stringify({ username: 'demo@meetingone.example', password: 'demo-password', accountNumber: '602127' });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
    const req = http.request(`${url}/oai/v1/session`, { method: 'POST', headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

it('compresses only when asked to and when the client accepts it', async () => {
  const plain = await demo();
  const compressing = await demo({ compress: true });
  expect((await rawSignIn(plain.url, 'gzip, br')).encoding).toBeUndefined();
  expect((await rawSignIn(compressing.url, null)).encoding).toBeUndefined();
  expect((await rawSignIn(compressing.url, 'gzip, br')).encoding).toBe('gzip');
  expect((await rawSignIn(compressing.url, 'br')).encoding).toBe('br');
});

it('delays every response by --latency-ms', async () => {
  const slow = await demo({ latencyMs: 120 });
  expect((await rawSignIn(slow.url, null)).ms).toBeGreaterThanOrEqual(115);
});

it('a sync over a compressing provider stores the same months, for a fraction of the bytes', async () => {
  const sizes: Record<string, number> = {};
  for (const compress of [false, true]) {
    const provider = await demo({ compress });
    let bytes = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      bytes += Number(response.headers.get('content-length') ?? 0);
      return response;
    };
    const cache = tempCache();
    const report = await runSync({ cache: cache.handle, client: demoClient(provider, {}, { fetch: countingFetch }), origin: provider.url });
    expect(report.status).toBe('ok');
    expect(accountSummary(cache.db, demoScope(provider), '2009-05', 'active').total.chargeCents).toBe(13207);
    sizes[String(compress)] = bytes;
  }
  expect(sizes.true! * 4).toBeLessThan(sizes.false!);
});
