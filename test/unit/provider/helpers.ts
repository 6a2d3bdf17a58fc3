// Test helpers: tiny real HTTP(S) servers on 127.0.0.1 standing in for a
// provider, API fixtures and a ProviderClient factory with a recording sleep.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderClient, type ProviderClientOptions, type ProviderRequestEvent } from '../../../src/main/provider/client';

export const PASSWORD = 'Tr0ub4dor-&-horse-9471';
export const USERNAME = 'ana@example.com';
export const ACCOUNT = '602127';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: Received, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  url: string;
  port: number;
  received: Received[];
  /** Requests as `METHOD /path`, in arrival order. */
  lines(): string[];
  close(): Promise<void>;
}

function listen(server: http.Server | https.Server, handler: Handler, scheme: 'http' | 'https'): Promise<TestServer> {
  const received: Received[] = [];
  server.on('request', (raw: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
      const req: Received = {
        method: raw.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(req);
      Promise.resolve(handler(req, res, raw)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        port,
        received,
        lines: () => received.map((r) => `${r.method} ${r.path}`),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startServer(handler: Handler): Promise<TestServer> {
  return listen(http.createServer(), handler, 'http');
}

export function startHttpsServer(handler: Handler, tls: { key: Buffer; cert: Buffer }): Promise<TestServer> {
  return listen(https.createServer(tls), handler, 'https');
}

/** A fresh self-signed certificate for 127.0.0.1, made with the system openssl. */
export function makeSelfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'oai-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

export function sessionBody(token: string): Record<string, unknown> {
  return { token, expiresAt: '2026-11-26T18:00:00Z', scope: { kind: 'account', accountNumber: ACCOUNT } };
}

export const ACCOUNT_BODY = {
  accountNumber: ACCOUNT,
  companyName: 'MeetingOne Phoenix',
  currency: 'EUR',
  timeZone: 'Europe/Paris',
  supportPhone: '+32 2 789 00 10',
};

export function participant(id: string, seconds: number, chargeCents: number): Record<string, unknown> {
  return {
    id,
    name: 'Jean Dupont',
    phone: '+33 1 ** ** 12 34',
    accessType: 'toll',
    joinedAt: '2009-05-06T07:02:11Z',
    leftAt: '2009-05-06T08:03:12Z',
    seconds,
    chargeCents,
  };
}

export function conference(index: number): Record<string, unknown> {
  const participants = [participant(`p-${index}-a`, 100 + index, 10 + index), participant(`p-${index}-b`, 200, 20)];
  return {
    id: `c-${String(index).padStart(6, '0')}`,
    roomNumber: '332703',
    start: '2009-05-06T07:02:11Z',
    serviceType: 'Reservationless',
    billingCode: null,
    participantCount: participants.length,
    lengthSeconds: 300 + index,
    accumulatedSeconds: 300 + index,
    chargeCents: 30 + index,
    participants,
  };
}

/**
 * A handler answering POST /session with tok-1, tok-2, ... and delegating
 * everything else to `rest`, after checking the bearer token is the latest.
 */
export function withSessions(rest: Handler, options: { checkToken?: boolean } = {}): Handler & { tokensIssued: () => number } {
  let issued = 0;
  const handler: Handler = (req, res, raw) => {
    if (req.method === 'POST' && req.path.endsWith('/oai/v1/session')) {
      issued += 1;
      sendJson(res, 200, sessionBody(`tok-${issued}`));
      return;
    }
    if (options.checkToken !== false && req.headers.authorization !== `Bearer tok-${issued}`) {
      sendError(res, 401, 'session_expired', 'Unknown token');
      return;
    }
    return rest(req, res, raw);
  };
  return Object.assign(handler, { tokensIssued: () => issued });
}

export interface ClientHarness {
  client: ProviderClient;
  sleeps: number[];
  events: ProviderRequestEvent[];
  credentialCalls: () => number;
}

/** A client with account credentials, a sleep that records and returns at once, and an event log. */
export function makeClient(baseUrl: string, overrides: Partial<ProviderClientOptions> = {}): ClientHarness {
  const sleeps: number[] = [];
  const events: ProviderRequestEvent[] = [];
  let credentialCalls = 0;
  const client = new ProviderClient({
    baseUrl,
    credentials: async () => {
      credentialCalls += 1;
      return { username: USERNAME, password: PASSWORD, accountNumber: ACCOUNT };
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRequest: (event) => events.push(event),
    ...overrides,
  });
  return { client, sleeps, events, credentialCalls: () => credentialCalls };
}

/** Resolves with the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
