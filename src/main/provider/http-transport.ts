// One logical HTTP request to the provider with its retries: per-attempt idle
// timeout and caller cancel, bounded backoff honouring Retry-After, TLS and
// network failures classified, the response body validated against its
// schema. Knows nothing of sessions or of the API's paths (client.ts).
import type { z } from 'zod';
import { errorBodySchema } from './api-schemas';
import { ProviderError, attemptsText, classifyTransportFailure, isProviderError, scrubSecret, type TransportFailure } from './errors';
import { SharedPause } from './pacing';
import { ACCEPTED_ENCODINGS, bodyText, bodyTooLarge, DEFAULT_MAX_BODY_BYTES, readBodyBytes } from './response-body';
import { backoffDelayMs, realSleep, retryAfterMs, type Sleep } from './retry';
import { parseResponseBody, type WellFormedCheck } from './validate';

/** One HTTP attempt, for logs and diagnostics (never carries bodies or query strings). */
export interface ProviderRequestEvent {
  method: string;
  path: string;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  attempt: number;
  ms: number;
}

export interface TransportOptions {
  /** Normalised base URL (no trailing slash). */
  baseUrl: string;
  /** Longest wait without progress (headers or body bytes) per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: Sleep;
  /** Cancels every request. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  onRequest?: (event: ProviderRequestEvent) => void;
  /**
   * Sent as Accept-Encoding (default 'gzip, br'); null sends none, for a
   * fetch that negotiates and decodes compression itself (Chromium's).
   */
  acceptEncoding?: string | null;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

export interface RequestSpec<T> {
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
  /** The sign-in request itself: any 401 to it means wrong credentials. */
  signIn?: boolean;
  /** Most bytes the body may have once decoded (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Reads a 2xx body instead of `schema` (which then only types it): a
   * conference page is parsed and checked on its month's writer thread, not
   * here. Throws (or rejects with) ProviderError `malformed` as parseResponseBody does.
   */
  parseBody?: (body: Uint8Array, request: string, attempts: number) => Promise<T>;
}

interface SentRequest<T> extends RequestSpec<T> {
  token: string | null;
  /** `METHOD /path` for messages; never contains the query string. */
  label: string;
  callerSignal: AbortSignal | undefined;
}

type AttemptOutcome =
  | { type: 'response'; status: number; headers: Headers; body: Uint8Array }
  | { type: 'timeout' }
  | { type: 'network'; failure: TransportFailure };

export class HttpTransport {
  readonly host: string;
  private readonly sleep: Sleep;
  private readonly fetchImpl: typeof fetch;
  /** Set by a 429 or 503, honoured by every request of this transport. */
  private readonly pace: SharedPause;

  constructor(private readonly options: TransportOptions) {
    this.host = new URL(options.baseUrl).host;
    this.sleep = options.sleep ?? realSleep;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.pace = new SharedPause(this.sleep);
  }

  /** One logical request with its retries. */
  async send<T>(spec: RequestSpec<T>, token: string | null): Promise<T> {
    const request: SentRequest<T> = {
      ...spec,
      token,
      label: `${spec.method} ${spec.path}`,
      callerSignal: combineSignals(this.options.signal, spec.signal),
    };
    const maxRetries = spec.maxRetries ?? this.options.maxRetries;
    const idempotent = IDEMPOTENT_METHODS.has(spec.method);

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(request, attempt);
      const mayRetry = attempt <= maxRetries;

      if (outcome.type === 'response') {
        const { status } = outcome;
        if (status >= 200 && status < 300) {
          if (spec.parseBody) return await spec.parseBody(outcome.body, request.label, attempt);
          if (spec.schema === null) return undefined as T;
          return parseResponseBody(spec.schema, bodyText(outcome.body), request.label, attempt, spec.isWellFormed);
        }
        // 429/503 mean "not processed", so even POST /session may be repeated.
        const overloaded = status === 429 || status === 503;
        const transient = overloaded || (status >= 500 && idempotent);
        if (transient && mayRetry) {
          const asked = retryAfterMs(outcome.headers.get('retry-after'));
          const wait = asked !== null ? Math.min(asked, this.options.maxDelayMs) : this.backoff(attempt);
          // An overloaded provider holds every request of the client, not only this one.
          if (overloaded) this.pace.extend(wait);
          await (overloaded ? this.pacing(request, attempt) : this.pause(wait, request, attempt));
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
    return backoffDelayMs(attempt, this.options.baseDelayMs, this.options.maxDelayMs);
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

  /** Waits out the client's shared pause (see SharedPause). */
  private async pacing(request: SentRequest<unknown>, attemptsMade: number): Promise<void> {
    try {
      await this.pace.wait(request.callerSignal);
    } catch (error) {
      if (request.callerSignal?.aborted) throw cancelledError(request, attemptsMade);
      throw error;
    }
    if (request.callerSignal?.aborted) throw cancelledError(request, attemptsMade);
  }

  /** One HTTP exchange. Throws only for cancel, TLS and a body over its ceiling (none is retried). */
  private async attempt(request: SentRequest<unknown>, attempt: number): Promise<AttemptOutcome> {
    const { callerSignal } = request;
    if (callerSignal?.aborted) throw cancelledError(request, attempt - 1);
    await this.pacing(request, attempt - 1);

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
      }, this.options.timeoutMs);
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
      const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const body = await readBodyBytes(response, maxBytes, restartTimer, () => bodyTooLarge(request.label, maxBytes, attempt));
      return { type: 'response', status, headers: response.headers, body };
    } catch (error) {
      if (callerSignal?.aborted) throw cancelledError(request, attempt);
      if (isProviderError(error)) throw error;
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
      this.options.onRequest?.(event);
    } catch {
      // A faulty logger must not break a request.
    }
  }

  private url(request: SentRequest<unknown>): string {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    return `${this.options.baseUrl}${request.path}${query}`;
  }

  private headers(request: SentRequest<unknown>): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const encodings = this.options.acceptEncoding === undefined ? ACCEPTED_ENCODINGS : this.options.acceptEncoding;
    if (encodings !== null) headers['accept-encoding'] = encodings;
    if (request.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (request.token !== null) headers.authorization = `Bearer ${request.token}`;
    return headers;
  }

  private errorFromFailure(request: SentRequest<unknown>, outcome: Exclude<AttemptOutcome, { type: 'response' }>, attempts: number): ProviderError {
    const tail = `(${request.label}; ${attemptsText(attempts)})`;
    if (outcome.type === 'timeout') {
      return new ProviderError('timeout', `The provider at ${this.host} did not answer within ${formatSeconds(this.options.timeoutMs)} ${tail}.`, {
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
    const { code, serverMessage } = readErrorBody(bodyText(outcome.body), request.secret);
    const details = { status, attempts, request: request.label, ...(code !== undefined ? { code } : {}) };
    
    if (status === 401 && (request.signIn === true || code === 'invalid_credentials')) {
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
