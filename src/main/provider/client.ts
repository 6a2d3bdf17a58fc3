// Typed HTTP client for the OAI provider API v1 (docs: /work/shared/OAI_API.md).
// Used by the sync engine and sign-in; no Electron imports, global fetch.
//
// Responsibilities: base-URL policy, sessions (login on demand, one re-login
// on expiry), per-attempt timeout + caller cancel, retries with backoff and
// Retry-After, TLS/network error classification, and schema validation of
// every response. Every failure is a ProviderError (see errors.ts).
import type { z } from 'zod';
import {
  API_PREFIX,
  accountResponseSchema,
  conferenceSchema,
  conferencesPageSchema,
  errorBodySchema,
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
import { ProviderError, attemptsText, classifyTransportFailure, isProviderError, scrubSecret, type TransportFailure } from './errors';
import { backoffDelayMs, realSleep, retryAfterMs, type Sleep } from './retry';
import { isWellFormedConferencesPage } from './fast-check';
import { parseResponseBody, type WellFormedCheck } from './validate';

export { ProviderError, isProviderError, type ProviderErrorKind } from './errors';
export type { Sleep } from './retry';

export interface ProviderCredentials {
  username: string;
  password: string;
  /** Account-wide login; exactly one of accountNumber / roomNumber is set. */
  accountNumber?: string;
  /** One-room login. */
  roomNumber?: string;
}

/** One HTTP attempt, for logs and diagnostics (never carries bodies or query strings). */
export interface ProviderRequestEvent {
  method: string;
  path: string;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  attempt: number;
  ms: number;
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
}

export interface ConferencePagesOptions {
  /** Items asked per page (the server may send fewer). Default 5000, the API maximum. */
  limit?: number;
  signal?: AbortSignal;
}

export type SessionScope = SessionResponse['scope'];

/** What sign-in needs to know about the open session (the token stays private). */
export interface SessionInfo {
  expiresAt: string;
  scope: SessionScope;
}

export const DEFAULT_PAGE_LIMIT = 5000;
const SESSION_PATH = `${API_PREFIX}/session`;

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

interface RequestSpec<T> {
  method: HttpMethod;
  /** Already encoded path, starting with /oai/v1. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** null: the body is ignored (204 answers). */
  schema: z.ZodType<T> | null;
  /** Optional fast path for big bodies; zod still builds any error. */
  isWellFormed?: WellFormedCheck;
  signal?: AbortSignal;
  maxRetries?: number;
  /** Scrubbed from any server text that reaches an error message (the password). */
  secret?: string;
}

interface SentRequest<T> extends RequestSpec<T> {
  token: string | null;
  /** `METHOD /path` for messages; never contains the query string. */
  label: string;
  callerSignal: AbortSignal | undefined;
}

type AttemptOutcome =
  | { type: 'response'; status: number; headers: Headers; bodyText: string }
  | { type: 'timeout' }
  | { type: 'network'; failure: TransportFailure };

const segment = encodeURIComponent;

export class ProviderClient {
  readonly baseUrl: string;
  private readonly host: string;
  private readonly credentials: ProviderClientOptions['credentials'];
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: Sleep;
  private readonly clientSignal: AbortSignal | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly onRequest: ProviderClientOptions['onRequest'];

  private token: string | null = null;
  private sessionInfo: SessionInfo | null = null;
  private pendingLogin: Promise<SessionResponse> | null = null;

  constructor(options: ProviderClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.host = new URL(this.baseUrl).host;
    this.credentials = options.credentials;
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 30_000);
    this.maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 4));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 500);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? 30_000);
    this.sleep = options.sleep ?? realSleep;
    this.clientSignal = options.signal;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.onRequest = options.onRequest;
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
      await this.send({ method: 'DELETE', path: SESSION_PATH, schema: null, maxRetries: 0 }, token);
    } catch {
      // The session dies on its own; nothing useful to tell the user.
    }
  }

  private async openSession(signal: AbortSignal | undefined): Promise<SessionResponse> {
    const credentials = await this.credentials();
    const session = await this.send(
      {
        method: 'POST',
        path: SESSION_PATH,
        body: sessionRequestBody(credentials),
        schema: sessionResponseSchema,
        signal,
        secret: credentials.password,
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
  async *conferencePages(accountNumber: string, period: string, options: ConferencePagesOptions = {}): AsyncGenerator<ConferencesPage> {
    const path = `${API_PREFIX}/accounts/${segment(accountNumber)}/periods/${segment(period)}/conferences`;
    const limit = String(options.limit ?? DEFAULT_PAGE_LIMIT);
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = cursor === null ? { limit } : { limit, cursor };
      const page: ConferencesPage = await this.authorized({
        method: 'GET',
        path,
        query,
        schema: conferencesPageSchema,
        isWellFormed: isWellFormedConferencesPage,
        signal: options.signal,
      });
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

  // ---- request machinery ---------------------------------------------------

  /** A bearer request: logs in first if needed; on session expiry re-logs in once and repeats. */
  private async authorized<T>(spec: RequestSpec<T>): Promise<T> {
    const token = await this.currentToken(spec.signal);
    try {
      return await this.send(spec, token);
    } catch (error) {
      if (!isProviderError(error, 'session_expired')) throw error;
    }
    const freshToken = await this.renewedToken(token, spec.signal);
    try {
      return await this.send(spec, freshToken);
    } catch (error) {
      if (!isProviderError(error, 'session_expired')) throw error;
      throw new ProviderError(
        'session_expired',
        `The provider ended the session again right after a new sign-in (${error.request}). Please try again later.`,
        { code: error.code, status: error.status, attempts: error.attempts, request: error.request },
      );
    }
  }

  /** One logical request with its retries. */
  private async send<T>(spec: RequestSpec<T>, token: string | null): Promise<T> {
    const request: SentRequest<T> = {
      ...spec,
      token,
      label: `${spec.method} ${spec.path}`,
      callerSignal: combineSignals(this.clientSignal, spec.signal),
    };
    const maxRetries = spec.maxRetries ?? this.maxRetries;
    const idempotent = IDEMPOTENT_METHODS.has(spec.method);

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(request, attempt);
      const mayRetry = attempt <= maxRetries;

      if (outcome.type === 'response') {
        const { status } = outcome;
        if (status >= 200 && status < 300) {
          if (spec.schema === null) return undefined as T;
          return parseResponseBody(spec.schema, outcome.bodyText, request.label, attempt, spec.isWellFormed);
        }
        // 429/503 mean "not processed", so even POST /session may be repeated.
        const transient = status === 429 || status === 503 || (status >= 500 && idempotent);
        if (transient && mayRetry) {
          const asked = retryAfterMs(outcome.headers.get('retry-after'));
          await this.pause(asked !== null ? Math.min(asked, this.maxDelayMs) : this.backoff(attempt), request, attempt);
          continue;
        }
        throw this.errorFromResponse(request, outcome, attempt);
      }

      if (idempotent && mayRetry) {
        await this.pause(this.backoff(attempt), request, attempt);
        continue;
      }
      throw this.errorFromFailure(request, outcome, attempt);
    }
  }

  private backoff(attempt: number): number {
    return backoffDelayMs(attempt, this.baseDelayMs, this.maxDelayMs);
  }

  private async pause(ms: number, request: SentRequest<unknown>, attemptsMade: number): Promise<void> {
    try {
      await this.sleep(ms, request.callerSignal);
    } catch (error) {
      if (request.callerSignal?.aborted) throw cancelledError(request, attemptsMade);
      throw error;
    }
    if (request.callerSignal?.aborted) throw cancelledError(request, attemptsMade);
  }

  /** One HTTP exchange. Throws only for cancel and TLS (neither is retried). */
  private async attempt(request: SentRequest<unknown>, attempt: number): Promise<AttemptOutcome> {
    const { callerSignal } = request;
    if (callerSignal?.aborted) throw cancelledError(request, attempt - 1);

    const controller = new AbortController();
    const abortFromCaller = (): void => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', abortFromCaller, { once: true });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restartTimer = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException('The provider did not answer in time.', 'TimeoutError'));
      }, this.timeoutMs);
    };

    const started = performance.now();
    let status: number | null = null;
    try {
      restartTimer();
      const response = await this.fetchImpl(this.url(request), {
        method: request.method,
        headers: this.headers(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        // A redirect could carry the session request (and its password) elsewhere.
        redirect: 'manual',
      });
      status = response.status;
      const bodyText = await readBodyText(response, restartTimer);
      return { type: 'response', status, headers: response.headers, bodyText };
    } catch (error) {
      if (callerSignal?.aborted) throw cancelledError(request, attempt);
      if (timedOut) return { type: 'timeout' };
      const failure = classifyTransportFailure(error);
      if (failure.type === 'tls') {
        throw new ProviderError('tls', `Could not open a secure connection to ${this.host}: ${failure.reason} (${failure.code}).`, {
          code: failure.code,
          attempts: attempt,
          request: request.label,
        });
      }
      return { type: 'network', failure };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', abortFromCaller);
      this.report({ method: request.method, path: request.path, status, attempt, ms: Math.round(performance.now() - started) });
    }
  }

  private report(event: ProviderRequestEvent): void {
    try {
      this.onRequest?.(event);
    } catch {
      // A faulty logger must not break a request.
    }
  }

  private url(request: SentRequest<unknown>): string {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    return `${this.baseUrl}${request.path}${query}`;
  }

  private headers(request: SentRequest<unknown>): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (request.token !== null) headers.authorization = `Bearer ${request.token}`;
    return headers;
  }

  private errorFromFailure(request: SentRequest<unknown>, outcome: Exclude<AttemptOutcome, { type: 'response' }>, attempts: number): ProviderError {
    const tail = `(${request.label}; ${attemptsText(attempts)})`;
    if (outcome.type === 'timeout') {
      return new ProviderError('timeout', `The provider at ${this.host} did not answer within ${formatSeconds(this.timeoutMs)} ${tail}.`, {
        attempts,
        request: request.label,
      });
    }
    return new ProviderError('unreachable', `Could not reach the provider at ${this.host}: ${outcome.failure.reason} ${tail}.`, {
      ...(outcome.failure.code !== null ? { code: outcome.failure.code } : {}),
      attempts,
      request: request.label,
    });
  }

  private errorFromResponse(request: SentRequest<unknown>, outcome: Extract<AttemptOutcome, { type: 'response' }>, attempts: number): ProviderError {
    const { status } = outcome;
    const { code, serverMessage } = readErrorBody(outcome.bodyText, request.secret);
    const details = { status, attempts, request: request.label, ...(code !== undefined ? { code } : {}) };
    const isSessionRequest = request.path === SESSION_PATH && request.method === 'POST';

    if (status === 401 && (isSessionRequest || code === 'invalid_credentials')) {
      return new ProviderError('invalid_credentials', 'The provider rejected the user name or password.', details);
    }
    if (status === 401) {
      // Any other 401 on a bearer request is treated as an expired token.
      return new ProviderError('session_expired', `The provider session expired (${request.label}).`, details);
    }
    const said = serverMessage ?? `HTTP ${status}`;
    if (status === 429 || status >= 500) {
      return new ProviderError(
        'unavailable',
        `The provider at ${this.host} is unavailable: ${said} (${request.label}; ${attemptsText(attempts)}). Please try again later.`,
        details,
      );
    }
    if (status >= 300 && status < 400) {
      const location = scrubSecret(outcome.headers.get('location') ?? 'another address', request.secret);
      return new ProviderError(
        'http',
        `The provider redirected ${request.label} to ${location}; check the provider address.`,
        details,
      );
    }
    const codeText = code !== undefined ? `${code}, HTTP ${status}` : `HTTP ${status}`;
    return new ProviderError('http', `The provider refused ${request.label}: ${said} (${codeText}).`, {
      ...details,
      ...(serverMessage !== undefined ? { serverMessage } : {}),
    });
  }
}

function sessionRequestBody(credentials: ProviderCredentials): Record<string, string> {
  const { username, password, accountNumber, roomNumber } = credentials;
  if (Boolean(accountNumber) === Boolean(roomNumber)) {
    throw new ProviderError('invalid_credentials', 'Sign-in needs exactly one of an account number or a room number.');
  }
  return accountNumber ? { username, password, accountNumber } : { username, password, roomNumber: roomNumber as string };
}

/** `{error:{code,message}}` per contract; anything else (HTML, empty) yields nothing. */
function readErrorBody(bodyText: string, secret: string | undefined): { code?: string; serverMessage?: string } {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return {};
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return {};
  const message = scrubSecret(parsed.data.error.message.trim(), secret).replace(/[.\s]+$/, '');
  return {
    code: scrubSecret(parsed.data.error.code, secret),
    ...(message ? { serverMessage: message } : {}),
  };
}

/** Reads the whole body, calling onProgress per chunk so the idle timeout restarts while data flows. */
async function readBodyText(response: Response, onProgress: () => void): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    onProgress();
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, length));
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

function cancelledError(request: SentRequest<unknown>, attempts: number): ProviderError {
  return new ProviderError('cancelled', `Cancelled: ${request.label}.`, { attempts, request: request.label });
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
