// Which provider cached data came from. Two providers may both have an
// account 602127, so every account the cache holds is keyed by
// (provider, account number), the provider being the origin of its address.

/** The embedded demo provider's stable name: its real address changes every launch. */
export const DEMO_PROVIDER = 'embedded-demo';

/**
 * A provider's key: the origin of its address (scheme://host[:port], lower
 * case, default port dropped; a path is not part of it), or, for a name that
 * is not an http(s) address (the embedded demo), that name in lower case.
 */
export function providerKey(address: string): string {
  const text = address.trim();
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // Not an address: a stable name.
  }
  return text.toLowerCase();
}
