// The archive as the app's services use it: they always start, whatever the
// cache; views read while the archive is checked; bridge calls that write
// wait for the check, and are refused with a clear code when the archive
// can only be read; the renderer hears each change.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app/app-services';
import { dispatchBridgeCall } from '../../../src/main/bridge/dispatch';
import { tempDir } from '../sync/helpers';
import { fillerCache } from './helpers';

const log = { error: () => {} };
let services: AppServices | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function servicesOn(prepare: (file: string) => void): Promise<{ services: AppServices; events: unknown[] }> {
  const dataDir = tempDir('oai-archive-app-');
  prepare(path.join(dataDir, 'oai-cache.sqlite'));
  services = await createAppServices({ dataDir, shell: 'browser-harness', version: '0.1.0', locale: 'en-GB', scheduleSync: false, dailyBackups: false });
  const events: unknown[] = [];
  services.events.on('bridge-event', (name, payload) => {
    if (name === 'archiveStatus') events.push(payload);
  });
  return { services, events };
}

describe('the archive in the app’s services', () => {
  it('reads at once while the archive is checked; a call that writes waits for the check; the renderer hears the change', async () => {
    const { services: app, events } = await servicesOn((file) => fillerCache(file, 2));
    expect(app.archive.state()).toEqual({ state: 'checking', readable: true });
    const status = await dispatchBridgeCall('archiveStatus', {}, app.handlers, log);
    expect(status).toMatchObject({ ok: true, value: { state: 'checking', months: [{ period: '2026-01' }] } });
    expect(app.archive.state().state).toBe('checking');

    const order: string[] = [];
    app.archive.subscribe((state) => order.push(state.state));
    // Refused for its own reason (no such sign-in), but only once the archive may be written.
    const sync = await dispatchBridgeCall('syncNow', { profileId: 'nobody' }, app.handlers, log);
    order.push('answered');
    expect(sync).toMatchObject({ ok: false, error: { code: 'unknown_profile' } });
    expect(order).toEqual(['ready', 'answered']);
    expect(events).toEqual([expect.objectContaining({ state: 'ready', readable: true, file: app.archive.file })]);
  });

  it('refuses calls that write with archive_read_only when another program holds the archive', async () => {
    let other: Database.Database | null = null;
    const { services: app } = await servicesOn((file) => {
      fillerCache(file, 1);
      other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
    });
    try {
      const sync = await dispatchBridgeCall('syncNow', { profileId: 'nobody' }, app.handlers, log);
      expect(sync).toMatchObject({ ok: false, error: { code: 'archive_read_only', message: expect.stringContaining('another program is using it') } });
      const status = await dispatchBridgeCall('archiveStatus', {}, app.handlers, log);
      expect(status).toMatchObject({ ok: true, value: { state: 'read-only', reason: 'locked', months: [{ period: '2026-01', archived: false }] } });
    } finally {
      other!.exec('ROLLBACK');
      other!.close();
    }
  });

  it('starts on a file that is not an archive: the services answer, reads and writes say the archive is unavailable', async () => {
    const { services: app } = await servicesOn((file) => {
      const db = new Database(file);
      db.exec('CREATE TABLE invoices (id INTEGER)');
      db.close();
    });
    expect(app.archive.state()).toMatchObject({ state: 'unavailable', problem: { kind: 'not_a_cache' } });
    expect(await dispatchBridgeCall('appInfo', {}, app.handlers, log)).toMatchObject({ ok: true });
    expect(() => app.cache.read()).toThrow(expect.objectContaining({ code: 'archive_unavailable' }));
    expect(await dispatchBridgeCall('syncNow', { profileId: 'nobody' }, app.handlers, log)).toMatchObject({ ok: false, error: { code: 'archive_unavailable' } });
    expect(await dispatchBridgeCall('startEmptyCache', {}, app.handlers, log)).toMatchObject({ ok: true, value: { setAside: expect.stringMatching(/oai-cache\.unopenable-/) } });
    expect(app.archive.state()).toEqual({ state: 'ready' });
  });
});
