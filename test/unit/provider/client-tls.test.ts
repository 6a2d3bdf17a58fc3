import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/main/provider/client';
import { makeClient, makeSelfSignedCert, rejectionOf, sendJson, sessionBody, startHttpsServer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startHttpsServer((_req, res) => sendJson(res, 200, sessionBody('tok-tls')), makeSelfSignedCert());
});
afterAll(async () => {
  await server.close();
});

describe('ProviderClient over TLS', () => {
  it('reports a self-signed certificate as `tls`, naming host and reason, without retrying', async () => {
    const { client, sleeps } = makeClient(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.login());
    expect(error).toBeInstanceOf(ProviderError);
    const tls = error as ProviderError;
    expect(tls.kind).toBe('tls');
    expect(tls.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(tls.attempts).toBe(1);
    expect(tls.message).toBe(
      `Could not open a secure connection to 127.0.0.1:${server.port}: its certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT).`,
    );
    expect(sleeps).toEqual([]);
    // The handshake failed, so the server never saw an HTTP request.
    expect(server.received).toHaveLength(0);
  });

  it('does not retry TLS failures on idempotent requests either', async () => {
    const { client, sleeps, events } = makeClient(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.getAccount('602127'));
    expect((error as ProviderError).kind).toBe('tls');
    expect(events).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
