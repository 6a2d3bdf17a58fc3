// Compressed answers, the decoded-size ceiling (a real gzip bomb on loopback)
// and the client-wide pause a 429 sets for every request of the client.
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/main/provider/client';
import { ACCOUNT, ACCOUNT_BODY, conference, makeClient, rejectionOf, sendError, sendJson, startServer, withSessions, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PERIODS_BODY = { periods: [] };

function sendEncoded(res: ServerResponse, encoding: 'gzip' | 'br', body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length });
  res.end(body);
}

describe('ProviderClient compression', () => {
  it('asks for gzip and br and reads either', async () => {
    const json = Buffer.from(JSON.stringify(ACCOUNT_BODY));
    let calls = 0;
    server = await startServer(
      withSessions((_req, res) => {
        calls += 1;
        sendEncoded(res, calls === 1 ? 'gzip' : 'br', calls === 1 ? gzipSync(json) : brotliCompressSync(json));
      }),
    );
    const { client } = makeClient(server.url);
    expect((await client.getAccount(ACCOUNT)).companyName).toBe(ACCOUNT_BODY.companyName);
    expect((await client.getAccount(ACCOUNT)).companyName).toBe(ACCOUNT_BODY.companyName);
    expect(server.received.map((r) => r.headers['accept-encoding'])).toEqual(['gzip, br', 'gzip, br', 'gzip, br']);
  });

  it('stops reading a gzip bomb at the ceiling and names the request', async () => {
    // 256 MiB of zeros: ~250 KB on the wire.
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    server = await startServer(withSessions((_req, res) => sendEncoded(res, 'gzip', bomb)));
    const { client } = makeClient(server.url);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const error = (await rejectionOf(client.getAccount(ACCOUNT))) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe('malformed');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(`GET /oai/v1/accounts/${ACCOUNT}`);
    expect(error.message).toContain('8 MiB');
    // Never held anything near the decoded size.
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('lets a conference page be larger than other answers, up to its own ceiling', async () => {
    const page = { conferences: Array.from({ length: 4000 }, (_, i) => conference(i)), nextCursor: null };
    const text = JSON.stringify({ ...page, padding: 'x'.repeat(9 * 1024 * 1024) });
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    server = await startServer(withSessions((_req, res) => sendEncoded(res, 'gzip', gzipSync(text))));
    const { client } = makeClient(server.url);
    const pages = [];
    for await (const p of client.conferencePages(ACCOUNT, '2026-10', { limit: 5000 })) pages.push(p);
    expect(pages[0]!.conferences).toHaveLength(4000);
  });

  it('refuses an uncompressed answer whose Content-Length is over the ceiling without reading it', async () => {
    server = await startServer(
      withSessions((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(9 * 1024 * 1024) });
        res.write('{"accountNumber":');
        // Never sends the rest: the client must not wait for it.
      }),
    );
    const { client } = makeClient(server.url);
    const error = (await rejectionOf(client.getAccount(ACCOUNT))) as ProviderError;
    expect(error.code).toBe('too_large');
  });
});

describe('ProviderClient pacing', () => {
  it('holds every request of the client while a 429 asks to wait, not only the one that got it', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sleeps: number[] = [];
    let accountCalls = 0;
    let throttled!: () => void;
    const wasThrottled = new Promise<void>((resolve) => (throttled = resolve));
    server = await startServer(
      withSessions((req, res) => {
        if (req.path.endsWith('/periods')) return sendJson(res, 200, PERIODS_BODY);
        accountCalls += 1;
        if (accountCalls === 1) {
          sendError(res, 429, 'rate_limited', 'Slow down', { 'retry-after': '3' });
          throttled();
          return;
        }
        sendJson(res, 200, ACCOUNT_BODY);
      }),
    );
    const { client } = makeClient(server.url, {
      sleep: (ms) => {
        sleeps.push(ms);
        return released;
      },
    });
    await client.login();
    const account = client.getAccount(ACCOUNT);
    await wasThrottled;
    // Give the client time to see the 429 before the second stream starts.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const periods = client.listPeriods(ACCOUNT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.lines().filter((l) => l.endsWith('/periods'))).toEqual([]);
    release();
    await Promise.all([account, periods]);
    expect(sleeps).toEqual([3000]);
    expect(server.lines().filter((l) => l.endsWith('/periods'))).toHaveLength(1);
  });
});
