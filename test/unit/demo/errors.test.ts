// Error answers of the demo provider: credentials, paging, periods, billing codes, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferenceSchema, conferencesPageSchema, errorBodySchema, periodsResponseSchema } from '../../../src/main/provider/api-schemas';
import { startDemoProvider, type DemoProvider } from '../../../src/main/demo/index';
import { API, Client, login, openSession, request, type JsonResponse } from './helpers';

const ACCOUNT = '602127';
const CURRENT = '2009-05';
const INVOICED = '2009-04';

let provider: DemoProvider;
let client: Client;

beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20' });
  client = await login(provider);
});
afterAll(() => provider.close());

function expectError(response: JsonResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(errorBodySchema.parse(response.json).error.code).toBe(code);
}

async function revisionOf(period: string, as: Client = client): Promise<string> {
  const { periods } = periodsResponseSchema.parse((await as.get(`/accounts/${ACCOUNT}/periods`)).json);
  const found = periods.find((p) => p.period === period);
  if (!found) throw new Error(`no period ${period}`);
  return found.revision;
}

async function firstConferenceOf(period: string, room?: string): Promise<{ id: string; billingCode: string | null; roomNumber: string }> {
  const { conferences } = await client.allConferences(ACCOUNT, period, 5000);
  const found = conferences.find((c) => room === undefined || c.roomNumber === room);
  if (!found) throw new Error('no conference');
  return found;
}

