// Serves the renderer through app://oai/ instead of file:// (Electron's
// security checklist): a real origin for CSP and sender checks, and path
// containment so nothing outside the renderer folder can be read.
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../bridge/origin';
import { loadAsset } from '../web/static-assets';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export async function handleAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || request.method !== 'GET') {
    return new Response('Not found', { status: 404 });
  }
  const asset = await loadAsset(rendererDir, url.pathname);
  const body = typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body);
  return new Response(body, { status: asset.status, headers: asset.headers });
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request));
}
