// The import service over a real cache: merging files of one month,
// duplicates within and across files, idempotence, rooms the provider no
// longer lists, the provider's months untouched, removal of an imported month.
import { describe, expect, it } from 'vitest';
import { accountSummary, getPeriod, importedFilesOf, removeImportedMonth, roomConferences, upsertAccount, type AccountKey } from '../../../src/main/cache';
import { importFiles } from '../../../src/main/features/import/import-files';
import { parseImportFile } from '../../../src/main/import/parse-file';
import { tempCache, tempDir } from '../sync/helpers';
import { sampleRows, writeVariant, type PlainRow } from './variants';

const KEY: AccountKey = { provider: 'https://oai.example', accountNumber: '602127' };
const SCOPE = { ...KEY, roomNumber: null };

function setup() {
  const cache = tempCache();
  upsertAccount(cache.db, KEY.provider, { accountNumber: '602127', companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris' });
  const dir = tempDir();
  const file = (name: string, rows: PlainRow[]) => writeVariant(dir, rows, { name, format: 'csv', separator: ';' }).then((path) => ({ path, name: `${name}.csv` }));
  const run = async (...files: { path: string; name: string }[]) => importFiles(cache.handle, parseImportFile, KEY, files, { now: () => '2026-12-02T08:00:00Z' });
  return { cache, file, run };
}

const total = (rows: readonly PlainRow[]) => ({
  conferenceCount: rows.length,
  accumulatedSeconds: rows.reduce((s, r) => s + r.accumulatedSeconds, 0),
  chargeCents: rows.reduce((s, r) => s + r.chargeCents, 0),
});

describe('importing files of one month', () => {
  it("a room's file plus the other rooms' file (overlapping) merge into the whole month", async () => {
    const { cache, file, run } = setup();
    const rows = sampleRows();
    const roomFile = await file('room', rows.filter((r) => r.room === '332703'));
    const others = await file('others', rows.filter((r) => r.room !== '332703' || r.date < '2008-10-10'));
    const outcomes = await run(roomFile, others);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(accountSummary(cache.db, SCOPE, '2008-10', 'all').total).toEqual(total(rows));
    expect(importedFilesOf(cache.db, KEY, '2008-10').map((f) => f.fileName)).toEqual(['room.csv', 'others.csv']);
  });

  it('identical rows are distinct in one file; across files a key counts its most occurrences in any one file', async () => {
    const { cache, file, run } = setup();
    const row = sampleRows()[0]!;
    await run(await file('twice', [row, row]));
    await run(await file('once', [row]));
    expect(accountSummary(cache.db, SCOPE, '2008-10', 'all').total.conferenceCount).toBe(2);
    const outcomes = await run(await file('thrice', [row, row, row]));
    expect(outcomes[0]).toMatchObject({ status: 'imported', conferences: 1 });
    expect(accountSummary(cache.db, SCOPE, '2008-10', 'all').total.conferenceCount).toBe(3);
  });

  it('importing the same file again changes nothing and says so', async () => {
    const { cache, file, run } = setup();
    const october = await file('october', sampleRows());
    await run(october);
    const before = accountSummary(cache.db, SCOPE, '2008-10', 'all');
    const again = await run(october);
    expect(again[0]).toMatchObject({ status: 'unchanged', conferences: 0 });
    expect(accountSummary(cache.db, SCOPE, '2008-10', 'all')).toEqual(before);
    expect(importedFilesOf(cache.db, KEY, '2008-10')).toHaveLength(1);
  });

  it("creates rooms with the file's cardholder; room totals are the sums of their conferences", async () => {
    const { cache, file, run } = setup();
    await run(await file('october', sampleRows()));
    const room = accountSummary(cache.db, SCOPE, '2008-10', 'all').rooms.find((r) => r.roomNumber === '3350001');
    expect(room?.cardholder).toBe('Jean "JB" Godeau; Sr.');
    const conferences = roomConferences(cache.db, SCOPE, '2008-10', '3350001');
    expect(room?.chargeCents).toBe(conferences.reduce((s, c) => s + c.chargeCents, 0));
    expect(conferences[0]?.serviceType).toBe('import');
  });

  it('removes an imported month whole, and never a month from the provider', async () => {
    const { cache, file, run } = setup();
    await run(await file('october', sampleRows()));
    expect(removeImportedMonth(cache.db, KEY, '2008-10')).toBe(true);
    expect(getPeriod(cache.db, KEY, '2008-10')).toBeNull();
    expect(accountSummary(cache.db, SCOPE, '2008-10', 'all').rooms).toEqual([]);
    expect(importedFilesOf(cache.db, KEY, '2008-10')).toEqual([]);
    cache.db.prepare("INSERT INTO periods (account_id, period, start_date) VALUES (1, '2009-05', '2009-05-01')").run();
    expect(() => removeImportedMonth(cache.db, KEY, '2009-05')).toThrow(/came from the provider/);
  });

  it('an account without a time zone cannot import yet', async () => {
    const { file, cache } = setup();
    const other = { provider: 'https://new.example', accountNumber: '1' };
    const outcomes = await importFiles(cache.handle, parseImportFile, other, [await file('x', sampleRows())]);
    expect(outcomes[0]).toMatchObject({ status: 'refused', problems: [{ code: 'no_time_zone' }] });
  });
});
