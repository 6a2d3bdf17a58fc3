// Instants are kept as UTC ISO text.

/** Now as UTC ISO text without milliseconds ('2009-05-06T07:02:11Z'). */
export function nowUtc(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
