import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/main/provider/client';
import {
  ACCOUNT,
  ACCOUNT_BODY,
  collect,
  conference,
  makeClient,
  rejectionOf,
  sendError,
  sendJson,
  startServer,
  withSessions,
  type Handler,
  type TestServer,
} from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CONFERENCES_PATH = `/oai/v1/accounts/${ACCOUNT}/periods/2026-11/conferences`;

async function serve(handler: Handler): Promise<ReturnType<typeof makeClient>> {
  server = await startServer(withSessions(handler));
  return makeClient(server.url);
}

function asProviderError(error: unknown): ProviderError {
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('ProviderClient API calls', () => {
  it('reads account, periods and rooms from their paths', async () => {
    const { client } = await serve((req, res) => {
      if (req.path === `/oai/v1/accounts/${ACCOUNT}`) return sendJson(res, 200, ACCOUNT_BODY);
      if (req.path === `/oai/v1/accounts/${ACCOUNT}/periods`) {
        return sendJson(res, 200, {
          periods: [
            { period: '2026-11', start: '2026-11-01', invoiced: false, revision: 'r-8f2a' },
            { period: '2026-10', start: '2026-10-01', invoiced: true, revision: 'r-77c0' },
          ],
        });
      }
      if (req.path === `/oai/v1/accounts/${ACCOUNT}/periods/2026-11/rooms`) {
        return sendJson(res, 200, {
          rooms: [{ roomNumber: '332703', cardholder: null, autoBillingCode: null, conferenceCount: 19, accumulatedSeconds: 85816, chargeCents: 11659 }],
        });
      }
      sendError(res, 404, 'not_found', 'No such thing');
    });
    expect((await client.getAccount(ACCOUNT)).timeZone).toBe('Europe/Paris');
    expect((await client.listPeriods(ACCOUNT)).map((p) => [p.period, p.revision, p.invoiced])).toEqual([
      ['2026-11', 'r-8f2a', false],
      ['2026-10', 'r-77c0', true],
    ]);
    const rooms = await client.listRooms(ACCOUNT, '2026-11');
    expect(rooms[0]?.chargeCents).toBe(11659);
    expect(rooms[0]?.cardholder).toBeNull();
  });

  it('encodes path segments', async () => {
    const { client } = await serve((_req, res) => sendJson(res, 200, { ...conference(1), id: 'c/1 ?#é', billingCode: 'A B' }));
    const updated = await client.setBillingCode('60 21/27', 'c/1 ?#é', 'A B');
    expect(updated.id).toBe('c/1 ?#é');
    const put = server?.received[1];
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe('/oai/v1/accounts/60%2021%2F27/conferences/c%2F1%20%3F%23%C3%A9/billing-code');
    expect(put?.query.toString()).toBe('');
  });

  it('PUTs the billing code as JSON, null for Unallocated', async () => {
    const { client } = await serve((req, res) => {
      const { billingCode } = JSON.parse(req.body) as { billingCode: string | null };
      sendJson(res, 200, { ...conference(7), billingCode });
    });
    expect((await client.setBillingCode(ACCOUNT, 'c-000007', 'PROJ-42')).billingCode).toBe('PROJ-42');
    expect((await client.setBillingCode(ACCOUNT, 'c-000007', null)).billingCode).toBeNull();
    const bodies = server?.received.slice(1).map((r) => [r.headers['content-type'], JSON.parse(r.body)]);
    expect(bodies).toEqual([
      ['application/json; charset=utf-8', { billingCode: 'PROJ-42' }],
      ['application/json; charset=utf-8', { billingCode: null }],
    ]);
  });

  it('follows nextCursor until null, even when pages are shorter than the limit', async () => {
    const all = [0, 1, 2, 3, 4].map(conference);
    const { client } = await serve((req, res) => {
      // Pages of two whatever the limit; the cursor is the next offset.
      const offset = Number(req.query.get('cursor') ?? '0');
      const next = offset + 2 < all.length ? String(offset + 2) : null;
      sendJson(res, 200, { conferences: all.slice(offset, offset + 2), nextCursor: next });
    });
    const pages = await collect(client.conferencePages(ACCOUNT, '2026-11', { limit: 5 }));
    expect(pages.map((p) => p.conferences.map((c) => c.id))).toEqual([['c-000000', 'c-000001'], ['c-000002', 'c-000003'], ['c-000004']]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const gets = server?.received.slice(1) ?? [];
    expect(gets.map((r) => [r.path, r.query.get('limit'), r.query.get('cursor')])).toEqual([
      [CONFERENCES_PATH, '5', null],
      [CONFERENCES_PATH, '5', '2'],
      [CONFERENCES_PATH, '5', '4'],
    ]);
  });

  it('asks 5000 per page by default and stops on a repeated cursor', async () => {
    const { client } = await serve((_req, res) => sendJson(res, 200, { conferences: [conference(1)], nextCursor: 'same' }));
    const pages = client.conferencePages(ACCOUNT, '2026-11');
    expect((await pages.next()).value?.conferences).toHaveLength(1);
    const error = asProviderError(await rejectionOf(pages.next()));
    expect(error.kind).toBe('malformed');
    expect(error.jsonPath).toBe('nextCursor');
    expect(server?.received[1]?.query.get('limit')).toBe('5000');
    expect(server?.received).toHaveLength(3);
  });

  it('keeps unknown fields and unknown enum values at every level', async () => {
    const odd = {
      ...conference(3),
      serviceType: 'Holographic',
      recording: { url: 'https://rec.example/3', minutes: 12 },
      participants: [{ ...(conference(3).participants as object[])[0], accessType: 'carrier-pigeon', badge: 'VIP' }],
    };
    const { client } = await serve((_req, res) => sendJson(res, 200, { conferences: [odd], nextCursor: null, serverBuild: 'v9' }));
    const [page] = await collect(client.conferencePages(ACCOUNT, '2026-11'));
    expect(page?.serverBuild).toBe('v9');
    const first = page?.conferences[0];
    expect(first?.serviceType).toBe('Holographic');
    expect(first?.recording).toEqual({ url: 'https://rec.example/3', minutes: 12 });
    expect(first?.participants[0]?.accessType).toBe('carrier-pigeon');
    expect(first?.participants[0]?.badge).toBe('VIP');
  });

  it('reports invalid JSON as malformed at (body), without retrying', async () => {
    const { client, sleeps } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"conferences": [');
    });
    const error = asProviderError(await rejectionOf(collect(client.conferencePages(ACCOUNT, '2026-11'))));
    expect(error.kind).toBe('malformed');
    expect(error.jsonPath).toBe('(body)');
    expect(error.message).toContain('(body)');
    expect(error.message).toContain(`GET ${CONFERENCES_PATH}`);
    expect(server?.received).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('names the JSON path of a missing required field, and the request without its query', async () => {
    const second = conference(2);
    delete second.chargeCents;
    const { client } = await serve((_req, res) => sendJson(res, 200, { conferences: [conference(1), second], nextCursor: null }));
    const error = asProviderError(await rejectionOf(collect(client.conferencePages(ACCOUNT, '2026-11', { limit: 10 }))));
    expect(error.kind).toBe('malformed');
    expect(error.jsonPath).toBe('conferences[1].chargeCents');
    expect(error.message).toContain('conferences[1].chargeCents');
    expect(error.message).toContain(`GET ${CONFERENCES_PATH}`);
    expect(error.message).not.toContain('limit=');
    expect(error.request).toBe(`GET ${CONFERENCES_PATH}`);
  });

  it('names the JSON path of a wrongly typed nested field', async () => {
    const broken = conference(1);
    (broken.participants as Record<string, unknown>[])[1]!.seconds = '200';
    const { client } = await serve((_req, res) => sendJson(res, 200, { conferences: [conference(0), broken], nextCursor: null }));
    const error = asProviderError(await rejectionOf(collect(client.conferencePages(ACCOUNT, '2026-11'))));
    expect(error.kind).toBe('malformed');
    expect(error.jsonPath).toBe('conferences[1].participants[1].seconds');
    expect(error.message).toContain('conferences[1].participants[1].seconds');
  });

  it('lists at most three issues, the first one as jsonPath', async () => {
    const broken = conference(1);
    broken.roomNumber = 332703;
    broken.start = '6 May 2009';
    broken.billingCode = 42;
    (broken.participants as Record<string, unknown>[])[1]!.seconds = -5;
    const { client } = await serve((_req, res) => sendJson(res, 200, { conferences: [conference(0), broken], nextCursor: null }));
    const error = asProviderError(await rejectionOf(collect(client.conferencePages(ACCOUNT, '2026-11'))));
    expect(error.jsonPath).toBe('conferences[1].roomNumber');
    expect(error.message).toContain('conferences[1].start');
    expect(error.message).toContain('conferences[1].billingCode');
    expect(error.message).toContain('(and 1 more)');
    expect(error.message).not.toContain('participants[1].seconds');
  });

  it('turns API error bodies into `http` errors with code, status and server message', async () => {
    const { client, sleeps } = await serve((_req, res) => sendError(res, 409, 'period_locked', 'The period 2026-10 is locked.'));
    const error = asProviderError(await rejectionOf(client.setBillingCode(ACCOUNT, 'c-1', 'X')));
    expect(error.kind).toBe('http');
    expect(error.code).toBe('period_locked');
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      `The provider refused PUT /oai/v1/accounts/${ACCOUNT}/conferences/c-1/billing-code: The period 2026-10 is locked (period_locked, HTTP 409).`,
    );
    expect(sleeps).toEqual([]);
  });

  it('tolerates non-JSON error bodies', async () => {
    const { client } = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not here</body></html>');
    });
    const error = asProviderError(await rejectionOf(client.listRooms(ACCOUNT, '2026-01')));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('HTTP 404');
    expect(error.message).not.toContain('<html>');
  });

  it('does not follow redirects', async () => {
    const { client } = await serve((_req, res) => res.writeHead(307, { location: 'https://elsewhere.example/x' }).end());
    const error = asProviderError(await rejectionOf(client.getAccount(ACCOUNT)));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(307);
    expect(error.message).toContain('https://elsewhere.example/x');
    expect(server?.received).toHaveLength(2);
  });

  it('sends requests under the path of a base URL with a prefix', async () => {
    server = await startServer(withSessions((_req, res) => sendJson(res, 200, ACCOUNT_BODY)));
    const { client } = makeClient(`${server.url}/gateway/`);
    expect(client.baseUrl).toBe(`${server.url}/gateway`);
    await client.getAccount(ACCOUNT);
    expect(server.received.map((r) => r.path)).toEqual(['/gateway/oai/v1/session', `/gateway/oai/v1/accounts/${ACCOUNT}`]);
  });
});
