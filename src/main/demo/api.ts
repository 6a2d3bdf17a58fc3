// The OAI provider API v1 (docs: /oai/v1/...), independent of the HTTP
// plumbing: a request in, a status and JSON body out. Sessions live here.
import { randomBytes } from 'node:crypto';
import { API_PREFIX, BILLING_CODE_PATTERN, type AccountResponse, type ApiErrorCode } from '../provider/api-schemas';
import { parsePeriodKey, isoInstant } from './calendar';
import { DEMO_ACCOUNT, DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME } from './catalog';
import type { DemoDataset } from './dataset';
import { JsonWriter } from './json-writer';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  /** A body already serialized as JSON (large conference pages); wins over `body`. */
  json?: Buffer;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | (string & {}),
    message: string,
  ) {
    super(message);
  }
}

export function errorReply(status: number, code: string, message: string): ApiReply {
  return { status, body: { error: { code, message } } };
}

type SessionScope = { kind: 'account' } | { kind: 'room'; roomIndex: number; roomNumber: string };

interface Session {
  scope: SessionScope;
  expiresAtMs: number;
  expired: boolean;
}

export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 5000;

/**
 * Conference pages already rendered, up to a byte budget (oldest dropped
 * first). A page's bytes depend only on its listing, offset, limit and the
 * period's revision, which changes with any content change: that is the key.
 */
export class RenderedPageCache {
  private readonly pages = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string): Buffer | undefined {
    return this.pages.get(key);
  }

  set(key: string, page: Buffer): void {
    if (page.length > this.budgetBytes || this.pages.has(key)) return;
    this.pages.set(key, page);
    this.bytes += page.length;
    for (const [oldest, dropped] of this.pages) {
      if (this.bytes <= this.budgetBytes) break;
      this.pages.delete(oldest);
      this.bytes -= dropped.length;
    }
  }

  get size(): number {
    return this.pages.size;
  }
}

