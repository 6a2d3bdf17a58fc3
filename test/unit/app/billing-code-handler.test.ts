// The billing-code rule for new assignments is checked once, by the bridge
// handler, before anything reaches the cache's outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { pendingOutbox } from '../../../src/main/cache';
import { createKeychainStore } from '../../../src/main/credentials/keychain';
import { replacePeriod } from '../../../src/main/sync/replace-period';
import { ACCOUNT, countRows, makeConference, makePeriod, replaceInput } from '../cache/fixtures';
import { tempDir } from '../sync/helpers';

let services: AppServices;

beforeAll(async () => {
  services = await createAppServices({
    dataDir: tempDir('oai-billing-code-'),
    shell: 'browser-harness',
    version: 'test',
    locale: 'en-GB',
    credentials: createKeychainStore(`OAI Desktop Tests ${process.pid} billing code`),
    scheduleSync: false,
  });
  replacePeriod(services.cache.write(), replaceInput(makePeriod('2026-11'), [makeConference('c-1', '100', '2026-11-02T09:00:00Z', [])]));
});
afterAll(async () => {
  await services.close();
});

async function assign(billingCode: string | null): Promise<unknown> {
  return Promise.resolve()
    .then(() => services.handlers.assignBillingCode({ accountNumber: ACCOUNT, conferenceId: 'c-1', billingCode }))
    .then(
      () => null,
      (error: unknown) => error,
    );
}

describe('assignBillingCode', () => {
  it('refuses invalid codes and queues nothing', async () => {
    expect(await assign('has/slash')).toMatchObject({ code: 'invalid_billing_code' });
    expect(await assign('x'.repeat(21))).toMatchObject({ code: 'invalid_billing_code' });
    expect(countRows(services.cache.read(), 'billing_code_outbox')).toBe(0);
  });

  it('queues a valid code', async () => {
    expect(await assign(' PROJ-42 ')).toBeNull();
    expect(pendingOutbox(services.cache.read(), ACCOUNT).map((entry) => entry.billingCode)).toEqual(['PROJ-42']);
  });
});
