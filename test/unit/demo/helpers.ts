// A tiny HTTP client for the demo provider tests: real fetch over loopback.
import { conferencesPageSchema, type ApiConference } from '../../../src/main/provider/api-schemas';
import type { DemoProvider } from '../../../src/main/demo/index';

export const API = '/oai/v1';

export interface JsonResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseOrUndefined(text) };
}

function parseOrUndefined(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // not JSON (e.g. an injected raw body): tests read `text`
  }
}

export function openSession(provider: DemoProvider, body: Record<string, unknown>): Promise<JsonResponse> {
  return request(`${provider.url}${API}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Logs in with the demo credentials (account-wide, or one room) and returns a client. */
export async function login(provider: DemoProvider, roomNumber?: string): Promise<Client> {
  const { username, password, accountNumber } = provider.credentials;
  const response = await openSession(provider, roomNumber ? { username, password, roomNumber } : { username, password, accountNumber });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
  return new Client(provider.url, (response.json as { token: string }).token);
}

export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  get(path: string): Promise<JsonResponse> {
    return request(`${this.baseUrl}${API}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
  }

  put(path: string, body: unknown): Promise<JsonResponse> {
    return request(`${this.baseUrl}${API}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Every conference of a period, following nextCursor; validates each page against the contract schema. */
  async allConferences(account: string, period: string, limit?: number): Promise<{ conferences: ApiConference[]; pages: number }> {
    const conferences: ApiConference[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = new URLSearchParams();
      if (limit !== undefined) query.set('limit', String(limit));
      if (cursor !== null) query.set('cursor', cursor);
      const response = await this.get(`/accounts/${account}/periods/${period}/conferences?${query.toString()}`);
      if (response.status !== 200) throw new Error(`page ${pages} failed: ${response.status} ${response.text}`);
      const page = conferencesPageSchema.parse(response.json);
      conferences.push(...page.conferences);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    return { conferences, pages };
  }
}

export function errorCodeOf(response: JsonResponse): string | undefined {
  return (response.json as { error?: { code?: string } } | undefined)?.error?.code;
}

/** Paris local wall clock of an instant, via Intl (independent of the server's own offset math). */
export function parisLocal(instant: string): { date: string; weekday: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('day')}/${part('month')}/${part('year')}`,
    weekday: part('weekday'),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

export function epochSeconds(instant: string): number {
  return Date.parse(instant) / 1000;
}