export class DemoApi {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly dataset: DemoDataset,
    private readonly tokenTtlSeconds: number,
    /** Rendered pages kept for repeated requests; none when null. */
    private readonly pageCache: RenderedPageCache | null = null,
    /** The password it accepts (tests use a secret one as a canary). */
    private readonly password: string = DEMO_PASSWORD,
    /** What GET /accounts/{n} answers. */
    private readonly account: AccountResponse = DEMO_ACCOUNT,
  ) {}

  /** Every token issued so far answers 401 session_expired from now on. */
  expireSessions(): void {
    for (const session of this.sessions.values()) session.expired = true;
  }

  handle(request: ApiRequest): ApiReply {
    try {
      return this.route(request);
    } catch (error) {
      if (error instanceof ApiError) return errorReply(error.status, error.code, error.message);
      throw error;
    }
  }

  private route(request: ApiRequest): ApiReply {
    const segments = pathSegments(request.path);
    const method = request.method.toUpperCase();
    const [first, account, third, fourth, fifth, ...rest] = segments ?? [];
    const shape = segments ? segments.length : -1;

    if (first === 'session' && shape === 1) {
      if (method === 'POST') return this.openSession(request);
      if (method === 'DELETE') return this.closeSession(request);
    }
    if (first === 'accounts' && account !== undefined && rest.length === 0) {
      if (method === 'GET' && shape === 2) return this.getAccount(request, account);
      if (method === 'GET' && shape === 3 && third === 'periods') return this.getPeriods(request, account);
      if (method === 'GET' && shape === 5 && third === 'periods' && fourth !== undefined) {
        if (fifth === 'rooms') return this.getRooms(request, account, fourth);
        if (fifth === 'conferences') return this.getConferences(request, account, fourth);
      }
      if (method === 'PUT' && shape === 5 && third === 'conferences' && fourth !== undefined && fifth === 'billing-code') {
        return this.putBillingCode(request, account, fourth);
      }
    }
    throw new ApiError(404, 'not_found', `no such route: ${method} ${request.path}`);
  }

  private openSession(request: ApiRequest): ApiReply {
    const body = parseJsonObject(request.body);
    const { username, password, accountNumber, roomNumber } = body;
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new ApiError(400, 'bad_request', 'username and password are required strings');
    }
    const hasAccount = accountNumber !== undefined && accountNumber !== null;
    const hasRoom = roomNumber !== undefined && roomNumber !== null;
    if (hasAccount === hasRoom || (hasAccount && typeof accountNumber !== 'string') || (hasRoom && typeof roomNumber !== 'string')) {
      throw new ApiError(400, 'bad_request', 'give exactly one of accountNumber and roomNumber, as a string');
    }
    const knownUser = username.trim().toLowerCase() === DEMO_USERNAME && password === this.password;
    const scope = knownUser ? this.scopeOf(hasAccount ? String(accountNumber) : null, hasRoom ? String(roomNumber) : null) : null;
    if (!scope) throw new ApiError(401, 'invalid_credentials', 'unknown username, password, account or room');

    const token = randomBytes(24).toString('base64url');
    const expiresAtMs = Date.now() + this.tokenTtlSeconds * 1000;
    this.sessions.set(token, { scope, expiresAtMs, expired: false });
    const scopeBody =
      scope.kind === 'account'
        ? { kind: 'account', accountNumber: DEMO_ACCOUNT_NUMBER }
        : { kind: 'room', accountNumber: DEMO_ACCOUNT_NUMBER, roomNumber: scope.roomNumber };
    return { status: 200, body: { token, expiresAt: isoInstant(Math.floor(expiresAtMs / 1000)), scope: scopeBody } };
  }

  private scopeOf(accountNumber: string | null, roomNumber: string | null): SessionScope | null {
    if (accountNumber !== null) return accountNumber === DEMO_ACCOUNT_NUMBER ? { kind: 'account' } : null;
    const roomIndex = roomNumber === null ? undefined : this.dataset.roomIndexOf(roomNumber);
    return roomIndex === undefined || roomNumber === null ? null : { kind: 'room', roomIndex, roomNumber };
  }

  /** Always 204: logging out with an expired token must not fail. */
  private closeSession(request: ApiRequest): ApiReply {
    const token = bearerToken(request.authorization);
    if (token) this.sessions.delete(token);
    return { status: 204 };
  }

  private getAccount(request: ApiRequest, account: string): ApiReply {
    this.authorize(request, account);
    return { status: 200, body: this.account };
  }

  private getPeriods(request: ApiRequest, account: string): ApiReply {
    this.authorize(request, account);
    return { status: 200, body: { periods: this.dataset.periods() } };
  }

  private getRooms(request: ApiRequest, account: string, period: string): ApiReply {
    const session = this.authorize(request, account);
    this.requireServedPeriod(period);
    return { status: 200, body: { rooms: this.dataset.roomsOf(period, roomIndexOfScope(session.scope)) } };
  }

  private getConferences(request: ApiRequest, account: string, period: string): ApiReply {
    const session = this.authorize(request, account);
    this.requireServedPeriod(period);
    const limit = parseLimit(request.query.get('limit'));
    const onlyRoomIndex = roomIndexOfScope(session.scope);
    const listing = { period, scope: session.scope.kind === 'room' ? `room:${session.scope.roomNumber}` : 'account' };
    const total = this.dataset.conferenceCount(period, onlyRoomIndex);
    const revision = this.dataset.revision(period);
    const cursor = request.query.get('cursor');
    const offset = cursor === null ? 0 : readCursor(cursor, listing, revision, total);
    const key = `${listing.period} ${listing.scope} ${revision} ${offset} ${limit}`;
    const cached = this.pageCache?.get(key);
    if (cached) return { status: 200, json: cached };
    const out = new JsonWriter(1024 + Math.min(limit, total - offset) * 2048);
    out.raw('{"conferences":[');
    const end = offset + this.dataset.writeConferences(out, period, onlyRoomIndex, offset, limit);
    out.raw('],"nextCursor":').string(end < total ? writeCursor({ ...listing, offset: end, revision }) : null);
    out.raw('}');
    const page = out.toBuffer();
    this.pageCache?.set(key, page);
    return { status: 200, json: page };
  }

  private putBillingCode(request: ApiRequest, account: string, conferenceId: string): ApiReply {
    const session = this.authorize(request, account);
    const located = this.dataset.locate(conferenceId);
    if (!located) throw new ApiError(404, 'not_found', `no conference ${conferenceId}`);
    if (session.scope.kind === 'room' && session.scope.roomIndex !== located.roomIndex) {
      throw new ApiError(403, 'forbidden', `conference ${conferenceId} is not in room ${session.scope.roomNumber}`);
    }
    const body = parseJsonObject(request.body);
    if (!('billingCode' in body)) throw new ApiError(400, 'bad_request', 'billingCode is required (a code or null)');
    const { billingCode } = body;
    if (billingCode !== null && (typeof billingCode !== 'string' || !BILLING_CODE_PATTERN.test(billingCode))) {
      throw new ApiError(422, 'invalid_billing_code', 'a billing code is 1 to 20 letters, digits, spaces, _ . or -');
    }
    if (this.dataset.isInvoiced(located.period)) {
      throw new ApiError(409, 'period_locked', `period ${located.period} is invoiced and locked`);
    }
    return { status: 200, body: this.dataset.setBillingCode(located, billingCode) };
  }

  private authorize(request: ApiRequest, account: string): Session {
    const token = bearerToken(request.authorization);
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || session.expired || session.expiresAtMs <= Date.now()) {
      throw new ApiError(401, 'session_expired', token ? 'the session has expired; log in again' : 'no session token; log in first');
    }
    if (account !== DEMO_ACCOUNT_NUMBER) throw new ApiError(404, 'not_found', `no account ${account}`);
    return session;
  }

  private requireServedPeriod(period: string): void {
    if (!parsePeriodKey(period)) throw new ApiError(400, 'bad_request', `a billing period is YYYY-MM, got '${period}'`);
    if (!this.dataset.isServed(period)) {
      throw new ApiError(404, 'period_unavailable', `period ${period} is not available (only ${this.dataset.periodKeys.join(', ')})`);
    }
  }
}

