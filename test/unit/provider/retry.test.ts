import { describe, expect, it } from 'vitest';
import { backoffDelayMs, realSleep, retryAfterMs } from '../../../src/main/provider/retry';
import { formatJsonPath } from '../../../src/main/provider/validate';
import { classifyTransportFailure, scrubSecret } from '../../../src/main/provider/errors';

describe('retry timing', () => {
  it('grows exponentially, capped, with jitter between half and all of it', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, 500, 3000, high))).toEqual([500, 1000, 2000, 3000, 3000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, 500, 3000, low))).toEqual([250, 500, 1000, 1500, 1500]);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('1.5', now)).toBe(1500);
    expect(retryAfterMs('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('sleeps for real and stops early when aborted', async () => {
    const started = Date.now();
    await realSleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    const early = Date.now();
    await expect(realSleep(10_000, controller.signal)).rejects.toThrow('stop');
    expect(Date.now() - early).toBeLessThan(1000);
  });
});

describe('error helpers', () => {
  it('formats JSON paths', () => {
    expect(formatJsonPath(['conferences', 1, 'chargeCents'])).toBe('conferences[1].chargeCents');
    expect(formatJsonPath(['conferences', 0, 'participants', 12, 'seconds'])).toBe('conferences[0].participants[12].seconds');
    expect(formatJsonPath([])).toBe('(root)');
    expect(formatJsonPath(['odd key'])).toBe('["odd key"]');
  });

  it('classifies TLS codes anywhere in the cause chain, and network failures', () => {
    const wrap = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });
    for (const code of ['CERT_HAS_EXPIRED', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SOMETHING_NEW', 'ERR_TLS_NEW']) {
      expect(classifyTransportFailure(wrap(code)), code).toMatchObject({ type: 'tls', code });
    }
    expect(classifyTransportFailure(wrap('CERT_HAS_EXPIRED'))).toMatchObject({ reason: 'its certificate has expired' });
    expect(classifyTransportFailure(wrap('ECONNRESET'))).toEqual({ type: 'network', code: 'ECONNRESET', reason: 'connection reset' });
    expect(classifyTransportFailure(new TypeError('fetch failed'))).toEqual({ type: 'network', code: null, reason: 'network error' });
  });

  it('scrubs a secret from server text', () => {
    expect(scrubSecret('bad password hunter22 given', 'hunter22')).toBe('bad password ••• given');
    expect(scrubSecret('nothing here', undefined)).toBe('nothing here');
  });
});
