// The password must never leak through an error: not in its message, string
// form, JSON form, stack or any field. Servers here echo the password back in
// their error texts to prove the client scrubs server-provided text too.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProviderClient, ProviderError, type ProviderErrorKind } from '../../../src/main/provider/client';
import {
  ACCOUNT,
  PASSWORD,
  USERNAME,
  makeClient,
  makeSelfSignedCert,
  rejectionOf,
  sendError,
  sendJson,
  sessionBody,
  startHttpsServer,
  startServer,
  type Received,
  type TestServer,
} from './helpers';

const ALL_KINDS: ProviderErrorKind[] = [
  'bad_url',
  'insecure_url',
  'invalid_credentials',
  'session_expired',
  'unreachable',
  'timeout',
  'tls',
  'unavailable',
  'malformed',
  'http',
  'cancelled',
];

/** Scenario chosen by the request's username suffix: `ana@example.com#<scenario>`. */
function scenarioOf(req: Received): string {
  if (req.body) return (JSON.parse(req.body) as { username: string }).username.split('#')[1] ?? '';
  return '';
}

let plain: TestServer;
let secure: TestServer;

beforeAll(async () => {
  plain = await startServer((req, res, raw) => {
    const echoed = req.body ? (JSON.parse(req.body) as { password: string }).password : '';
    switch (req.method === 'POST' ? scenarioOf(req) : 'expired') {
      case 'invalid':
        return sendError(res, 401, 'invalid_credentials', `Wrong password "${echoed}"`);
      case 'expired':
        return req.method === 'POST' ? sendJson(res, 200, sessionBody('tok')) : sendError(res, 401, 'session_expired', 'Expired');
      case 'drop':
        return raw.socket.destroy();
      case 'silent':
        return; // never answers
      case 'busy':
        return sendError(res, 503, 'unavailable', `Cannot check ${echoed} now`);
      case 'badjson':
        return res.writeHead(200, { 'content-type': 'application/json' }).end(`{"token": "${echoed}`);
      case 'badshape':
        return sendJson(res, 200, { token: 42, expiresAt: echoed, scope: { kind: 'account', accountNumber: echoed } });
      case 'refused':
        return sendError(res, 400, `bad_${echoed}`, `Password ${echoed} is too long`);
      case 'redirect':
        return res.writeHead(307, { location: `https://elsewhere.example/?p=${echoed}` }).end();
      default:
        return sendError(res, 500, 'internal', 'unexpected scenario');
    }
  });
  secure = await startHttpsServer((_req, res) => sendJson(res, 200, sessionBody('t')), makeSelfSignedCert());
});
afterAll(async () => {
  await plain.close();
  await secure.close();
});

function clientFor(scenario: string, baseUrl = plain.url, signal?: AbortSignal): ProviderClient {
  return makeClient(baseUrl, {
    credentials: async () => ({ username: `${USERNAME}#${scenario}`, password: PASSWORD, accountNumber: ACCOUNT }),
    // Short only where the server never answers: a busy machine must not turn
    // another scenario's answer into a timeout.
    timeoutMs: scenario === 'silent' ? 150 : 10_000,
    maxRetries: 1,
    ...(signal ? { signal } : {}),
  }).client;
}

function constructionError(baseUrl: string): unknown {
  try {
    clientFor('none', baseUrl);
  } catch (error) {
    return error;
  }
  throw new Error('expected construction to fail');
}

function expectNoPassword(error: unknown, label: string): void {
  expect(error, label).toBeInstanceOf(ProviderError);
  const err = error as ProviderError;
  const renderings = {
    string: String(err),
    message: err.message,
    json: JSON.stringify(err),
    ownFields: JSON.stringify({ ...err }),
    stack: err.stack ?? '',
    inspect: inspect(err, { showHidden: true, depth: 10 }),
  };
  for (const [form, text] of Object.entries(renderings)) {
    expect(text.includes(PASSWORD), `${label}: password found in ${form}: ${text}`).toBe(false);
  }
}

describe('ProviderClient never leaks the password', () => {
  it('in any error kind', async () => {
    const controller = new AbortController();
    const cancelled = clientFor('silent', plain.url, controller.signal).login();
    setTimeout(() => controller.abort(), 30);

    const errors: Record<string, unknown> = {
      bad_url: constructionError(`https://ana:${PASSWORD}@oai.example.com`),
      insecure_url: constructionError('http://example.com'),
      invalid_credentials: await rejectionOf(clientFor('invalid').login()),
      session_expired: await rejectionOf(clientFor('expired').getAccount(ACCOUNT)),
      unreachable: await rejectionOf(clientFor('drop').login()),
      timeout: await rejectionOf(clientFor('silent').login()),
      tls: await rejectionOf(clientFor('any', secure.url).login()),
      unavailable: await rejectionOf(clientFor('busy').login()),
      'malformed (body)': await rejectionOf(clientFor('badjson').login()),
      'malformed (shape)': await rejectionOf(clientFor('badshape').login()),
      'http (refused)': await rejectionOf(clientFor('refused').login()),
      'http (redirect)': await rejectionOf(clientFor('redirect').login()),
      cancelled: await rejectionOf(cancelled),
    };

    for (const [label, error] of Object.entries(errors)) expectNoPassword(error, label);
    const kinds = new Set(Object.values(errors).map((e) => (e as ProviderError).kind));
    expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
    for (const [label, error] of Object.entries(errors)) {
      expect((error as ProviderError).kind, label).toBe(label.split(' ')[0]);
    }

    // The echoing servers really did send the password: it was scrubbed, not absent.
    expect((errors.unavailable as ProviderError).message).toContain('Cannot check ••• now');
    expect((errors['http (refused)'] as ProviderError).message).toContain('Password ••• is too long');
    expect((errors['http (refused)'] as ProviderError).code).toBe('bad_•••');
    expect((errors['http (redirect)'] as ProviderError).message).toContain('?p=•••');
  });

  it('in the request events', async () => {
    const events: unknown[] = [];
    const client = makeClient(plain.url, {
      credentials: () => ({ username: `${USERNAME}#invalid`, password: PASSWORD, accountNumber: ACCOUNT }),
      onRequest: (event) => events.push(event),
    }).client;
    await rejectionOf(client.login());
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });
});
