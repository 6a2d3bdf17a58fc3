// The file side of an export: temporary file then rename, nothing left behind
// on failure or cancellation, errors naming the path; progress; streaming a
// larger export; tables longer than a sheet allows.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { exportView } from '../../../src/main/export';
import { PROFILE, readWorkbook, syncedCache, tempDir, type SyncedCache } from './helpers';
import { accountSummary, periodConferences, periodParticipants, queueBillingCode } from '../../../src/main/cache';

const EN: Presentation = { language: 'en-US', dateStyle: 'locale' };
const seedSummary: ViewRef = { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'active', filter: '', sort: null };

let seed: SyncedCache;
let large: SyncedCache;
const LARGE_PERIOD = '2010-03';
const largeView: ViewRef = { kind: 'summary', profileId: PROFILE, period: LARGE_PERIOD, display: 'all', filter: '', sort: null };

beforeAll(async () => {
  [seed, large] = await Promise.all([syncedCache(), syncedCache({ now: '2010-03-31', rooms: 200, perRoom: 30 })]);
});
afterAll(() => {
  seed.db.close();
  large.db.close();
});

/**
 * A folder this process cannot create files in. Root ignores permission
 * bits, so as root use /sys, which refuses new files even to root.
 */
function unwritableFolder(): string | null {
  if (process.getuid?.() === 0) return existsSync('/sys') ? '/sys' : null;
  const dir = tempDir();
  chmodSync(dir, 0o555);
  return dir;
}

/** The rows the account summary workbook of a month holds: rooms, conferences and legs. */
function expectedRows(cache: SyncedCache, period: string): number {
  const summary = accountSummary(cache.db, cache.scope, period, 'all');
  let legs = 0;
  for (const conference of periodConferences(cache.db, cache.scope, period)) legs += conference.participantCount;
  return summary.rooms.length + summary.total.conferenceCount + legs;
}

