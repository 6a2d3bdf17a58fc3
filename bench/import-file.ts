// The 50,000-row OAI download (.xlsx) the import bench reads, and the floor
// it is compared with, in a bundle of their own (exceljs only, none of the
// app's code: how the app's bundle is split must not move the floor):
//   generate WORK ROWS  writes the file
//   bare WORK ROWS      exceljs's bare streaming read of it
import path from 'node:path';
import ExcelJS from 'exceljs';

const [mode, work, rowsArg] = process.argv.slice(2) as ['generate' | 'bare', string, string];
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
} else {
  const bare = await bareRead();
  process.stdout.write(`${JSON.stringify({ bareMs: bare.ms, rows: bare.rows })}\n`);
}
