// The demo provider's optional cache of rendered conference pages (the
// benchmark's provider): repeated requests get the same bytes, any content
// change shows at once, and the byte budget holds.
import { describe, expect, it } from 'vitest';
import { DemoApi, RenderedPageCache, type ApiReply } from '../../../src/main/demo/api';
import { DemoDataset } from '../../../src/main/demo/dataset';
import { API_PREFIX } from '../../../src/main/provider/api-schemas';

function call(api: DemoApi, method: string, path: string, options: { token?: string; body?: unknown; query?: string } = {}): ApiReply {
  return api.handle({
    method,
    path: `${API_PREFIX}${path}`,
    query: new URLSearchParams(options.query ?? ''),
    authorization: options.token ? `Bearer ${options.token}` : undefined,
    body: options.body === undefined ? '' : JSON.stringify(options.body),
  });
}

function signIn(api: DemoApi): string {
  const reply = call(api, 'POST', '/session', { body: { username: 'demo@meetingone.example', password: 'demo-password', accountNumber: '602127' } });
  return (reply.body as { token: string }).token;
}

function page(api: DemoApi, token: string, query = 'limit=50'): Buffer {
  const reply = call(api, 'GET', '/accounts/602127/periods/2009-05/conferences', { token, query });
  expect(reply.status).toBe(200);
  return reply.json!;
}

const dataset = () => new DemoDataset({ now: '2009-05-28', rooms: 12, perRoom: 20 });

describe('the demo provider with a page cache', () => {
  it('serves a repeated request from the cache, with the bytes a provider without cache renders', () => {
    const cache = new RenderedPageCache(64 * 1024 * 1024);
    const cached = new DemoApi(dataset(), 3600, cache);
    const rendering = new DemoApi(dataset(), 3600);
    const token = signIn(cached);
    const first = page(cached, token);
    expect(cache.size).toBe(1);
    // The very same buffer: not rendered again.
    expect(page(cached, token)).toBe(first);
    expect(first.equals(page(rendering, signIn(rendering)))).toBe(true);
    // Another limit is another page.
    expect(page(cached, token, 'limit=3').equals(first)).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('shows a billing-code change at once: the new revision is a new key', () => {
    const cached = new DemoApi(dataset(), 3600, new RenderedPageCache(64 * 1024 * 1024));
    const token = signIn(cached);
    const before = JSON.parse(page(cached, token).toString('utf8')) as { conferences: { id: string; billingCode: string | null }[] };
    const target = before.conferences[0]!;
    const code = target.billingCode === 'CACHE-TEST' ? 'OTHER-TEST' : 'CACHE-TEST';
    const put = call(cached, 'PUT', `/accounts/602127/conferences/${target.id}/billing-code`, { token, body: { billingCode: code } });
    expect(put.status).toBe(200);
    const after = JSON.parse(page(cached, token).toString('utf8')) as typeof before;
    expect(after.conferences[0]).toMatchObject({ id: target.id, billingCode: code });
  });

  it('keeps within its byte budget by dropping the oldest pages', () => {
    const cache = new RenderedPageCache(250);
    cache.set('a', Buffer.alloc(100));
    cache.set('b', Buffer.alloc(100));
    expect(cache.size).toBe(2);
    cache.set('c', Buffer.alloc(100));
    expect([cache.get('a'), cache.get('b')?.length, cache.get('c')?.length]).toEqual([undefined, 100, 100]);
    // A page larger than the whole budget is not kept (and drops nothing).
    cache.set('huge', Buffer.alloc(300));
    expect([cache.get('huge'), cache.size]).toEqual([undefined, 2]);
  });
});
