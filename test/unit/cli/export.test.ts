// `export`: the same workbook as the views' Download, from the command line,
// in-process through runCli.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/cli/commands';
import { fact, readWorkbook, syncedCache, tempDir } from '../export/helpers';

let db: string;

beforeAll(async () => {
  const cache = await syncedCache();
  cache.db.close();
  db = cache.file;
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HOME: tempDir(), XDG_CONFIG_HOME: tempDir() },
    stdin: Readable.from(['']),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Data rows between a sheet's header row (first cell `header`) and its Total row. */
function dataRows(worksheet: ExcelJS.Worksheet, header: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  let inside = false;
  worksheet.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === header) inside = true;
    else if (first === 'Total') inside = false;
    else if (inside) rows.push(row);
  });
  return rows;
}

describe('cli export', () => {
  it('writes the account summary workbook of a month: every room, the seed total', async () => {
    const out = path.join(tempDir(), 'may.xlsx');
    const result = await cli(['export', '--period', '2009-05', '--out', out, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}  \\d+ rows\\n$`));
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Conferences', 'Participants', 'About']);
    const summary = workbook.getWorksheet('Summary')!;
    const rooms = dataRows(summary, 'Room Number');
    expect(rooms.length).toBe(40);
    expect(rooms.every((r) => r.getCell(1).type === ExcelJS.ValueType.String)).toBe(true);
    const total = summary.getRow(summary.rowCount);
    expect((total.getCell(6).model as { result: number }).result).toBe(132.07);
    expect(fact(workbook, 'Room Display').value).toBe('All rooms');
  });

  it('writes one room with --room, in French with --lang fr', async () => {
    const out = path.join(tempDir(), 'room.xlsx');
    const result = await cli(['export', '--period', '2009-05', '--room', '332703', '--lang', 'fr', '--out', out, '--db', db, '--account', '602127']);
    expect(result.code).toBe(0);
    const worksheet = (await readWorkbook(out)).getWorksheet('Conférences')!;
    const rows = dataRows(worksheet, 'DATE');
    expect(rows).toHaveLength(19);
    expect(rows[0]!.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect((worksheet.getRow(worksheet.rowCount).getCell(9).model as { result: number }).result).toBe(116.59);
  });

  it('exits 2 on usage errors', async () => {
    const out = path.join(tempDir(), 'x.xlsx');
    for (const args of [
      ['export', '--period', '2009-05', '--db', db],
      ['export', '--period', '05-2009', '--out', out, '--db', db],
      ['export', '--period', '2009-05', '--out', out, '--db', db, '--lang', 'de'],
      ['export', '--period', '2009-05', '--out', out, '--db', db, '--room', 'abc'],
      ['export', '--period', '2009-05', '--out', out, '--db', db, '--colour', 'red'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^oai: /);
      expect(result.stderr).toContain('usage: npm run cli -- export --period YYYY-MM');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 naming the path when the file cannot be written, and leaves nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'missing-folder', 'x.xlsx');
    const result = await cli(['export', '--period', '2009-05', '--out', out, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`oai: Could not save ${out}: the folder does not exist (ENOENT).\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 for a period or room the cache does not hold', async () => {
    const out = path.join(tempDir(), 'x.xlsx');
    const period = await cli(['export', '--period', '2001-01', '--out', out, '--db', db]);
    expect(period.code).toBe(1);
    expect(period.stderr).toBe(`oai: Could not save ${out}: period 2001-01 of account 602127 is not in the cache.\n`);
    const room = await cli(['export', '--period', '2009-05', '--room', '999', '--out', out, '--db', db]);
    expect(room.code).toBe(1);
    expect(room.stderr).toBe(`oai: Could not save ${out}: room 999 is not in period 2009-05 of account 602127.\n`);
    expect(existsSync(out)).toBe(false);
  });
});
