import { afterEach, describe, expect, it } from 'vitest';
import { ProviderClient, ProviderError } from '../../../src/main/provider/client';
import {
  ACCOUNT,
  ACCOUNT_BODY,
  PASSWORD,
  USERNAME,
  makeClient,
  rejectionOf,
  sendError,
  sendJson,
  sessionBody,
  startServer,
  withSessions,
  type TestServer,
} from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const GET_ACCOUNT = `GET /oai/v1/accounts/${ACCOUNT}`;
const POST_SESSION = 'POST /oai/v1/session';

/** Fails the first `failures` account requests with `fail`, then answers the account. */
function failingThenOk(failures: number, fail: Parameters<typeof withSessions>[0]) {
  let seen = 0;
  return withSessions((req, res, raw) => {
    seen += 1;
    if (seen <= failures) return fail(req, res, raw);
    sendJson(res, 200, ACCOUNT_BODY);
  });
}

function asProviderError(error: unknown): ProviderError {
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('ProviderClient retries', () => {
  it('honours Retry-After seconds on 429, instead of the computed backoff', async () => {
    server = await startServer(failingThenOk(1, (_req, res) => sendError(res, 429, 'rate_limited', 'Slow down', { 'retry-after': '7' })));
    const { client, sleeps, events } = makeClient(server.url);
    await client.login();
    expect((await client.getAccount(ACCOUNT)).accountNumber).toBe(ACCOUNT);
    expect(sleeps).toEqual([7000]);
    expect(events.map((e) => [e.method, e.path, e.status, e.attempt])).toEqual([
      ['POST', '/oai/v1/session', 200, 1],
      ['GET', `/oai/v1/accounts/${ACCOUNT}`, 429, 1],
      ['GET', `/oai/v1/accounts/${ACCOUNT}`, 200, 2],
    ]);
  });

  it('accepts Retry-After as an HTTP-date and caps it at maxDelayMs', async () => {
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    let calls = 0;
    server = await startServer(
      withSessions((_req, res) => {
        calls += 1;
        if (calls === 1) return sendError(res, 503, 'unavailable', 'Maintenance', { 'retry-after': inFiveSeconds });
        if (calls === 2) return sendError(res, 503, 'unavailable', 'Maintenance', { 'retry-after': '3600' });
        sendJson(res, 200, ACCOUNT_BODY);
      }),
    );
    const { client, sleeps } = makeClient(server.url, { maxDelayMs: 20_000 });
    await client.getAccount(ACCOUNT);
    expect(sleeps).toHaveLength(2);
    // HTTP-dates have one-second resolution.
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
    expect(sleeps[1]).toBe(20_000);
  });

  it('retries 503 then succeeds, with exponential backoff when there is no Retry-After', async () => {
    server = await startServer(failingThenOk(3, (_req, res) => sendError(res, 503, 'unavailable', 'Busy')));
    const { client, sleeps } = makeClient(server.url, { baseDelayMs: 100, maxDelayMs: 300 });
    expect((await client.getAccount(ACCOUNT)).currency).toBe('EUR');
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT, GET_ACCOUNT, GET_ACCOUNT]);
    // Equal jitter: between half and all of 100, 200, min(400, 300).
    expect(sleeps).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = sleeps;
    expect(first).toBeGreaterThanOrEqual(50);
    expect(first).toBeLessThanOrEqual(100);
    expect(second).toBeGreaterThanOrEqual(100);
    expect(second).toBeLessThanOrEqual(200);
    expect(third).toBeGreaterThanOrEqual(150);
    expect(third).toBeLessThanOrEqual(300);
  });

  it('retries 500 on a GET', async () => {
    server = await startServer(failingThenOk(1, (_req, res) => res.writeHead(500).end('oops')));
    const { client, sleeps } = makeClient(server.url);
    expect((await client.getAccount(ACCOUNT)).accountNumber).toBe(ACCOUNT);
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT]);
    expect(sleeps).toHaveLength(1);
  });

  it('retries 500 on a PUT (idempotent)', async () => {
    let calls = 0;
    const conference = {
      id: 'c-1', roomNumber: '332703', start: '2009-05-06T07:02:11Z', serviceType: 'Web', billingCode: 'X',
      participantCount: 0, lengthSeconds: 0, accumulatedSeconds: 0, chargeCents: 0, participants: [],
    };
    server = await startServer(withSessions((_req, res) => (++calls === 1 ? res.writeHead(502).end() : sendJson(res, 200, conference))));
    const { client } = makeClient(server.url);
    expect((await client.setBillingCode(ACCOUNT, 'c-1', 'X')).billingCode).toBe('X');
    expect(calls).toBe(2);
  });

  it('does not retry 500 on POST /session', async () => {
    server = await startServer((_req, res) => sendError(res, 500, 'internal', 'Boom'));
    const { client, sleeps } = makeClient(server.url);
    const error = asProviderError(await rejectionOf(client.login()));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('1 attempt');
    expect(server.lines()).toEqual([POST_SESSION]);
    expect(sleeps).toEqual([]);
  });

  it('does retry 503 and 429 on POST /session', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) return sendError(res, 503, 'unavailable', 'Busy', { 'retry-after': '2' });
      if (calls === 2) return sendError(res, 429, 'rate_limited', 'Slow', { 'retry-after': '1' });
      sendJson(res, 200, sessionBody('tok-x'));
    });
    const { client, sleeps } = makeClient(server.url);
    expect((await client.login()).token).toBe('tok-x');
    expect(sleeps).toEqual([2000, 1000]);
  });

  it('ends with `unavailable` naming the attempts when retries are exhausted', async () => {
    server = await startServer(withSessions((_req, res) => sendError(res, 503, 'unavailable', 'Down for maintenance')));
    const { client, sleeps } = makeClient(server.url, { maxRetries: 2 });
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT)));
    expect(error.kind).toBe('unavailable');
    expect(error.attempts).toBe(3);
    expect(error.status).toBe(503);
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('3 attempts');
    expect(error.message).toContain('Down for maintenance');
    expect(error.message).toContain(server.url.replace('http://', ''));
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT, GET_ACCOUNT]);
    expect(sleeps).toHaveLength(2);
  });

  it('retries a GET whose connection the server drops', async () => {
    server = await startServer(failingThenOk(1, (_req, _res, raw) => raw.socket.destroy()));
    const { client, events } = makeClient(server.url);
    expect((await client.getAccount(ACCOUNT)).accountNumber).toBe(ACCOUNT);
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT]);
    expect(events[1]?.status).toBeNull();
  });

  it('retries a GET whose body is cut off half-way', async () => {
    server = await startServer(
      failingThenOk(1, (_req, res, raw) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.write('{"accountNumber":"60', () => setTimeout(() => raw.socket.destroy(), 20));
      }),
    );
    const { client } = makeClient(server.url);
    expect((await client.getAccount(ACCOUNT)).companyName).toBe('MeetingOne Phoenix');
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT]);
  });

  it('does not retry a dropped POST /session and reports `unreachable`', async () => {
    server = await startServer((_req, _res, raw) => raw.socket.destroy());
    const { client } = makeClient(server.url);
    const error = asProviderError(await rejectionOf(client.login()));
    expect(error.kind).toBe('unreachable');
    expect(error.attempts).toBe(1);
    expect(server.lines()).toEqual([POST_SESSION]);
  });

  it('reports `unreachable` after retrying a refused connection', async () => {
    const gone = await startServer(withSessions((_req, res) => sendJson(res, 200, ACCOUNT_BODY)));
    const { client, sleeps, events } = makeClient(gone.url, { maxRetries: 2 });
    await client.login();
    await gone.close();
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT)));
    expect(error.kind).toBe('unreachable');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(3);
    expect(error.message).toContain('connection refused');
    expect(error.message).toContain('3 attempts');
    expect(sleeps).toHaveLength(2);
    expect(events.slice(1).map((e) => e.status)).toEqual([null, null, null]);
  });

  it('times out an attempt that never gets an answer, retries GETs, then reports `timeout`', async () => {
    server = await startServer(withSessions(() => undefined));
    const { client, sleeps } = makeClient(server.url, { timeoutMs: 200, maxRetries: 2 });
    await client.login();
    const started = Date.now();
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT)));
    expect(error.kind).toBe('timeout');
    expect(error.attempts).toBe(3);
    expect(error.message).toContain('0.2 s');
    expect(error.message).toContain('3 attempts');
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(server.lines()).toEqual([POST_SESSION, GET_ACCOUNT, GET_ACCOUNT, GET_ACCOUNT]);
    expect(sleeps).toHaveLength(2);
  });

  it('times out on a stalled body but not on a slow one that keeps sending', async () => {
    let calls = 0;
    server = await startServer(
      withSessions((_req, res) => {
        calls += 1;
        const text = JSON.stringify(ACCOUNT_BODY);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        if (calls === 1) {
          res.write(text.slice(0, 10)); // then nothing
          return;
        }
        // Five pieces 100 ms apart: 500 ms in all, never 250 ms of silence.
        const pieces = [0, 1, 2, 3, 4].map((i) => text.slice((i * text.length) / 5, ((i + 1) * text.length) / 5));
        pieces.forEach((piece, i) => setTimeout(() => (i === 4 ? res.end(piece) : res.write(piece)), i * 100));
      }),
    );
    const { client } = makeClient(server.url, { timeoutMs: 250, maxRetries: 1 });
    expect((await client.getAccount(ACCOUNT)).accountNumber).toBe(ACCOUNT);
    expect(calls).toBe(2);
  });

  it('cancels an in-flight request via the caller signal, without retry', async () => {
    server = await startServer(withSessions(() => undefined));
    const { client, sleeps } = makeClient(server.url);
    await client.login();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const pages = client.conferencePages(ACCOUNT, '2026-11', { signal: controller.signal });
    const error = asProviderError(await rejectionOf(pages.next()));
    expect(error.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.lines()).toEqual([POST_SESSION, 'GET /oai/v1/accounts/602127/periods/2026-11/conferences']);
    expect(sleeps).toEqual([]);
  });

  it('cancels during a retry wait (real sleep) via the client-wide signal', async () => {
    server = await startServer(withSessions((_req, res) => sendError(res, 503, 'unavailable', 'Busy', { 'retry-after': '20' })));
    const controller = new AbortController();
    const client = new ProviderClient({
      baseUrl: server.url,
      credentials: () => ({ username: USERNAME, password: PASSWORD, accountNumber: ACCOUNT }),
      signal: controller.signal,
    });
    const started = Date.now();
    setTimeout(() => controller.abort(), 150);
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT)));
    expect(error.kind).toBe('cancelled');
    expect(error.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses to start a request when the signal is already aborted', async () => {
    server = await startServer(withSessions((_req, res) => sendJson(res, 200, ACCOUNT_BODY)));
    const { client } = makeClient(server.url);
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT, { signal: AbortSignal.abort() })));
    expect(error.kind).toBe('cancelled');
    expect(server.received).toHaveLength(0);
  });
});
