import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openCache, type CacheDatabase } from '../../../src/main/cache/database';
import { CacheRepository } from '../../../src/main/cache/repository';
import { DEMO_ACCOUNT_NUMBER, DEMO_PASSWORD, DEMO_USERNAME, startDemoProvider, type DemoProviderOptions } from '../../../src/main/demo';
import { ProviderClient } from '../../../src/main/provider/client';
import { runSync } from '../../../src/main/sync/sync-engine';

export const ACCOUNT = DEMO_ACCOUNT_NUMBER;

export function tempDir(prefix = 'oai-export-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface SyncedCache {
  file: string;
  db: CacheDatabase;
  repo: CacheRepository;
}

/** A cache filled by a real sync of the demo provider (seed scenario by default). */
export async function syncedCache(options: DemoProviderOptions = { now: '2009-05-20' }): Promise<SyncedCache> {
  const provider = await startDemoProvider(options);
  try {
    const file = path.join(tempDir(), 'cache.sqlite');
    const db = openCache(file);
    const repo = new CacheRepository(db);
    const client = new ProviderClient({
      baseUrl: provider.url,
      credentials: () => ({ username: DEMO_USERNAME, password: DEMO_PASSWORD, accountNumber: DEMO_ACCOUNT_NUMBER }),
      sleep: () => Promise.resolve(),
      timeoutMs: 10_000,
    });
    const report = await runSync({ repo, client, origin: provider.url, pageLimit: 500 });
    if (report.status !== 'ok') throw new Error(`demo sync failed: ${report.error}`);
    return { file, db, repo };
  } finally {
    await provider.close();
  }
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet "${name}" in ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

/** The row whose first cell is `text` (header row: its first header). */
export function findRow(worksheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= worksheet.rowCount; r += 1) {
    if (worksheet.getRow(r).getCell(1).value === text) return r;
  }
  throw new Error(`no row starting with "${text}" in ${worksheet.name}`);
}

/** An Excel time or duration read back by exceljs (a Date from 1899-12-30) as seconds. */
export function seconds(value: ExcelJS.CellValue): number {
  if (value instanceof Date) return Math.round((value.getTime() - Date.UTC(1899, 11, 30)) / 1000);
  if (typeof value === 'number') return Math.round(value * 86400);
  throw new Error(`not a time: ${JSON.stringify(value)}`);
}

/** The table of a sheet: header row number, data rows (up to the Total row), total row number. */
export function table(worksheet: ExcelJS.Worksheet, firstHeader: string, totalLabel = 'Total') {
  const header = findRow(worksheet, firstHeader);
  const total = findRow(worksheet, totalLabel);
  const rows: ExcelJS.Row[] = [];
  for (let r = header + 1; r < total; r += 1) rows.push(worksheet.getRow(r));
  return { header, rows, total: worksheet.getRow(total), totalRow: total };
}
