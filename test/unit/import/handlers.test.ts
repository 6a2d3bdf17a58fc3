// The app's import calls over a real cache, with the import on its worker
// thread: a dropped file uploaded in chunks, previewed, imported (progress
// events, a backup asked for, the months indexed for search on the archive
// thread), a room sign-in refused, an imported month removed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { accountSummary, getPeriod, hasUnindexedPeriods, searchConferences, upsertAccount } from '../../../src/main/cache';
import { searchIndexUpkeep } from '../../../src/main/features/search/index-upkeep';
import type { ShellIntegration } from '../../../src/main/app/shell-integration';
import type { BackupPolicy } from '../../../src/main/features/archive/backup-policy';
import { importHandlers } from '../../../src/main/features/import/handlers';
import { importThreadRunner } from '../../../src/main/features/import/import-thread';
import { AppError } from '../../../src/main/errors';
import { savedProfiles, storedProfile } from '../app/profile-fixtures';
import { ACCOUNT, PROVIDER, SCOPE } from '../cache/fixtures';
import { tempCache } from '../sync/helpers';
import { SAMPLE_FILES, truth } from './helpers';

function setup(chosen: string[] = []) {
  const cache = tempCache();
  upsertAccount(cache.db, PROVIDER, { accountNumber: ACCOUNT, companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris' });
  const events: unknown[] = [];
  const backups = { changed: vi.fn() } as unknown as BackupPolicy;
  const integration = { chooseImportFiles: () => Promise.resolve(chosen) } as unknown as ShellIntegration;
  const profiles = savedProfiles([storedProfile('account'), storedProfile('room', { roomNumber: '332703' })]);
  const searchIndex = searchIndexUpkeep(cache.handle, { info: () => {}, error: (message) => events.push({ name: 'log', payload: message }) });
  const handlers = importHandlers({
    searchIndex,
    cache: cache.handle,
    profiles,
    integration,
    backups,
    emit: (name, payload) => events.push({ name, payload }),
    run: importThreadRunner(() => cache.file),
  });
  return { cache, handlers, events, backups, searchIndex };
}

const byRoom = (rooms: { roomNumber: string; conferenceCount: number; accumulatedSeconds: number; chargeCents: number }[]) =>
  Object.fromEntries(rooms.map((r) => [r.roomNumber, { conferenceCount: r.conferenceCount, accumulatedSeconds: r.accumulatedSeconds, chargeCents: r.chargeCents }]));

describe('import handlers (worker thread)', () => {
  it('a dropped file in chunks: previewed, then imported in one step with progress and a backup', async () => {
    const { cache, handlers, events, backups, searchIndex } = setup();
    const bytes = readFileSync(SAMPLE_FILES[2]!);
    const { uploadId } = handlers.beginImportUpload({ name: 'january.xlsx', size: bytes.length });
    for (let at = 0; at < bytes.length; at += 4096) await handlers.importUploadChunk({ uploadId, data: bytes.subarray(at, at + 4096).toString('base64') });
    const preview = await handlers.finishImportUpload({ profileId: 'account', uploadId });
    expect(preview).toMatchObject({ file: 'january.xlsx', status: 'ready', periods: ['2009-01'], rooms: 4, conferences: 28, chargeCents: 51_099, problems: [] });
    expect(getPeriod(cache.db, SCOPE, '2009-01')).toBeNull();

    const [outcome] = await handlers.runImport({ profileId: 'account', tokens: [preview.token] });
    expect(outcome).toMatchObject({ status: 'imported', conferences: 28 });
    expect(byRoom(accountSummary(cache.db, SCOPE, '2009-01', 'all').rooms)).toEqual(truth()['2009-01']);
    expect(events).toContainEqual({ name: 'importProgress', payload: { phase: 'done', file: 'january.xlsx', index: 0, count: 1, rows: 0 } });
    expect(backups.changed).toHaveBeenCalledWith('import'); // eslint-disable-line @typescript-eslint/unbound-method -- a vi.fn() spy
    // The import left its month to the search index's upkeep, which indexed it.
    await searchIndex.idle();
    expect(hasUnindexedPeriods(cache.db)).toBe(false);
    const [room] = accountSummary(cache.db, SCOPE, '2009-01', 'all').rooms;
    expect(searchConferences(cache.db, SCOPE, { text: room!.roomNumber, from: null, to: null, limit: 100, offset: 0 }).hits).toHaveLength(room!.conferenceCount);
    // The token is spent.
    await expect(handlers.runImport({ profileId: 'account', tokens: [preview.token] })).rejects.toThrow(AppError);
  });

  it('files from the Open dialog: one preview each; a refused one lists its problems', async () => {
    const { handlers } = setup([SAMPLE_FILES[0]!, path.resolve('package.json')]);
    const previews = await handlers.chooseImportFiles({ profileId: 'account' });
    expect(previews.map((p) => [p.file, p.status])).toEqual([
      ['oai-download-2008-11-account-602127.csv', 'ready'],
      ['package.json', 'refused'],
    ]);
    expect(previews[1]!.problems[0]).toMatchObject({ code: 'no_header' });
  });

  it('an upload over the size limit is refused before any byte; a room sign-in cannot import', async () => {
    const { handlers } = setup([SAMPLE_FILES[0]!]);
    expect(() => handlers.beginImportUpload({ name: 'huge.xlsx', size: 101 * 1024 * 1024 })).toThrow(/over 100 MB/);
    await expect(handlers.chooseImportFiles({ profileId: 'room' })).rejects.toMatchObject({ code: 'not_available' });
  });

  it('removes an imported month, never a provider month', async () => {
    const { cache, handlers } = setup([SAMPLE_FILES[1]!]);
    const [preview] = await handlers.chooseImportFiles({ profileId: 'account' });
    await handlers.runImport({ profileId: 'account', tokens: [preview!.token] });
    expect(getPeriod(cache.db, SCOPE, '2008-12')?.source).toBe('import');
    expect(handlers.removeImportedMonth({ profileId: 'account', period: '2008-12' })).toBeNull();
    expect(getPeriod(cache.db, SCOPE, '2008-12')).toBeNull();
    cache.db.prepare("INSERT INTO periods (account_id, period, start_date) VALUES (1, '2009-05', '2009-05-01')").run();
    expect(() => handlers.removeImportedMonth({ profileId: 'account', period: '2009-05' })).toThrow(expect.objectContaining({ code: 'provider_month' }));
  });
});