describe('saving', () => {
  it('replaces an existing file and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'summary.xlsx');
    writeFileSync(file, 'previous content');
    const result = await exportView(seed.db, seed.scope, seedSummary, EN, { file });
    expect(result.file).toBe(file);
    expect(readdirSync(dir)).toEqual(['summary.xlsx']);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect((await readWorkbook(file)).worksheets).toHaveLength(4);
  });

  it('fails with export_failed naming the path when the folder is not writable, leaving nothing', async () => {
    const dir = unwritableFolder();
    if (dir === null) return;
    const before = readdirSync(dir);
    const file = path.join(dir, 'summary.xlsx');
    const error = await exportView(seed.db, seed.scope, seedSummary, EN, { file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError', code: 'export_failed' });
    expect((error as Error).message).toMatch(new RegExp(`^Could not save ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: permission denied \\((EACCES|EPERM)\\)\\.$`));
    expect(readdirSync(dir)).toEqual(before);
  });

  it('names a missing folder as the reason', async () => {
    const file = path.join(tempDir(), 'no', 'such', 'folder.xlsx');
    await expect(exportView(seed.db, seed.scope, seedSummary, EN, { file })).rejects.toMatchObject({
      code: 'export_failed',
      message: `Could not save ${file}: the folder does not exist (ENOENT).`,
    });
  });

  it('removes the finished temporary file when the final rename fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'taken.xlsx');
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside.txt'), 'keep me');
    await expect(exportView(seed.db, seed.scope, seedSummary, EN, { file })).rejects.toMatchObject({
      code: 'export_failed',
      message: expect.stringMatching(/^Could not save .*taken\.xlsx: a folder has that name \(EISDIR\)\.$/),
    });
    expect(readdirSync(dir)).toEqual(['taken.xlsx']);
    expect(readFileSync(path.join(file, 'inside.txt'), 'utf8')).toBe('keep me');
  });

  it('cancelled before it starts: code cancelled, nothing created', async () => {
    const dir = tempDir();
    await expect(exportView(seed.db, seed.scope, seedSummary, EN, { file: path.join(dir, 'x.xlsx') }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancelled midway: the temporary file is removed and the previous file is untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'large.xlsx');
    writeFileSync(file, 'previous content');
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await exportView(large.db, large.scope, largeView, EN, { file }, {
      signal: controller.signal,
      onProgress: (rows) => {
        seen.push(rows);
        if (rows >= 3000) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(seen).toEqual([1000, 2000, 3000]);
    expect(readdirSync(dir)).toEqual(['large.xlsx']);
    expect(readFileSync(file, 'utf8')).toBe('previous content');
  });
});

describe('large exports', () => {
  it('streams a month of 200 rooms, reporting progress, with every row of the cache', async () => {
    const file = path.join(tempDir(), 'large.xlsx');
    const progress: [number, number | null][] = [];
    const expected = expectedRows(large, LARGE_PERIOD);
    const result = await exportView(large.db, large.scope, largeView, EN, { file }, { onProgress: (rows, total) => progress.push([rows, total]) });
    expect(result.rows).toBe(expected);
    expect(progress.at(-1)).toEqual([expected, expected]);
    expect(progress.slice(0, -1).every(([rows], i) => rows === (i + 1) * 1000)).toBe(true);
    // Once the conferences are written, the legs are counted and the total is known.
    expect(progress.some(([, total]) => total === expected)).toBe(true);

    // Read back with the streaming reader: count each sheet's data rows.
    const counts: Record<string, number> = {};
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
    for await (const worksheet of reader) {
      let header = 0;
      let rows = 0;
      for await (const row of worksheet) {
        const first = row.getCell(1).value;
        if (header === 0 && (first === 'Room Number' || first === 'DATE' || first === 'Date')) header = row.number;
        else if (header > 0 && first !== 'Total') rows += 1;
      }
      counts[(worksheet as unknown as { name: string }).name ?? String(Object.keys(counts).length)] = rows;
    }
    const summary = accountSummary(large.db, large.scope, LARGE_PERIOD, 'all');
    // The About sheet last: title blocks, no table.
    expect(Object.values(counts)).toEqual([summary.rooms.length, summary.total.conferenceCount, expected - summary.rooms.length - summary.total.conferenceCount, 0]);
  });

  it('reads one snapshot on its own connection: the app can write meanwhile, the workbook stays consistent', async () => {
    const codesView: ViewRef = { kind: 'billingCodes', profileId: PROFILE, period: LARGE_PERIOD };
    const last = [...periodConferences(large.db, large.scope, LARGE_PERIOD)].at(-1)!;
    const codesIn = async (file: string) => {
      const worksheet = (await readWorkbook(file)).getWorksheet('Conferences')!;
      const codes = new Set<unknown>();
      worksheet.eachRow((row) => codes.add(row.getCell(6).value));
      return codes;
    };
    const during = path.join(tempDir(), 'during.xlsx');
    let queued = false;
    await exportView(large.db, large.scope, codesView, EN, { file: during }, {
      onProgress: (rows) => {
        if (rows !== 1000) return;
        // A write on the app's connection while the export is reading.
        queueBillingCode(large.db, large.scope, LARGE_PERIOD, last.id, 'SNAPSHOT-TEST', '2010-03-31T12:00:00Z');
        queued = true;
      },
    });
    expect(queued).toBe(true);
    expect(await codesIn(during)).not.toContain('SNAPSHOT-TEST');
    const after = path.join(tempDir(), 'after.xlsx');
    await exportView(large.db, large.scope, codesView, EN, { file: after });
    expect(await codesIn(after)).toContain('SNAPSHOT-TEST');
  });

  it('continues a table longer than a sheet allows on "<name> (2)", each part with its header and total', async () => {
    const file = path.join(tempDir(), 'split.xlsx');
    await exportView(seed.db, seed.scope, seedSummary, EN, { file }, { maxRowsPerSheet: 35 });
    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Conferences', 'Participants', 'Participants (2)', 'Participants (3)', 'About']);
    const legs = [...periodParticipants(seed.db, seed.scope, '2009-05')];
    let rows = 0;
    let cents = 0;
    for (const worksheet of workbook.worksheets.slice(2, -1)) {
      expect(worksheet.rowCount).toBeLessThanOrEqual(35);
      const total = worksheet.getRow(worksheet.rowCount);
      expect(total.getCell(1).value).toBe('Total');
      const header = worksheet.views[0] as { ySplit: number };
      expect(worksheet.getRow(header.ySplit).getCell(1).value).toBe('Date');
      rows += worksheet.rowCount - header.ySplit - 1;
      cents += Math.round(((total.getCell(10).model as { result: number }).result) * 100);
    }
    expect(rows).toBe(legs.length);
    expect(cents).toBe(13207);
  });
});
