// Typed HTTP client for the OAI provider API v1 (docs/provider-api.md).
// Used by the sync engine and sign-in; no Electron imports, global fetch.
//
// Responsibilities: base-URL policy, sessions (login on demand, one re-login
// on expiry) and the API's calls; each request's timeout, retries, error
// classification and schema validation are http-transport.ts's. Every
// failure is a ProviderError (see errors.ts).
import {
  API_PREFIX,
  accountResponseSchema,
  conferenceSchema,
  conferencesPageSchema,
  periodsResponseSchema,
  roomsResponseSchema,
  sessionResponseSchema,
  type AccountResponse,
  type ApiConference,
  type ApiPeriod,
  type ApiRoom,
  type ConferencesPage,
  type SessionResponse,
} from './api-schemas';
import { normaliseBaseUrl } from './base-url';
import { ProviderError, isProviderError } from './errors';
import { isWellFormedConferencesPage } from './fast-check';
import { HttpTransport, type ProviderRequestEvent, type RequestSpec } from './http-transport';
import { PAGE_MAX_BODY_BYTES } from './response-body';
import type { Sleep } from './retry';

export { ProviderError, isProviderError, type ProviderErrorKind } from './errors';
export type { Sleep } from './retry';
export type { ProviderRequestEvent } from './http-transport';

export interface ProviderCredentials {
  username: string;
  password: string;
  /** Account-wide login; exactly one of accountNumber / roomNumber is set. */
  accountNumber?: string;
  /** One-room login. */
  roomNumber?: string;
}

export interface ProviderClientOptions {
  baseUrl: string;
  /** Called only when a session must be opened, so the password stays in the keychain otherwise. */
  credentials: () => Promise<ProviderCredentials> | ProviderCredentials;
  /** Longest wait without progress (headers or body bytes) per attempt. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: Sleep;
  /** Cancels every request of this client. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  onRequest?: (event: ProviderRequestEvent) => void;
  /** Accept-Encoding to send (default 'gzip, br'); null for a fetch that negotiates compression itself (Chromium's). */
  acceptEncoding?: string | null;
}

export interface ConferencePagesOptions {
  /** Items asked per page (the server may send fewer). Default 5000, the API maximum. */
  limit?: number;
  signal?: AbortSignal;
  /** Decoded size ceiling of each page (default PAGE_MAX_BODY_BYTES, and never above it). */
  maxBodyBytes?: number;
}

/** What paging needs of a page, however it was read. */
export interface PageReceipt {
  nextCursor: string | null;
}

/** Reads a conference page's body (bytes, decoded from gzip/br) into what the caller keeps of it. */
export type PageParser<P extends PageReceipt> = (body: Uint8Array, request: string, attempts: number) => Promise<P>;

export type SessionScope = SessionResponse['scope'];

/** What sign-in needs to know about the open session (the token stays private). */
export interface SessionInfo {
  expiresAt: string;
  scope: SessionScope;
}

export const DEFAULT_PAGE_LIMIT = 5000;
const SESSION_PATH = `${API_PREFIX}/session`;


const segment = encodeURIComponent;

export class ProviderClient {
  readonly baseUrl: string;
  private readonly credentials: ProviderClientOptions['credentials'];
  private readonly transport: HttpTransport;

  private token: string | null = null;
  private sessionInfo: SessionInfo | null = null;
  private pendingLogin: Promise<SessionResponse> | null = null;

