// A file's conferences go from the reader to the cache's staging as they are
// read (on a thread of their own in the app), never held whole: a file
// refused after thousands of rows were staged leaves nothing behind, the
// reading thread gives what the reader in this thread gives, and a reading
// thread that fails refuses its file without stopping the import.
import { describe, expect, it } from 'vitest';
import { accountSummary, upsertAccount, type AccountKey } from '../../../src/main/cache';
import { importFiles, type ParseFile } from '../../../src/main/features/import/import-files';
import { parseImportFile } from '../../../src/main/import/parse-file';
import { parseOnThread, ParseThreadError, startReadingThread } from '../../../src/main/import/parse-thread';
import type { ParsedConference } from '../../../src/main/import/rows-to-conferences';
import { tempCache, tempDir } from '../sync/helpers';
import { SAMPLE_FILES } from './helpers';
import { sampleRows, writeVariant, type PlainRow } from './variants';

const KEY: AccountKey = { provider: 'https://oai.example', accountNumber: '602127' };
const SCOPE = { ...KEY, roomNumber: null };
const NOW = () => '2026-12-02T08:00:00Z';

/** `count` rows of October 2008 (sample rows moved across days and minutes). */
function manyRows(count: number): PlainRow[] {
  const base = sampleRows();
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length]!;
    return { ...row, date: `2008-10-${String(1 + (i % 28)).padStart(2, '0')}`, time: `${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` };
  });
}

function setup() {
  const cache = tempCache();
  upsertAccount(cache.db, KEY.provider, { accountNumber: '602127', companyName: 'MeetingOne Phoenix', currency: 'EUR', timeZone: 'Europe/Paris' });
  const dir = tempDir();
  const file = (name: string, rows: PlainRow[]) => writeVariant(dir, rows, { name, format: 'csv', separator: ';' }).then((path) => ({ path, name: `${name}.csv` }));
  return { cache, file };
}

const charge = (rows: readonly PlainRow[]) => rows.reduce((sum, r) => sum + r.chargeCents, 0);

describe('streaming an import', () => {
  for (const [reader, parse] of [
    ['in this thread', parseImportFile],
    ['on a reading thread', parseOnThread],
  ] as [string, ParseFile][]) {
    it(`${reader}: a file refused at its last row, after thousands were staged, leaves nothing; the next file brings only its own`, async () => {
      const { cache, file } = setup();
      const bad = manyRows(4500);
      bad.push({ ...bad[0]!, date: '2008-10-32' });
      const good = sampleRows().slice(0, 10);
      const outcomes = await importFiles(cache.handle, parse, KEY, [await file('bad', bad), await file('good', good)], { now: NOW });
      expect(outcomes.map((o) => o.status)).toEqual(['refused', 'imported']);
      expect(outcomes[0]!.problems).toMatchObject([{ row: 4502, column: 'A', code: 'bad_date' }]);
      expect(accountSummary(cache.db, SCOPE, '2008-10', 'all').total).toMatchObject({ conferenceCount: good.length, chargeCents: charge(good) });
    });
  }

  it('the reading thread hands over what the reader in this thread reads, in order, and only in batches when asked', async () => {
    const { file } = setup();
    const big = await file('big', manyRows(3500));
    for (const path of [...SAMPLE_FILES, big.path]) {
      const options = { timeZone: 'Europe/Paris' };
      const here = await parseImportFile(path, options);
      expect(await parseOnThread(path, options)).toEqual(here);
      const batches: ParsedConference[][] = [];
      const streamed = await parseOnThread(path, { ...options, onConferences: (batch) => batches.push(batch) });
      expect(streamed).toEqual({ ...here, conferences: [] });
      expect(batches.flat()).toEqual(here.conferences);
    }
  });

  it('one reading thread reads files in turn; one that stopped half-way is replaced at the next read', async () => {
    const { file } = setup();
    const big = await file('big', manyRows(3500));
    const options = { timeZone: 'Europe/Paris' };
    const reader = startReadingThread();
    try {
      for (const path of [SAMPLE_FILES[0]!, big.path, SAMPLE_FILES[1]!]) expect(await reader.read(path, options)).toEqual(await parseImportFile(path, options));
      // The receiver fails at the first batch (a write that failed): the read stops there...
      await expect(
        reader.read(big.path, {
          ...options,
          onConferences: () => {
            throw new Error('disk full');
          },
        }),
      ).rejects.toThrow('disk full');
      // ...and the next read gets a whole file, from a new thread.
      expect(await reader.read(big.path, options)).toEqual(await parseImportFile(big.path, options));
    } finally {
      await reader.close();
    }
  });

  it('in this thread too, a receiver that fails (a write) stops the read with its error; the file is not called unreadable', async () => {
    const { file } = setup();
    const big = await file('big', manyRows(2500));
    const failing = {
      timeZone: 'Europe/Paris',
      onConferences: () => {
        throw new Error('disk full');
      },
    };
    await expect(parseImportFile(big.path, failing)).rejects.toThrow('disk full');
  });

  it('a reading thread out of memory refuses its file, naming the limit; the import goes on', async () => {
    const { cache, file } = setup();
    const starved: ParseFile = (path, options) => parseOnThread(path, options, { maxOldGenerationSizeMb: 10 });
    await expect(starved(SAMPLE_FILES[0]!, { timeZone: 'Europe/Paris' })).rejects.toThrow(ParseThreadError);
    // One that fails while idle (before its first file) says so at that read.
    const idle = startReadingThread({ maxOldGenerationSizeMb: 10 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await expect(idle.read(SAMPLE_FILES[0]!, { timeZone: 'Europe/Paris' })).rejects.toThrow(/more than 10 MB of memory/);
    await idle.close();
    let first = true;
    const starvedOnce: ParseFile = (path, options) => (first ? ((first = false), starved(path, options)) : parseOnThread(path, options));
    const good = sampleRows();
    const outcomes = await importFiles(cache.handle, starvedOnce, KEY, [await file('first', good.slice(0, 5)), await file('second', good)], { now: NOW });
    expect(outcomes[0]).toMatchObject({ status: 'refused', problems: [{ code: 'unreadable', message: expect.stringMatching(/more than 10 MB of memory/) as unknown }] });
    expect(outcomes[1]).toMatchObject({ status: 'imported', conferences: good.length });
  });
});
