// The fault injector: every action kind, matching, counting, logging.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conferencesPageSchema, periodsResponseSchema } from '../../../src/main/provider/api-schemas';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo/index';
import { API, errorCodeOf, login, openSession, type Client } from './helpers';

const ACCOUNT = '602127';
const PERIODS_PATH = `/accounts/${ACCOUNT}/periods`;

let provider: DemoProvider;
let client: Client;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', rooms: 6 });
  client = await login(provider);
});
afterEach(() => provider.faults.clear());
afterAll(() => provider.close());

describe('fault injector', () => {
  it('answers an injected error once by default, with Retry-After', async () => {
    provider.faults.add({ path: '/periods', action: { kind: 'error', status: 503, code: 'unavailable', retryAfterSeconds: 7 } });
    const faulted = await client.get(PERIODS_PATH);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('7');
    expect(faulted.json).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    expect((await client.get(PERIODS_PATH)).status).toBe(200);
  });

  it('fires a rule `times` times, checks rules in order, and filters on method and path', async () => {
    provider.faults.add({ method: 'post', path: /\/session$/, times: 2, action: { kind: 'error', status: 429, code: 'rate_limited', message: 'slow down' } });
    provider.faults.add({ path: /\/periods$/, times: 1, action: { kind: 'error', status: 500, code: 'boom' } });
    expect((await client.get(PERIODS_PATH)).status).toBe(500); // GET /periods: not the POST rule
    expect((await client.get(PERIODS_PATH)).status).toBe(200); // spent
    const { username, password } = provider.credentials;
    const attempts = [];
    for (let i = 0; i < 3; i++) attempts.push(await openSession(provider, { username, password, accountNumber: ACCOUNT }));
    expect(attempts.map((a) => a.status)).toEqual([429, 429, 200]);
    expect(attempts[0]?.json).toEqual({ error: { code: 'rate_limited', message: 'slow down' } });
  });

  it('matches a substring against the query too (e.g. only follow-up pages)', async () => {
    provider.faults.add({ path: 'cursor=', action: { kind: 'error', status: 502, code: 'bad_gateway' } });
    const path = `/accounts/${ACCOUNT}/periods/2009-04/conferences`;
    const first = conferencesPageSchema.parse((await client.get(`${path}?limit=3`)).json);
    const second = await client.get(`${path}?limit=3&cursor=${first.nextCursor}`);
    expect(second.status).toBe(502);
    expect(errorCodeOf(second)).toBe('bad_gateway');
  });

  it('drops the connection without an answer', async () => {
    provider.faults.add({ path: '/periods', action: { kind: 'drop' } });
    await expect(client.get(PERIODS_PATH)).rejects.toThrow();
    expect(provider.requests.at(-1)).toEqual({ method: 'GET', path: `${API}${PERIODS_PATH}`, query: '', status: 0 });
    expect((await client.get(PERIODS_PATH)).status).toBe(200);
  });

  it('sends a raw body, such as malformed JSON', async () => {
    provider.faults.add({ path: '/periods', action: { kind: 'raw', body: '{"periods": [', status: 200 } });
    const response = await client.get(PERIODS_PATH);
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"periods": [');
    expect(response.headers.get('content-type')).toContain('application/json');
    provider.faults.add({ path: '/periods', action: { kind: 'raw', status: 502, body: '<html>proxy error</html>', contentType: 'text/html' } });
    const html = await client.get(PERIODS_PATH);
    expect([html.status, html.text, html.headers.get('content-type')]).toEqual([502, '<html>proxy error</html>', 'text/html']);
  });

  it('passes the real body through a mutation (missing field, unknown fields and values)', async () => {
    const real = periodsResponseSchema.parse((await client.get(PERIODS_PATH)).json);
    provider.faults.add({
      path: '/periods',
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const body = json as { periods: Record<string, unknown>[] };
          delete body.periods[0]?.revision;
          return { ...body, extra: { future: true } };
        },
      },
    });
    const mutated = (await client.get(PERIODS_PATH)).json as { periods: Record<string, unknown>[]; extra: unknown };
    expect(mutated.extra).toEqual({ future: true });
    expect(mutated.periods[0]).not.toHaveProperty('revision');
    expect(mutated.periods[1]).toEqual(real.periods[1]);

    provider.faults.add({
      path: '/conferences',
      action: {
        kind: 'mutate',
        mutate: (json) => {
          const page = json as { conferences: { serviceType: string }[] };
          for (const conference of page.conferences) conference.serviceType = 'Video';
          return page;
        },
      },
    });
    const page = conferencesPageSchema.parse((await client.get(`/accounts/${ACCOUNT}/periods/2009-04/conferences?limit=4`)).json);
    expect(page.conferences.map((c) => c.serviceType)).toEqual(['Video', 'Video', 'Video', 'Video']);
  });

  it('delays, then answers normally', async () => {
    provider.faults.add({ path: '/periods', action: { kind: 'delay', ms: 250 } });
    const started = performance.now();
    const response = await client.get(PERIODS_PATH);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(response.status).toBe(200);
    expect(periodsResponseSchema.parse(response.json).periods).toHaveLength(4);
  });

  it('forgets every rule on clear()', async () => {
    provider.faults.add({ path: '/periods', times: Infinity, action: { kind: 'error', status: 503, code: 'unavailable' } });
    expect((await client.get(PERIODS_PATH)).status).toBe(503);
    expect((await client.get(PERIODS_PATH)).status).toBe(503);
    provider.faults.clear();
    expect((await client.get(PERIODS_PATH)).status).toBe(200);
  });

  it('logs every request with its status, faulted or not', async () => {
    const before = provider.requests.length;
    provider.faults.add({ path: '/periods', action: { kind: 'error', status: 503, code: 'unavailable' } });
    await client.get(PERIODS_PATH);
    await client.get(`${PERIODS_PATH}/2009-04/rooms`);
    await client.get('/nowhere?x=1');
    expect(provider.requests.slice(before)).toEqual([
      { method: 'GET', path: `${API}${PERIODS_PATH}`, query: '', status: 503 },
      { method: 'GET', path: `${API}${PERIODS_PATH}/2009-04/rooms`, query: '', status: 200 },
      { method: 'GET', path: `${API}/nowhere`, query: 'x=1', status: 404 },
    ]);
  });
});
