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

const accountAnswer = withSessions.bind(null, (_req, res) => sendJson(res, 200, ACCOUNT_BODY));

describe('ProviderClient sessions', () => {
  it('logs in with the credentials and sends the token as a bearer', async () => {
    server = await startServer(accountAnswer());
    const { client } = makeClient(server.url);

    const session = await client.login();
    expect(session.token).toBe('tok-1');
    expect(client.scope).toEqual({ kind: 'account', accountNumber: ACCOUNT });
    expect(client.session).not.toHaveProperty('token');

    const account = await client.getAccount(ACCOUNT);
    expect(account.companyName).toBe('MeetingOne Phoenix');

    const [login, get] = server.received;
    expect(login?.method).toBe('POST');
    expect(login?.path).toBe('/oai/v1/session');
    expect(JSON.parse(login?.body ?? '')).toEqual({ username: USERNAME, password: PASSWORD, accountNumber: ACCOUNT });
    expect(login?.headers.authorization).toBeUndefined();
    expect(get?.path).toBe(`/oai/v1/accounts/${ACCOUNT}`);
    expect(get?.headers.authorization).toBe('Bearer tok-1');
  });

  it('sends roomNumber (and no accountNumber) for a room login', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, { ...sessionBody('tok-r'), scope: { kind: 'room', accountNumber: ACCOUNT, roomNumber: '332703' } }),
    );
    const client = new ProviderClient({
      baseUrl: server.url,
      credentials: () => ({ username: USERNAME, password: PASSWORD, roomNumber: '332703' }),
    });
    await client.login();
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ username: USERNAME, password: PASSWORD, roomNumber: '332703' });
    expect(client.scope).toEqual({ kind: 'room', accountNumber: ACCOUNT, roomNumber: '332703' });
  });

  it('refuses credentials with both or neither of account and room number, without a request', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, sessionBody('t')));
    for (const scope of [{}, { accountNumber: ACCOUNT, roomNumber: '332703' }]) {
      const client = new ProviderClient({ baseUrl: server.url, credentials: () => ({ username: USERNAME, password: PASSWORD, ...scope }) });
      const error = await rejectionOf(client.login());
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('invalid_credentials');
    }
    expect(server.received).toHaveLength(0);
  });

  it('logs in first when a request is made before login, once for concurrent requests', async () => {
    server = await startServer(accountAnswer());
    const { client, credentialCalls } = makeClient(server.url);

    const results = await Promise.all([1, 2, 3].map(() => client.getAccount(ACCOUNT)));
    expect(results.map((r) => r.accountNumber)).toEqual([ACCOUNT, ACCOUNT, ACCOUNT]);
    expect(server.lines().filter((line) => line === 'POST /oai/v1/session')).toHaveLength(1);
    expect(server.lines()[0]).toBe('POST /oai/v1/session');
    expect(credentialCalls()).toBe(1);
    // Later requests reuse the token.
    await client.getAccount(ACCOUNT);
    expect(credentialCalls()).toBe(1);
  });

  it('on session_expired opens one new session and repeats the request once', async () => {
    let expireNext = true;
    const handler = withSessions((_req, res) => {
      if (expireNext) {
        expireNext = false;
        sendError(res, 401, 'session_expired', 'Session expired');
        return;
      }
      sendJson(res, 200, ACCOUNT_BODY);
    });
    server = await startServer(handler);
    const { client } = makeClient(server.url);

    const account = await client.getAccount(ACCOUNT);
    expect(account.accountNumber).toBe(ACCOUNT);
    expect(server.lines()).toEqual([
      'POST /oai/v1/session',
      `GET /oai/v1/accounts/${ACCOUNT}`,
      'POST /oai/v1/session',
      `GET /oai/v1/accounts/${ACCOUNT}`,
    ]);
    expect(server.received[3]?.headers.authorization).toBe('Bearer tok-2');
  });

  it('opens only one new session when concurrent requests all meet an expired token', async () => {
    const handler = withSessions(
      (req, res) => {
        if (req.headers.authorization === 'Bearer tok-1') return sendError(res, 401, 'session_expired', 'Session expired');
        sendJson(res, 200, ACCOUNT_BODY);
      },
      { checkToken: false },
    );
    server = await startServer(handler);
    const { client } = makeClient(server.url);
    await client.login();
    const results = await Promise.all([1, 2, 3].map(() => client.getAccount(ACCOUNT)));
    expect(results.map((r) => r.accountNumber)).toEqual([ACCOUNT, ACCOUNT, ACCOUNT]);
    expect(handler.tokensIssued()).toBe(2);
  });

  it('fails with session_expired when the new session expires too, without a third try', async () => {
    server = await startServer(withSessions((_req, res) => sendError(res, 401, 'session_expired', 'Session expired'), { checkToken: false }));
    const { client } = makeClient(server.url);

    const error = await rejectionOf(client.getAccount(ACCOUNT));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('session_expired');
    expect((error as ProviderError).status).toBe(401);
    expect((error as ProviderError).message).toContain(`GET /oai/v1/accounts/${ACCOUNT}`);
    expect(server.lines()).toEqual([
      'POST /oai/v1/session',
      `GET /oai/v1/accounts/${ACCOUNT}`,
      'POST /oai/v1/session',
      `GET /oai/v1/accounts/${ACCOUNT}`,
    ]);
  });

  it('treats 401 invalid_credentials as final: no retry, no second login', async () => {
    server = await startServer((_req, res) => sendError(res, 401, 'invalid_credentials', 'Bad user name or password'));
    const { client, sleeps } = makeClient(server.url);

    const error = await rejectionOf(client.getAccount(ACCOUNT));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('invalid_credentials');
    expect((error as ProviderError).code).toBe('invalid_credentials');
    expect((error as ProviderError).message).toBe('The provider rejected the user name or password.');
    expect(server.lines()).toEqual(['POST /oai/v1/session']);
    expect(sleeps).toEqual([]);
  });

  it('reports invalid_credentials when the password changed and the re-login is refused', async () => {
    let sessions = 0;
    server = await startServer((req, res) => {
      if (req.path === '/oai/v1/session') {
        sessions += 1;
        if (sessions === 1) return sendJson(res, 200, sessionBody('tok-1'));
        return sendError(res, 401, 'invalid_credentials', 'Bad password');
      }
      sendError(res, 401, 'session_expired', 'Session expired');
    });
    const { client } = makeClient(server.url);
    const error = await rejectionOf(client.getAccount(ACCOUNT));
    expect((error as ProviderError).kind).toBe('invalid_credentials');
    expect(server.received).toHaveLength(3);
  });

  it('logout deletes the session with the bearer, and the next request logs in again', async () => {
    const handler = withSessions((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      sendJson(res, 200, ACCOUNT_BODY);
    });
    server = await startServer(handler);
    const { client } = makeClient(server.url);
    await client.login();
    await client.logout();
    expect(server.received[1]?.method).toBe('DELETE');
    expect(server.received[1]?.path).toBe('/oai/v1/session');
    expect(server.received[1]?.headers.authorization).toBe('Bearer tok-1');
    expect(client.session).toBeNull();

    await client.getAccount(ACCOUNT);
    expect(server.lines().slice(2)).toEqual(['POST /oai/v1/session', `GET /oai/v1/accounts/${ACCOUNT}`]);
    expect(server.received[3]?.headers.authorization).toBe('Bearer tok-2');
  });

  it('logout ignores errors and does not retry them', async () => {
    const handler = withSessions((_req, res) => sendError(res, 503, 'unavailable', 'Down'));
    server = await startServer(handler);
    const { client, sleeps } = makeClient(server.url);
    await client.login();
    await expect(client.logout()).resolves.toBeUndefined();
    expect(server.lines()).toEqual(['POST /oai/v1/session', 'DELETE /oai/v1/session']);
    expect(sleeps).toEqual([]);
  });
});
