// HTTP plumbing of the demo provider (node:http, loopback only): request
// logging, fault injection, then the API proper.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { DemoApi, errorReply, RenderedPageCache, type ApiReply } from './api';
import { todayUtc } from './calendar';
import { DEMO_ACCOUNT, DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME } from './catalog';
import { DemoDataset } from './dataset';
import { FaultInjector } from './faults';
import { SEED_ROOMS } from './rooms';

export interface DemoProviderOptions {
  /** 'YYYY-MM-DD' (default: today UTC). The four months ending at `now` are served, newest first. */
  now?: string;
  /** Rooms in the account (default 40; the three seed rooms come first). */
  rooms?: number;
  /** Average conferences per active room per month (default 8). */
  perRoom?: number;
  /** Default 0: a free port. */
  port?: number;
  /** Default 3600. */
  tokenTtlSeconds?: number;
  /**
   * The password it accepts (default DEMO_PASSWORD, which is public). Tests
   * that check a password never leaks use a secret one of their own.
   */
  password?: string;
  /**
   * Keep rendered conference pages, up to this many MB, and serve repeated
   * requests from them (default 0: render every request). The benchmark uses
   * it so that the provider's own work stays off the machine being measured,
   * as with a remote provider.
   */
  pageCacheMb?: number;
  /**
   * The account's `timeZone` as served (default Europe/Paris), e.g. one a
   * client does not know. The conferences stay on Paris business hours.
   */
  timeZone?: string;
  /** Every response waits this long before it is sent, as over a remote link (default 0). */
  latencyMs?: number;
  /** Compress answers (gzip, else br) for clients that accept it (default: never). */
  compress?: boolean;
}

export interface DemoRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query string without '?', '' if none. */
  query: string;
  /** 0 when the connection was dropped by a fault. */
  status: number;
}

export interface DemoProvider {
  /** e.g. 'http://127.0.0.1:43123' (no trailing slash). */
  url: string;
  credentials: { username: string; password: string; accountNumber: string; sampleRoomNumber: string };
  requests: DemoRequestRecord[];
  faults: FaultInjector;
  /** Every existing token now answers 401 session_expired. */
  expireSessions(): void;
  /** A content-neutral revision change of a period, as if something changed. */
  bumpRevision(period: string): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;

export async function startDemoProvider(options: DemoProviderOptions = {}): Promise<DemoProvider> {
  const dataset = new DemoDataset({ now: options.now ?? todayUtc(), rooms: options.rooms ?? 40, perRoom: options.perRoom ?? 8 });
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(tokenTtlSeconds > 0)) throw new RangeError('tokenTtlSeconds must be positive');
  const pageCacheMb = options.pageCacheMb ?? 0;
  if (!(pageCacheMb >= 0)) throw new RangeError('pageCacheMb must be 0 or more');
  const password = options.password ?? DEMO_PASSWORD;
  const account = { ...DEMO_ACCOUNT, timeZone: options.timeZone ?? DEMO_ACCOUNT.timeZone };
  const api = new DemoApi(dataset, tokenTtlSeconds, pageCacheMb > 0 ? new RenderedPageCache(pageCacheMb * 1024 * 1024) : null, password, account);
  const faults = new FaultInjector();
  const requests: DemoRequestRecord[] = [];
  const latencyMs = options.latencyMs ?? 0;
  if (!(latencyMs >= 0)) throw new RangeError('latencyMs must be 0 or more');

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, errorReply(500, 'internal_error', error instanceof Error ? error.message : String(error)));
      else response.destroy();
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://demo.invalid');
    const record: DemoRequestRecord = { method, path: url.pathname, query: url.search.slice(1), status: 0 };
    requests.push(record);
    if (latencyMs > 0) await sleep(latencyMs);
    const encoding = options.compress ? chooseEncoding(request.headers['accept-encoding']) : null;
    const fault = faults.take(method, url.pathname, url.pathname + url.search);
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'error') {
      const reply = errorReply(fault.status, fault.code, fault.message ?? `injected ${fault.code}`);
      if (fault.retryAfterSeconds !== undefined) reply.headers = { 'retry-after': String(fault.retryAfterSeconds) };
      record.status = send(response, reply);
      return;
    }
    if (fault?.kind === 'raw') {
      record.status = send(response, { status: fault.status ?? 200 }, fault.body, fault.contentType);
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'hold') await fault.until.catch(() => {});

    const body = await readBody(request);
    let reply: ApiReply =
      body === null
        ? errorReply(400, 'bad_request', `request body over ${MAX_BODY_BYTES} bytes`)
        : api.handle({ method, path: url.pathname, query: url.searchParams, authorization: request.headers.authorization, body });
    if (fault?.kind === 'mutate') reply = mutated(reply, fault.mutate);
    record.status = send(response, reply, undefined, undefined, encoding);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${HOST}:${port}`,
    credentials: {
      username: DEMO_USERNAME,
      password,
      accountNumber: DEMO_ACCOUNT_NUMBER,
      sampleRoomNumber: SEED_ROOMS[1]?.roomNumber ?? '',
    },
    requests,
    faults,
    expireSessions: () => api.expireSessions(),
    bumpRevision: (period) => dataset.bumpRevision(period),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive clients must not hold the port open
      }),
  };
}

function mutated(reply: ApiReply, mutate: (json: unknown) => unknown): ApiReply {
  const body: unknown = reply.json ? JSON.parse(reply.json.toString('utf8')) : reply.body;
  if (body === undefined) return reply; // nothing to mutate (204)
  return { status: reply.status, headers: reply.headers, body: mutate(body) };
}

type Encoding = 'gzip' | 'br';

/** gzip when the client accepts it (cheaper to make than br), else br, else none. */
function chooseEncoding(accepted: string | undefined): Encoding | null {
  const names = (accepted ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  return names.includes('gzip') ? 'gzip' : names.includes('br') ? 'br' : null;
}

function encode(payload: string | Buffer, encoding: Encoding): Buffer {
  // Fast settings: JSON compresses ~10x even so, and the provider's time stays small.
  return encoding === 'gzip' ? gzipSync(payload, { level: 1 }) : brotliCompressSync(payload, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } });
}

/** Writes the reply (compressed if `encoding`); returns its status for the request log. */
function send(response: ServerResponse, reply: ApiReply, rawBody?: string, contentType?: string, encoding: Encoding | null = null): number {
  const text = rawBody ?? reply.json ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const payload = encoding !== null && reply.status !== 204 ? encode(text, encoding) : text;
  const headers: Record<string, string | number> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.status !== 204) {
    headers['content-type'] = contentType ?? 'application/json; charset=utf-8';
    headers['content-length'] = Buffer.byteLength(payload);
    if (encoding !== null) headers['content-encoding'] = encoding;
  }
  response.writeHead(reply.status, headers);
  response.end(reply.status === 204 ? undefined : payload);
  return reply.status;
}

/** The body as text; null when it is too large. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
