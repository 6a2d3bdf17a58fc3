// The CLI behind a proxy: a real CONNECT proxy on loopback (a few lines of
// node:http) sees the CLI's sync go through it when HTTPS_PROXY/HTTP_PROXY
// name it, and nothing when NO_PROXY lists the provider's host.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProvider } from '../../../src/main/demo';
import { tempDir } from '../sync/helpers';
import { runProcess } from './helpers';

interface ConnectProxy {
  url: string;
  tunnels: string[];
  close(): Promise<void>;
}

function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        tunnels,
        close: () => {
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

function cliSync(provider: DemoProvider, proxyEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, OAI_PASSWORD: DEMO_PASSWORD, ...proxyEnv };
  for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    if (!(name in proxyEnv)) delete env[name];
  }
  const db = path.join(tempDir(), 'cache.sqlite');
  return runProcess(['--import', 'tsx', 'src/cli/main.ts', 'sync', '--server', provider.url, '--user', DEMO_USERNAME, '--account', '602127', '--db', db], env);
}

let provider: DemoProvider;
let proxy: ConnectProxy;
beforeAll(async () => {
  provider = await startDemoProvider({ now: '2009-05-20', rooms: 5, perRoom: 3 });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.close();
  await provider.close();
});

describe('CLI through a proxy', () => {
  const providerHost = () => new URL(provider.url).host;

  it('goes through the proxy named in HTTPS_PROXY / HTTP_PROXY', async () => {
    const run = await cliSync(provider, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2009-05\s+synced/);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([providerHost()]));
  }, 60_000);

  it('lower-case names work too', async () => {
    const before = proxy.tunnels.length;
    const run = await cliSync(provider, { http_proxy: proxy.url });
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.tunnels.length).toBeGreaterThan(before);
  }, 60_000);

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const before = proxy.tunnels.length;
    const run = await cliSync(provider, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2009-05\s+synced/);
    expect(proxy.tunnels.length).toBe(before);
  }, 60_000);

  it('without a proxy setting, goes out directly', async () => {
    const before = proxy.tunnels.length;
    const run = await cliSync(provider, {});
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.tunnels.length).toBe(before);
  }, 60_000);
});
