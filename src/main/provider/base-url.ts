// Validation of the provider base URL: https anywhere, plain http only to this
// machine (the password travels in the session request body).
import { ProviderError } from './errors';

/** True for 127.0.0.0/8, `localhost` and `[::1]` (as WHATWG URL normalises them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Returns the base URL normalised (origin + path, no trailing slash, no query
 * or fragment), or throws ProviderError `bad_url` / `insecure_url`.
 */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ProviderError('bad_url', `“${input}” is not a valid provider address (expected e.g. https://oai.example.com).`);
  }
  if (url.username || url.password) {
    // Not echoed: the address itself carries a secret.
    throw new ProviderError('bad_url', 'The provider address must not contain a user name or password.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProviderError('bad_url', `“${input}” is not a valid provider address: only https:// is supported.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ProviderError(
      'insecure_url',
      `“${url.origin}” is not secure: use https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1).`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