  constructor(options: ProviderClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.credentials = options.credentials;
    this.transport = new HttpTransport({
      baseUrl: this.baseUrl,
      timeoutMs: Math.max(1, options.timeoutMs ?? 30_000),
      maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 4)),
      baseDelayMs: Math.max(0, options.baseDelayMs ?? 500),
      maxDelayMs: Math.max(0, options.maxDelayMs ?? 30_000),
      sleep: options.sleep,
      signal: options.signal,
      fetch: options.fetch,
      onRequest: options.onRequest,
      acceptEncoding: options.acceptEncoding,
    });
  }

  /** The last opened session, without its token; null before login. */
  get session(): SessionInfo | null {
    return this.sessionInfo;
  }

  get scope(): SessionScope | null {
    return this.sessionInfo?.scope ?? null;
  }

  // ---- session -------------------------------------------------------------

  /** Opens a new session with the credentials and keeps its token. */
  login(options: { signal?: AbortSignal } = {}): Promise<SessionResponse> {
    const run = this.openSession(options.signal);
    this.pendingLogin = run;
    const clear = (): void => {
      if (this.pendingLogin === run) this.pendingLogin = null;
    };
    run.then(clear, clear);
    return run;
  }

  /** Ends the session on the provider (errors ignored, no retries) and forgets the token. */
  async logout(): Promise<void> {
    const token = this.token;
    this.token = null;
    this.sessionInfo = null;
    if (token === null) return;
    try {
      await this.transport.send({ method: 'DELETE', path: SESSION_PATH, schema: null, maxRetries: 0 }, token);
    } catch {
      // The session dies on its own; nothing useful to tell the user.
    }
  }

  private async openSession(signal: AbortSignal | undefined): Promise<SessionResponse> {
    const credentials = await this.credentials();
    const session = await this.transport.send(
      {
        method: 'POST',
        path: SESSION_PATH,
        body: sessionRequestBody(credentials),
        schema: sessionResponseSchema,
        signal,
        secret: credentials.password,
        signIn: true,
      },
      null,
    );
    this.token = session.token;
    this.sessionInfo = { expiresAt: session.expiresAt, scope: session.scope };
    return session;
  }

  private async currentToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.token !== null) return this.token;
    return (await (this.pendingLogin ?? this.login({ signal }))).token;
  }

  /** A token newer than `staleToken`, opening one session at most even for concurrent callers. */
  private async renewedToken(staleToken: string, signal: AbortSignal | undefined): Promise<string> {
    if (this.token !== null && this.token !== staleToken) return this.token;
    if (this.pendingLogin) return (await this.pendingLogin).token;
    this.token = null;
    return (await this.login({ signal })).token;
  }

  // ---- API -----------------------------------------------------------------

  getAccount(accountNumber: string, options: { signal?: AbortSignal } = {}): Promise<AccountResponse> {
    return this.authorized({
      method: 'GET',
      path: `${API_PREFIX}/accounts/${segment(accountNumber)}`,
      schema: accountResponseSchema,
      signal: options.signal,
    });
  }

  async listPeriods(accountNumber: string, options: { signal?: AbortSignal } = {}): Promise<ApiPeriod[]> {
    const body = await this.authorized({
      method: 'GET',
      path: `${API_PREFIX}/accounts/${segment(accountNumber)}/periods`,
      schema: periodsResponseSchema,
      signal: options.signal,
    });
    return body.periods;
  }

  async listRooms(accountNumber: string, period: string, options: { signal?: AbortSignal } = {}): Promise<ApiRoom[]> {
    const body = await this.authorized({
      method: 'GET',
      path: `${API_PREFIX}/accounts/${segment(accountNumber)}/periods/${segment(period)}/rooms`,
      schema: roomsResponseSchema,
      signal: options.signal,
    });
    return body.rooms;
  }

  /** Pages of a period's conferences, following nextCursor until null (never counting items). */
  conferencePages(accountNumber: string, period: string, options: ConferencePagesOptions = {}): AsyncGenerator<ConferencesPage> {
    return this.pages(accountNumber, period, { schema: conferencesPageSchema, isWellFormed: isWellFormedConferencesPage }, options);
  }

  /**
   * The same pages, each body handed to `parse` as bytes (a month's writer
   * thread parses, checks and stores it, and answers what paging needs), so
   * this thread never parses the large pages.
   */
  conferencePagesParsedBy<P extends PageReceipt>(accountNumber: string, period: string, parse: PageParser<P>, options: ConferencePagesOptions = {}): AsyncGenerator<P> {
    return this.pages(accountNumber, period, { schema: null, parseBody: parse }, options);
  }

  private async *pages<P extends PageReceipt>(
    accountNumber: string,
    period: string,
    read: Pick<RequestSpec<P>, 'schema' | 'isWellFormed' | 'parseBody'>,
    options: ConferencePagesOptions,
  ): AsyncGenerator<P> {
    const path = `${API_PREFIX}/accounts/${segment(accountNumber)}/periods/${segment(period)}/conferences`;
    const limit = String(options.limit ?? DEFAULT_PAGE_LIMIT);
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = cursor === null ? { limit } : { limit, cursor };
      const page: P = await this.authorized({ method: 'GET', path, query, ...read, signal: options.signal, maxBodyBytes: Math.min(options.maxBodyBytes ?? PAGE_MAX_BODY_BYTES, PAGE_MAX_BODY_BYTES) });
      if (cursor !== null && page.nextCursor === cursor) {
        // A server bug that would otherwise make us page forever.
        throw new ProviderError('malformed', `The provider sent the same page cursor twice for GET ${path}; paging stopped.`, {
          jsonPath: 'nextCursor',
          request: `GET ${path}`,
        });
      }
      yield page;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  /** Assigns (or with null clears) a conference's billing code; answers the updated conference. */
  setBillingCode(
    accountNumber: string,
    conferenceId: string,
    billingCode: string | null,
    options: { signal?: AbortSignal } = {},
  ): Promise<ApiConference> {
    return this.authorized({
      method: 'PUT',
      path: `${API_PREFIX}/accounts/${segment(accountNumber)}/conferences/${segment(conferenceId)}/billing-code`,
      body: { billingCode },
      schema: conferenceSchema,
      signal: options.signal,
    });
  }

  /** A bearer request: logs in first if needed; on session expiry re-logs in once and repeats. */
  private async authorized<T>(spec: RequestSpec<T>): Promise<T> {
    const token = await this.currentToken(spec.signal);
    try {
      return await this.transport.send(spec, token);
    } catch (error) {
      if (!isProviderError(error, 'session_expired')) throw error;
    }
    const freshToken = await this.renewedToken(token, spec.signal);
    try {
      return await this.transport.send(spec, freshToken);
    } catch (error) {
      if (!isProviderError(error, 'session_expired')) throw error;
      throw new ProviderError(
        'session_expired',
        `The provider ended the session again right after a new sign-in (${error.request}). Please try again later.`,
        { code: error.code, status: error.status, attempts: error.attempts, request: error.request },
      );
    }
  }
}

function sessionRequestBody(credentials: ProviderCredentials): Record<string, string> {
  const { username, password, accountNumber, roomNumber } = credentials;
  if (Boolean(accountNumber) === Boolean(roomNumber)) {
    throw new ProviderError('invalid_credentials', 'Sign-in needs exactly one of an account number or a room number.');
  }
  return accountNumber ? { username, password, accountNumber } : { username, password, roomNumber: roomNumber as string };
}

