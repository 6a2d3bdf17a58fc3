import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ViewScope } from '../../../src/main/cache';
import { DEMO_ACCOUNT_NUMBER, startDemoProvider, type DemoProviderOptions } from '../../../src/main/demo';
import { runSync } from '../../../src/main/sync/sync-engine';
import { demoClient, demoScope, tempCache, tempDir as tempDirWithPrefix, type TempCache } from '../sync/helpers';

export const ACCOUNT = DEMO_ACCOUNT_NUMBER;
/** The sign-in a view names; exports read within the scope they are given, whatever it is. */
export const PROFILE = 'profile-1';

export function tempDir(): string {
  return tempDirWithPrefix('oai-export-');
}

/** A synced cache and what an account sign-in at its provider sees. */
export type SyncedCache = TempCache & { scope: ViewScope };

/** A cache filled by a real sync of the demo provider (seed scenario by default). */
export async function syncedCache(options: DemoProviderOptions = { now: '2009-05-20' }): Promise<SyncedCache> {
  const provider = await startDemoProvider(options);
  try {
    const cache = tempCache();
    const client = demoClient(provider, {}, { timeoutMs: 10_000 });
    const report = await runSync({ cache: cache.handle, client, origin: provider.url, pageLimit: 500 });
    if (report.status !== 'ok') throw new Error(`demo sync failed: ${report.error}`);
    return { ...cache, scope: demoScope(provider) };
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

/** A formula cell's formula and stored result (read from the model: exceljs hides a result of 0 from `value`). */
export function formula(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  const model = cell.model as { formula?: string; result?: unknown };
  return { formula: model.formula ?? '', result: model.result };
}

/** The About sheet: every table's title block (heading, facts, notes), the last sheet of a workbook. */
export function about(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const last = workbook.worksheets.at(-1)!;
  expect(['About', 'À propos']).toContain(last.name);
  return last;
}

/** A fact of the first title block on the About sheet that has it (its value cell). */
export function fact(workbook: ExcelJS.Workbook, label: string): ExcelJS.Cell {
  const sheet = about(workbook);
  return sheet.getRow(findRow(sheet, label)).getCell(2);
}

/** A Python with openpyxl (the second reader of the workbooks), or null. */
export function openpyxlPython(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}
