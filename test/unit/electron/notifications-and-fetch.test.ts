// The new-month notification (off by default) and the Chromium fetch adapter.
import { describe, expect, it, vi } from 'vitest';
import { classifyTransportFailure } from '../../../src/main/provider/errors';
import { chromiumFetch } from '../../../src/main/electron/net-fetch';
import { newMonthNotifier } from '../../../src/main/electron/notifications';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { FakeEmitter } from './electron-mock';
import { tempDir } from '../sync/helpers';

function fakeNotification() {
  const shown: any[] = [];
  class Notification extends FakeEmitter {
    static isSupported = () => true;
    show = vi.fn(() => shown.push(this));
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
  }
  return { Notification, shown };
}

describe('new-month notification', () => {
  const news = { profileId: 'p', accountNumber: '602127', periods: ['2009-06'] };

  it('is off by default', () => {
    const { Notification, shown } = fakeNotification();
    const settings = createSettingsStore(tempDir());
    newMonthNotifier({ Notification, settings: () => settings, language: () => 'en-US', showWindow: vi.fn(), log: { info() {}, error() {} } })(news);
    expect(shown).toHaveLength(0);
  });

  it('when on, names the month in the user’s language; a click brings the window back', () => {
    const { Notification, shown } = fakeNotification();
    const settings = createSettingsStore(tempDir());
    settings.update((s) => ({ ...s, notifyNewMonth: true }));
    const showWindow = vi.fn();
    const notify = newMonthNotifier({ Notification, settings: () => settings, language: () => 'fr', showWindow, log: { info() {}, error() {} } });
    notify(news);
    expect(shown[0].options).toEqual({ title: 'Un nouveau mois dans OAI Desktop', body: 'Compte 602127 : Juin 2009 est maintenant sur cet ordinateur (1 mois).' });
    shown[0].emit('click');
    expect(showWindow).toHaveBeenCalled();
    notify({ ...news, periods: ['2009-06', '2009-07'] });
    expect(shown[1].options.title).toBe('De nouveaux mois dans OAI Desktop');
  });
});

describe('Chromium fetch', () => {
  it('passes the URL and the request through to net.fetch', async () => {
    const netFetch = vi.fn(async () => new Response('ok'));
    const signal = new AbortController().signal;
    await chromiumFetch(netFetch)('https://oai.example.com/oai/v1/session', { method: 'POST', signal, redirect: 'manual' });
    expect(netFetch).toHaveBeenCalledWith('https://oai.example.com/oai/v1/session', { method: 'POST', signal, redirect: 'manual' });
  });

  it('gives Chromium’s errors a code the provider client classifies (TLS, unreachable, proxy)', async () => {
    const failing = (message: string) => chromiumFetch(async () => Promise.reject(new Error(message)))('https://x/');
    const tls = await failing('net::ERR_CERT_AUTHORITY_INVALID').catch((e: unknown) => e);
    expect(classifyTransportFailure(tls)).toEqual({ type: 'tls', code: 'ERR_CERT_AUTHORITY_INVALID', reason: 'its certificate is not signed by a trusted authority' });
    const refused = await failing('net::ERR_CONNECTION_REFUSED').catch((e: unknown) => e);
    expect(classifyTransportFailure(refused)).toEqual({ type: 'network', code: 'ERR_CONNECTION_REFUSED', reason: 'connection refused' });
    const proxy = await failing('net::ERR_PROXY_CONNECTION_FAILED').catch((e: unknown) => e);
    expect(classifyTransportFailure(proxy).reason).toBe('the proxy server could not be reached');
  });
});
