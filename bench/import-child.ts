// Importing a generated 50,000-row OAI download (.xlsx), in its own process
// (bundled, the import worker's bundle beside it, as the app ships it):
//   generate WORK ROWS  writes the file (a process of its own: its memory is not the import's)
//   import WORK ROWS    the app's import of it into a new cache (worker thread: parse + one
//                       transaction), with peak RSS and the main thread's longest event-loop stall
//   bare WORK ROWS      exceljs's bare streaming read of the same file (the floor)
// run.ts alternates the last two, each in a process of its own, and takes medians.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openCache, upsertAccount } from '../src/main/cache';
import { importThreadRunner } from '../src/main/features/import/import-thread';

const [mode, work, rowsArg] = process.argv.slice(2) as ['generate' | 'import' | 'bare', string, string];
const ROWS = Number(rowsArg);
const file = path.join(work, 'oai-download-50k.xlsx');
const ROOMS = 400;

async function generate(): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('OAI');
  sheet.addRow(['Account Number', '602127']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['DATE', 'START TIME', 'ROOM NUMBER', 'CARDHOLDER', 'PARTICIPANTS', 'BILLING CODE', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES']).commit();
  let seconds = 0;
  let cents = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const day = 1 + (i % 28);
    const length = 300 + (i % 3600);
    const accumulated = length * (2 + (i % 5));
    const charge = Math.round(accumulated * 0.136);
    seconds += accumulated;
    cents += charge;
    const row = sheet.addRow([
      new Date(Date.UTC(2008, 9, day)),
      (8 * 3600 + ((i * 37) % 36_000)) / 86_400,
      String(300_000 + (i % ROOMS)),
      `Cardholder ${i % ROOMS}`,
      2 + (i % 6),
      i % 3 === 0 ? '' : `CODE-${i % 40}`,
      length / 86_400,
      accumulated / 86_400,
      charge / 100,
    ]);
    row.getCell(1).numFmt = 'dd/mm/yyyy';
    row.getCell(2).numFmt = 'hh:mm:ss';
    row.getCell(7).numFmt = '[h]:mm:ss';
    row.getCell(8).numFmt = '[h]:mm:ss';
    row.getCell(9).numFmt = '#,##0.00 "€"';
    row.commit();
  }
  sheet.addRow(['Total', null, null, null, null, null, null, seconds / 86_400, cents / 100]).commit();
  sheet.commit();
  await workbook.commit();
}

/** exceljs's streaming read alone, every row's values touched: the floor of any .xlsx import. */
async function bareRead(): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      rows += (row.values as unknown[]).length > 0 ? 1 : 0;
    }
  }
  return { ms: performance.now() - started, rows };
}

if (mode === 'generate') {
  await generate();
  process.stdout.write('{}\n');
  process.exit(0);
}
if (mode === 'bare') {
  const bare = await bareRead();
  process.stdout.write(`${JSON.stringify({ bareMs: bare.ms, rows: bare.rows })}\n`);
  process.exit(0);
}
const idle = monitorEventLoopDelay({ resolution: 5 });
idle.enable();
await new Promise((resolve) => setTimeout(resolve, 1_000));
idle.disable();
const cacheFile = path.join(work, `import-${process.pid}.sqlite`);
const db = openCache(cacheFile);
const key = { provider: 'https://oai.example', accountNumber: '602127' };
upsertAccount(db, key.provider, { accountNumber: '602127', companyName: 'Bench', currency: 'EUR', timeZone: 'Europe/Paris' });
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
const [outcome] = await importThreadRunner(() => cacheFile)(key, [{ path: file, name: path.basename(file) }], {});
const importMs = performance.now() - started;
delay.disable();
db.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(cacheFile + suffix, { force: true });
if (outcome?.status !== 'imported') throw new Error(`the bench file was not imported: ${JSON.stringify(outcome?.problems.slice(0, 3))}`);
process.stdout.write(
  `${JSON.stringify({
    rows: ROWS,
    conferences: outcome.conferences,
    importMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    maxStallMs: delay.max / 1e6,
    idleStallMs: idle.max / 1e6,
  })}\n`,
);
