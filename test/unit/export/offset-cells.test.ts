// Issue 15, point 9 in Excel: START TIME in a month that crosses a
// daylight-saving change names each row's offset in its number format, the
// value staying a time; other months keep the plain time format.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportView } from '../../../src/main/export';
import { startTimeCell } from '../../../src/main/export/offset-cells';
import { accountSummary, roomConferences } from '../../../src/main/cache';
import { PROFILE, readWorkbook, sheet, syncedCache, tempDir, type SyncedCache } from './helpers';

let cache: SyncedCache;
const dir = tempDir();

beforeAll(async () => {
  cache = await syncedCache();
});

afterAll(() => {
  cache.db.close();
});

describe('START TIME offsets', () => {
  it('names the offset in the format in March and October only, in Europe/Paris', () => {
    expect(startTimeCell(1, '2009-03-28T08:30:00Z', 'Europe/Paris')).toEqual({ value: 1, numFmt: 'hh:mm:ss "(GMT+1)"' });
    expect(startTimeCell(1, '2009-03-30T08:30:00Z', 'Europe/Paris')).toEqual({ value: 1, numFmt: 'hh:mm:ss "(GMT+2)"' });
    expect(startTimeCell(1, '2009-10-30T08:30:00Z', 'Europe/Paris')).toEqual({ value: 1, numFmt: 'hh:mm:ss "(GMT+1)"' });
    expect(startTimeCell(1, '2009-05-06T07:02:11Z', 'Europe/Paris')).toBe(1);
    expect(startTimeCell(1, '2009-03-28T08:30:00Z', 'Asia/Tokyo')).toBe(1);
    expect(startTimeCell(1, '2009-03-28T08:30:00Z', 'Mars/Olympus_Mons')).toBe(1);
  });

  it('writes them into a room workbook of March: the time value kept, each row its offset', async () => {
    const march = accountSummary(cache.db, cache.scope, '2009-03', 'active').rooms;
    const room = march.find((r) => {
      const starts = roomConferences(cache.db, cache.scope, '2009-03', r.roomNumber).map((c) => c.start);
      return starts.some((s) => s < '2009-03-29T01:00:00Z') && starts.some((s) => s > '2009-03-29T01:00:00Z');
    })!;
    expect(room).toBeDefined();
    const file = path.join(dir, 'march.xlsx');
    await exportView(cache.db, cache.scope, { kind: 'room', profileId: PROFILE, period: '2009-03', roomNumber: room.roomNumber, sort: null }, { language: 'fr', dateStyle: 'locale' }, { file });
    const conferences = sheet(await readWorkbook(file), 'Conférences');
    const formats: string[] = [];
    conferences.eachRow((row) => {
      if (row.getCell(3).value === room.roomNumber) formats.push(row.getCell(2).numFmt);
    });
    expect(formats.length).toBe(room.conferenceCount);
    expect(formats[0]).toBe('hh:mm:ss "(GMT+1)"');
    expect(formats.at(-1)).toBe('hh:mm:ss "(GMT+2)"');
  });
});