function roomIndexOfScope(scope: SessionScope): number | null {
  return scope.kind === 'room' ? scope.roomIndex : null;
}

/** Segments after /oai/v1, decoded; null when the path is outside the API. */
function pathSegments(path: string): string[] | null {
  if (!path.startsWith(API_PREFIX + '/')) return null;
  try {
    return path.slice(API_PREFIX.length + 1).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new ApiError(400, 'bad_request', 'malformed path encoding');
  }
}

function bearerToken(authorization: string | undefined): string | null {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1] ?? null;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_request', 'the body must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'bad_request', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function parseLimit(text: string | null): number {
  if (text === null) return DEFAULT_PAGE_LIMIT;
  const limit = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
    throw new ApiError(400, 'bad_request', `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return limit;
}

interface CursorState {
  period: string;
  scope: string;
  offset: number;
  revision: string;
}

function writeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([1, state.period, state.scope, state.offset, state.revision])).toString('base64url');
}

/** The offset a cursor points at; 400 if it is not ours, 409 if the period changed since. */
function readCursor(cursor: string, listing: { period: string; scope: string }, revision: string, total: number): number {
  const badCursor = new ApiError(400, 'bad_request', 'unknown or malformed cursor');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw badCursor;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor;
  }
  if (!Array.isArray(decoded) || decoded.length !== 5 || decoded[0] !== 1) throw badCursor;
  const [, period, scope, offset, cursorRevision] = decoded as unknown[];
  if (period !== listing.period || scope !== listing.scope || typeof cursorRevision !== 'string') throw badCursor;
  if (cursorRevision !== revision) {
    throw new ApiError(409, 'period_changed', `period ${listing.period} changed while paging; start again`);
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > total) throw badCursor;
  return offset;
}
