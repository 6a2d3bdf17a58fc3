import { describe, expect, it } from 'vitest';
import { ProviderClient, ProviderError } from '../../../src/main/provider/client';
import { isLoopbackHost, normaliseBaseUrl } from '../../../src/main/provider/base-url';

function errorOf(baseUrl: string): ProviderError {
  try {
    new ProviderClient({ baseUrl, credentials: () => ({ username: 'u', password: 'p', accountNumber: '1' }) });
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error(`${baseUrl} was accepted`);
}

describe('provider base URL', () => {
  it('rejects plain http to a remote host as insecure, naming the URL', () => {
    const error = errorOf('http://example.com');
    expect(error.kind).toBe('insecure_url');
    expect(error.message).toContain('http://example.com');
    for (const url of ['http://10.0.0.1', 'http://127.0.0.1.example.com', 'http://localhost.example.com', 'http://[::2]:8080', 'http://128.0.0.1']) {
      expect(errorOf(url).kind, url).toBe('insecure_url');
    }
  });

  it('accepts plain http to loopback hosts and https to any host, normalised', () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1', 'http://127.0.0.1'],
      ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
      ['http://127.45.6.7:9', 'http://127.45.6.7:9'],
      ['http://localhost:3000', 'http://localhost:3000'],
      ['http://LOCALHOST:3000', 'http://localhost:3000'],
      ['http://[::1]:3000', 'http://[::1]:3000'],
      ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
      ['https://oai.example.com', 'https://oai.example.com'],
      ['https://oai.example.com/base//', 'https://oai.example.com/base'],
      ['  https://oai.example.com:8443/?x=1#top ', 'https://oai.example.com:8443'],
    ];
    for (const [input, expected] of cases) {
      expect(new ProviderClient({ baseUrl: input, credentials: () => ({ username: 'u', password: 'p' }) }).baseUrl, input).toBe(expected);
    }
  });

  it('rejects unparsable URLs and other schemes as bad_url', () => {
    for (const url of ['', 'not a url', 'oai.example.com', 'ftp://oai.example.com', 'file:///etc/passwd', 'ws://127.0.0.1']) {
      const error = errorOf(url);
      expect(error.kind, url).toBe('bad_url');
    }
    expect(errorOf('ftp://oai.example.com').message).toContain('ftp://oai.example.com');
  });

  it('rejects a URL carrying a user name or password without echoing it', () => {
    const error = errorOf('https://ana:hunter2secret@oai.example.com');
    expect(error.kind).toBe('bad_url');
    expect(error.message).not.toContain('hunter2secret');
  });

  it('knows the loopback hosts', () => {
    expect(['127.0.0.1', '127.255.255.254', 'localhost', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['126.0.0.1', 'example.com', '[::]', '0.0.0.0'].map(isLoopbackHost)).toEqual([false, false, false, false]);
    expect(normaliseBaseUrl('https://a.example/b/')).toBe('https://a.example/b');
  });
});
