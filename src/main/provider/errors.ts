// Errors of the provider client. Every failure the sync engine or sign-in can
// meet is a ProviderError with a `kind` to branch on and an English `message`
// fit to show the user. Messages never contain the password: they are built
// only from the request line, the host and (scrubbed) server text.

export type ProviderErrorKind =
  | 'bad_url' // the base URL cannot be parsed or has an unsupported scheme
  | 'insecure_url' // plain http:// to a host that is not loopback
  | 'invalid_credentials' // the provider rejected the user name or password
  | 'session_expired' // the session expired again right after a new sign-in
  | 'unreachable' // network failure (refused, reset, dropped, DNS) after the last try
  | 'timeout' // no answer within timeoutMs after the last try
  | 'tls' // certificate or TLS handshake failure (never retried)
  | 'unavailable' // 429 / 5xx after the last try
  | 'malformed' // the response is not valid JSON or breaks the schema
  | 'http' // any other API error (forbidden, not_found, period_locked, ...)
  | 'cancelled'; // the caller's AbortSignal fired

export interface ProviderErrorDetails {
  /** API error code from the body, e.g. `period_locked` (kept as text). */
  code?: string;
  status?: number;
  /** First offending JSON path of a malformed response, e.g. `conferences[1].chargeCents`. */
  jsonPath?: string;
  /** How many HTTP attempts were made for the failing request. */
  attempts?: number;
  /** `GET /oai/v1/...`, without query string. */
  request?: string;
  /** The provider's own explanation from the error body (scrubbed), for users. */
  serverMessage?: string;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly code?: string;
  readonly status?: number;
  readonly jsonPath?: string;
  readonly attempts?: number;
  readonly request?: string;
  readonly serverMessage?: string;

  constructor(kind: ProviderErrorKind, message: string, details: ProviderErrorDetails = {}) {
    super(message);
    this.kind = kind;
    // Only defined fields become own properties, so JSON output stays tidy.
    if (details.code !== undefined) this.code = details.code;
    if (details.status !== undefined) this.status = details.status;
    if (details.jsonPath !== undefined) this.jsonPath = details.jsonPath;
    if (details.attempts !== undefined) this.attempts = details.attempts;
    if (details.request !== undefined) this.request = details.request;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
  }

  /** Serialisable form (logs, IPC): includes the message, unlike a bare Error. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      code: this.code,
      status: this.status,
      jsonPath: this.jsonPath,
      attempts: this.attempts,
      request: this.request,
    };
  }
}

export function isProviderError(value: unknown, kind?: ProviderErrorKind): value is ProviderError {
  return value instanceof ProviderError && (kind === undefined || value.kind === kind);
}

export function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/** What went wrong below HTTP, read from undici's error `cause` chain. */
export type TransportFailure =
  | { type: 'tls'; code: string; reason: string }
  | { type: 'network'; code: string | null; reason: string };

const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  CERT_REVOKED: 'its certificate has been revoked',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain contains a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is not signed by a trusted authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is issued for a different host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port (try http:// for a local server)',
  // Chromium's names (the desktop app's net.fetch).
  ERR_CERT_AUTHORITY_INVALID: 'its certificate is not signed by a trusted authority',
  ERR_CERT_DATE_INVALID: 'its certificate has expired or is not valid yet',
  ERR_CERT_COMMON_NAME_INVALID: 'its certificate is issued for a different host name',
  ERR_CERT_REVOKED: 'its certificate has been revoked',
  ERR_SSL_PROTOCOL_ERROR: 'it does not speak TLS on this port (try http:// for a local server)',
};

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  UND_ERR_CLOSED: 'the connection was closed unexpectedly',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
  // Chromium's names (the desktop app's net.fetch).
  ERR_CONNECTION_REFUSED: 'connection refused',
  ERR_CONNECTION_RESET: 'connection reset',
  ERR_CONNECTION_CLOSED: 'connection closed',
  ERR_CONNECTION_TIMED_OUT: 'connection timed out',
  ERR_NAME_NOT_RESOLVED: 'host name not found',
  ERR_INTERNET_DISCONNECTED: 'no network connection',
  ERR_ADDRESS_UNREACHABLE: 'host unreachable',
  ERR_PROXY_CONNECTION_FAILED: 'the proxy server could not be reached',
  ERR_TUNNEL_CONNECTION_FAILED: 'the proxy server refused the connection',
};

function isTlsCode(code: string): boolean {
  return (
    code in TLS_REASONS ||
    code.startsWith('CERT_') ||
    code.startsWith('ERR_CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('UNABLE_TO_') ||
    code.includes('SELF_SIGNED')
  );
}

function errorCodesInCauseChain(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Object; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export function classifyTransportFailure(error: unknown): TransportFailure {
  const codes = errorCodesInCauseChain(error);
  const tlsCode = codes.find(isTlsCode);
  if (tlsCode) return { type: 'tls', code: tlsCode, reason: TLS_REASONS[tlsCode] ?? 'the secure (TLS) connection failed' };
  const code = codes[0] ?? null;
  const reason = (code && NETWORK_REASONS[code]) ?? (code ? `network error ${code}` : 'network error');
  return { type: 'network', code, reason };
}

/** Removes a secret from server-provided text before it reaches a message. */
export function scrubSecret(text: string, secret: string | undefined): string {
  // Very short secrets occur by chance in any text and reveal nothing there.
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('•••');
}
