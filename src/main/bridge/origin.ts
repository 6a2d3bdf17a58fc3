// Which pages may talk to main. In Electron the renderer is served from the
// app's own custom protocol; in the browser harness from the harness origin.
export const APP_SCHEME = 'app';
export const APP_HOST = 'oai';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True when `url` belongs exactly to `trustedOrigin` (scheme, host and port). */
export function isFromOrigin(url: string | null | undefined, trustedOrigin: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // Non-special schemes (app:) give origin "null": compare scheme + host instead.
    const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
    return origin === trustedOrigin;
  } catch {
    return false;
  }
}
