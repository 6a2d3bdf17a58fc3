// The browser harness: serves the built renderer on 127.0.0.1 and answers
// window.oai over HTTP against the real main-process services. This is how
// end-to-end tests drive the real renderer where Electron cannot run.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../main/app/app-services';
import { dispatchBridgeCall } from '../main/bridge/dispatch';
import { isFromOrigin } from '../main/bridge/origin';
import { loadAsset, SECURITY_HEADERS } from '../main/web/static-assets';
import { IMPORT_CHUNK_BODY_LIMIT } from '../shared/import';
import { BRIDGE_PATH, BRIDGE_SCRIPT_PATH, bridgeClientScript, EVENTS_PATH } from './bridge-client';

export interface HarnessOptions {
  rendererDir: string;
  services: AppServices;
  port?: number;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
/** A dropped file's bytes come in chunks larger than that: this one call alone may send more. */
const BODY_LIMITS: Readonly<Record<string, number>> = { importUploadChunk: IMPORT_CHUNK_BODY_LIMIT };

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const eventStreams = new Set<ServerResponse>();
  let origin = '';
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.services.log.error('harness request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Node closes an idle keep-alive socket after 5 s; Chromium may reuse it at
  // that very moment and a bridge POST then fails as "Failed to fetch" (seen
  // on a loaded machine). On loopback, idle sockets stay until the page or
  // stop() closes them.
  server.keepAliveTimeout = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse other Host names (DNS rebinding) before anything else.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Misdirected request');
    const path = new URL(req.url ?? '/', origin).pathname;
    if (req.method === 'POST' && path.startsWith(BRIDGE_PATH)) return bridgeCall(req, res, path.slice(BRIDGE_PATH.length));
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (path === BRIDGE_SCRIPT_PATH) return send(res, 200, 'text/javascript; charset=utf-8', bridgeClientScript());
    if (path === EVENTS_PATH) return openEventStream(req, res);
    const asset = await loadAsset(options.rendererDir, path);
    let body = asset.body;
    if (asset.status === 200 && asset.headers['Content-Type']?.startsWith('text/html')) {
      body = injectBridgeScript(body.toString());
    }
    res.writeHead(asset.status, asset.headers);
    res.end(body);
  }

  async function bridgeCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    // Only the harness's own page may call: browsers always send Origin on a
    // POST fetch, and a JSON content type forces a CORS preflight we never allow.
    if (!isFromOrigin(req.headers.origin, origin)) {
      options.services.log.error(`harness refused bridge call ${name} from origin ${req.headers.origin ?? '(none)'}`);
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return send(res, 415, 'text/plain', 'Expected application/json');
    }
    let args: unknown;
    try {
      args = JSON.parse(await readBody(req, Object.hasOwn(BODY_LIMITS, name) ? BODY_LIMITS[name]! : MAX_BODY_BYTES));
    } catch {
      return send(res, 400, 'text/plain', 'Body is not JSON');
    }
    const result = await dispatchBridgeCall(name, args, options.services.handlers, options.services.log);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    // The same rule as the calls: only the harness's own page. A same-origin
    // EventSource sends no Origin header, but Chromium's Sec-Fetch-Site says
    // same-origin; a page elsewhere sends its Origin (refused).
    const origins = req.headers.origin;
    const ownPage = origins === undefined ? req.headers['sec-fetch-site'] === 'same-origin' : isFromOrigin(origins, origin);
    if (!ownPage) {
      options.services.log.error(`harness refused the event stream to origin ${origins ?? '(none)'}`);
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': connected\n\n');
    eventStreams.add(res);
    req.on('close', () => eventStreams.delete(res));
  }

  options.services.events.on('bridge-event', (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: async () => {
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function injectBridgeScript(html: string): string {
  return html.replace('<head>', `<head>\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>`);
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
