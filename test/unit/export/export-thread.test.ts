// The export on a worker thread: the same workbook as in this thread, its
// progress and errors carried back, a cancel passed on, and this thread free
// to run timers meanwhile.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { AppError } from '../../../src/main/errors';
import { exportOnWorker, exportView } from '../../../src/main/export';
import { PROFILE, readWorkbook, syncedCache, tempDir, type SyncedCache } from './helpers';

const EN: Presentation = { language: 'en-GB', dateStyle: 'locale' };
const PERIOD = '2010-03';
const view: ViewRef = { kind: 'summary', profileId: PROFILE, period: PERIOD, display: 'all', filter: '', sort: null };
const generatedAt = new Date('2026-12-01T08:00:00Z');

let large: SyncedCache;
beforeAll(async () => {
  large = await syncedCache({ now: '2010-03-31', rooms: 120, perRoom: 25 });
});
afterAll(() => large.db.close());

async function sheetsOf(file: string) {
  const workbook = await readWorkbook(file);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => JSON.stringify(row)) }));
}

describe('export on a worker thread', () => {
  it('writes the same workbook as in this thread, with progress, while this thread keeps running', async () => {
    const dir = tempDir();
    const here = await exportView(large.db, large.scope, view, EN, { file: path.join(dir, 'here.xlsx') }, { generatedAt });
    const progress: number[] = [];
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    const there = await exportOnWorker(large.db, large.scope, { kind: 'view', view }, EN, { file: path.join(dir, 'there.xlsx') }, {
      generatedAt,
      onProgress: (rows) => progress.push(rows),
    });
    const ms = performance.now() - started;
    clearInterval(ticker);
    expect(there.rows).toBe(here.rows);
    expect(there.file).toBe(path.join(dir, 'there.xlsx'));
    expect(await sheetsOf(there.file)).toEqual(await sheetsOf(here.file));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(here.rows);
    // Timers ran all along (at least a third of the 5 ms ticks the export lasted).
    expect(ticks).toBeGreaterThan(ms / 15);
  });

  it('passes a cancel on: code cancelled, the previous file untouched, nothing left beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'large.xlsx');
    writeFileSync(file, 'previous content');
    const controller = new AbortController();
    const error = await exportOnWorker(large.db, large.scope, { kind: 'view', view }, EN, { file }, {
      signal: controller.signal,
      onProgress: (rows) => {
        if (rows >= 2000) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(readdirSync(dir)).toEqual(['large.xlsx']);
    expect(readFileSync(file, 'utf8')).toBe('previous content');
  });

  it('carries an export error back as the same AppError, naming the path', async () => {
    const file = path.join(tempDir(), 'missing-folder', 'x.xlsx');
    const error = await exportOnWorker(large.db, large.scope, { kind: 'view', view }, EN, { file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'export_failed' });
    expect((error as Error).message).toContain(file);
  });
});
