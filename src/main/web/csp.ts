// The renderer's Content-Security-Policy, sent as a response header by the
// app:// protocol handler and by the browser harness, and repeated in a
// <meta> element of src/renderer/index.html as a second layer (a unit test
// keeps the two the same). No inline script, no eval, nothing remote: the
// renderer only ever talks to its own origin.
const DIRECTIVES = [
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
];

/** Directives a <meta> element cannot deliver: browsers ignore them there (and say so in the console). */
const HEADER_ONLY = ['frame-ancestors'];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy as the <meta> element of index.html carries it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.includes(d.split(' ')[0]!)).join('; ');
