// Serves the built renderer from one folder with path containment: a request
// can never reach a file outside that folder (no "..", no absolute paths, no
// symlink escapes). Shared by the app:// protocol and the browser harness.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Maps a URL path to a file inside `rootDir`, or null when the path would
 * leave it. "/" and extension-less paths (client-side routes) map to index.html.
 */
export function resolveAssetPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || path.posix.extname(decoded) === '' ? '/index.html' : decoded;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, '.' + path.posix.normalize(relative));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

export interface AssetResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export async function loadAsset(rootDir: string, urlPath: string): Promise<AssetResponse> {
  const file = resolveAssetPath(rootDir, urlPath);
  if (file === null) return notFound();
  try {
    // Follow symlinks, then check containment again.
    const [real, realRoot] = await Promise.all([realpath(file), realpath(rootDir)]);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return notFound();
    if (!(await stat(real)).isFile()) return notFound();
    const body = await readFile(real);
    const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}

function notFound(): AssetResponse {
  return { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }, body: 'Not found' };
}
