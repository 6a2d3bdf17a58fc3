// The renderer's Content-Security-Policy, sent as a response header by the
// app:// protocol handler and by the browser harness. No inline script, no
// eval, nothing remote: the renderer only ever talks to its own origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