describe('session errors', () => {
  const { username, password } = { username: 'demo@meetingone.example', password: 'demo-password' };

  it.each([
    ['wrong password', { username, password: 'nope', accountNumber: ACCOUNT }],
    ['wrong username', { username: 'ana@example.com', password, accountNumber: ACCOUNT }],
    ['unknown account', { username, password, accountNumber: '999999' }],
    ['unknown room', { username, password, roomNumber: '111111' }],
  ])('refuses a %s with 401 invalid_credentials', async (_, body) => {
    expectError(await openSession(provider, body), 401, 'invalid_credentials');
  });

  it('rejects malformed logins with 400 bad_request', async () => {
    expectError(await openSession(provider, { username, password }), 400, 'bad_request');
    expectError(await openSession(provider, { username, password, accountNumber: ACCOUNT, roomNumber: '332703' }), 400, 'bad_request');
    expectError(await request(`${provider.url}${API}/session`, { method: 'POST', body: '{not json' }), 400, 'bad_request');
  });

  it('answers 401 session_expired without a valid token', async () => {
    expectError(await request(`${provider.url}${API}/accounts/${ACCOUNT}`), 401, 'session_expired');
    expectError(await new Client(provider.url, 'made-up').get(`/accounts/${ACCOUNT}`), 401, 'session_expired');
  });

  it('expires every existing session on demand, and new logins work', async () => {
    const first = await login(provider);
    const second = await login(provider, '332703');
    provider.expireSessions();
    expectError(await first.get(`/accounts/${ACCOUNT}/periods`), 401, 'session_expired');
    expectError(await second.get(`/accounts/${ACCOUNT}/periods`), 401, 'session_expired');
    const fresh = await login(provider);
    expect((await fresh.get(`/accounts/${ACCOUNT}/periods`)).status).toBe(200);
    client = fresh; // the shared client was expired too
  });

  it('ends a session with DELETE (204)', async () => {
    const session = await login(provider);
    const response = await request(`${provider.url}${API}/session`, { method: 'DELETE', headers: { authorization: `Bearer ${session.token}` } });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expectError(await session.get(`/accounts/${ACCOUNT}`), 401, 'session_expired');
  });

  it('expires tokens after their time to live', async () => {
    const shortLived = await startDemoProvider({ now: '2009-05-20', rooms: 3, tokenTtlSeconds: 1 });
    try {
      const session = await login(shortLived);
      expect((await session.get(`/accounts/${ACCOUNT}`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expectError(await session.get(`/accounts/${ACCOUNT}`), 401, 'session_expired');
    } finally {
      await shortLived.close();
    }
  });
});

describe('request errors', () => {
  it('answers 404 not_found for unknown routes and accounts', async () => {
    expectError(await client.get('/accounts'), 404, 'not_found');
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/${CURRENT}/rooms/extra`), 404, 'not_found');
    expectError(await client.get('/accounts/111111/periods'), 404, 'not_found');
  });

  it('answers 404 period_unavailable outside the four months, 400 for a malformed period', async () => {
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/2009-01/rooms`), 404, 'period_unavailable');
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/2009-06/conferences`), 404, 'period_unavailable');
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/2009-13/rooms`), 400, 'bad_request');
  });

  it.each(['0', '5001', 'abc', '-1', '2.5', ''])('rejects limit=%s with 400 bad_request', async (limit) => {
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/${INVOICED}/conferences?limit=${limit}`), 400, 'bad_request');
  });

  it('accepts the largest limit', async () => {
    const response = await client.get(`/accounts/${ACCOUNT}/periods/${INVOICED}/conferences?limit=5000`);
    expect(response.status).toBe(200);
    expect(conferencesPageSchema.parse(response.json).nextCursor).toBeNull();
  });

  it('rejects a bad cursor, or one from another listing, with 400 bad_request', async () => {
    const path = `/accounts/${ACCOUNT}/periods/${INVOICED}/conferences`;
    expectError(await client.get(`${path}?cursor=garbage!`), 400, 'bad_request');
    expectError(await client.get(`${path}?cursor=${Buffer.from('{"offset":3}').toString('base64url')}`), 400, 'bad_request');
    const page = conferencesPageSchema.parse((await client.get(`${path}?limit=2`)).json);
    expect(page.nextCursor).not.toBeNull();
    expectError(await client.get(`/accounts/${ACCOUNT}/periods/2009-03/conferences?cursor=${page.nextCursor}`), 400, 'bad_request');
    const roomClient = await login(provider, '332703');
    expectError(await roomClient.get(`${path}?cursor=${page.nextCursor}`), 400, 'bad_request');
  });

  it('answers 409 period_changed when the revision changes while paging, and paging restarts', async () => {
    const path = `/accounts/${ACCOUNT}/periods/2009-03/conferences`;
    const before = await revisionOf('2009-03');
    const untouched = await revisionOf('2009-02');
    const first = conferencesPageSchema.parse((await client.get(`${path}?limit=5`)).json);
    provider.bumpRevision('2009-03');
    expect(await revisionOf('2009-03')).not.toBe(before);
    expect(await revisionOf('2009-02')).toBe(untouched);
    expectError(await client.get(`${path}?limit=5&cursor=${first.nextCursor}`), 409, 'period_changed');
    const again = conferencesPageSchema.parse((await client.get(`${path}?limit=5`)).json);
    expect(again.conferences).toEqual(first.conferences); // content-neutral change
    expect((await client.get(`${path}?limit=5&cursor=${again.nextCursor}`)).status).toBe(200);
  });
});

describe('billing codes', () => {
  const putCode = (id: string, billingCode: unknown, as: Client = client): Promise<JsonResponse> =>
    as.put(`/accounts/${ACCOUNT}/conferences/${id}/billing-code`, { billingCode });

  it('assigns a valid code: 200 with the whole conference, the revision changes, the change persists', async () => {
    const target = await firstConferenceOf(CURRENT, '332703');
    const before = await revisionOf(CURRENT);
    const response = await putCode(target.id, 'PROJ 7_b.c-D');
    expect(response.status).toBe(200);
    const updated = conferenceSchema.parse(response.json);
    expect(updated).toMatchObject({ id: target.id, roomNumber: '332703', billingCode: 'PROJ 7_b.c-D' });
    expect(updated.participants.length).toBe(updated.participantCount);
    const after = await revisionOf(CURRENT);
    expect(after).not.toBe(before);
    expect((await firstConferenceOf(CURRENT, '332703')).billingCode).toBe('PROJ 7_b.c-D');

    expect((await putCode(target.id, 'PROJ 7_b.c-D')).status).toBe(200); // repeating is harmless
    expect(await revisionOf(CURRENT)).toBe(after);

    expect(conferenceSchema.parse((await putCode(target.id, null)).json).billingCode).toBeNull();
    expect(await revisionOf(CURRENT)).not.toBe(after);
    await putCode(target.id, target.billingCode); // back to the original content, and revision
    expect(await revisionOf(CURRENT)).toBe(before);
  });

  it.each([['R&D/2009'], [''], ['ABCDEFGHIJKLMNOPQRSTU'], [42], ['tab\there']])('rejects %j with 422 invalid_billing_code', async (code) => {
    const target = await firstConferenceOf(CURRENT);
    const before = await revisionOf(CURRENT);
    expectError(await putCode(target.id, code), 422, 'invalid_billing_code');
    expect(await revisionOf(CURRENT)).toBe(before);
  });

  it('accepts 20 characters with accents', async () => {
    const target = await firstConferenceOf(CURRENT);
    expect((await putCode(target.id, 'Équipe-Zürich ÅÇ 123')).status).toBe(200);
  });

  it('answers 409 period_locked on an invoiced month', async () => {
    const target = await firstConferenceOf(INVOICED);
    expectError(await putCode(target.id, 'SALES'), 409, 'period_locked');
  });

  it('answers 404 not_found for an unknown conference and 400 without billingCode', async () => {
    expectError(await putCode('c-200905-999999', 'SALES'), 404, 'not_found');
    expectError(await putCode('nope', 'SALES'), 404, 'not_found');
    const target = await firstConferenceOf(CURRENT);
    expectError(await client.put(`/accounts/${ACCOUNT}/conferences/${target.id}/billing-code`, { code: 'SALES' }), 400, 'bad_request');
  });

  it("lets a room session change only its own room's conferences", async () => {
    const roomClient = await login(provider, '335848');
    const other = await firstConferenceOf(CURRENT, '332703');
    const own = await firstConferenceOf(CURRENT, '335848');
    expectError(await putCode(other.id, 'SALES', roomClient), 403, 'forbidden');
    const response = await putCode(own.id, 'SALES', roomClient);
    expect(response.status).toBe(200);
    expect(conferenceSchema.parse(response.json).billingCode).toBe('SALES');
  });
});
