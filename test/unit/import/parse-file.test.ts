import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src/main/import/parse-file';
import { tempDir } from '../sync/helpers';
import { SAMPLE_FILES, totalsOf, truth } from './helpers';
import { sampleRows, VARIANTS, writeVariant } from './variants';

const PARIS = { timeZone: 'Europe/Paris' };

describe('the samples', () => {
  it('each parses to truth.json, month by month and room by room', async () => {
    const expected = truth();
    for (const file of SAMPLE_FILES) {
      const parsed = await parseImportFile(file, PARIS);
      expect(parsed.problems).toEqual([]);
      const totals = totalsOf(parsed.conferences);
      for (const [period, rooms] of Object.entries(totals)) expect(rooms).toEqual(expected[period]);
    }
  });

  it('reads local START TIME as Paris time (winter: UTC+1) and the file facts', async () => {
    const parsed = await parseImportFile(SAMPLE_FILES[1]!, PARIS);
    expect(parsed.conferences[0]).toMatchObject({ startUtc: '2008-12-08T09:59:59Z', roomNumber: '332703', billingCode: 'PROJ-ALPHA', participantCount: 3 });
    expect(parsed.conferences[1]!.billingCode).toBeNull();
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.fileName).toBe('oai-download-2008-12-room-332703.xlsx');
  });
});

describe('variants of the rules', () => {
  const dir = tempDir('oai-import-variants-');
  const rows = sampleRows();
  let twin: Awaited<ReturnType<typeof parseImportFile>>;

  beforeAll(async () => {
    twin = await parseImportFile(await writeVariant(dir, rows, VARIANTS[0]!), PARIS);
  });

  it('the plain twin reads every row, duplicates as two conferences', () => {
    expect(twin.problems).toEqual([]);
    expect(twin.conferences).toHaveLength(rows.length);
    expect(new Set(twin.conferences.map((c) => c.id)).size).toBe(rows.length);
    expect(twin.conferences.find((c) => c.chargeCents === 123_456)).toBeDefined();
    expect(twin.conferences.find((c) => c.chargeCents === 11_659)).toBeDefined();
  });

  for (const variant of VARIANTS.slice(1)) {
    it(`${variant.name} imports like its plain twin`, async () => {
      const parsed = await parseImportFile(await writeVariant(dir, rows, variant), PARIS);
      expect(parsed.problems).toEqual([]);
      expect(parsed.conferences).toEqual(twin.conferences);
    });
  }
});

describe('refusals', () => {
  const dir = tempDir('oai-import-refusals-');

  it('lists every bad row with its Excel row, column letter and header, and keeps nothing', async () => {
    const rows = sampleRows().slice(0, 4);
    const file = await writeVariant(dir, rows, { name: 'bad', format: 'csv', separator: ';', money: 'comma', titleBlock: 2 });
    // Title (2 lines) + blank + header = row 4; the data start on row 5.
    const text = (await import('node:fs')).readFileSync(file, 'utf8').split('\r\n');
    text[4] = text[4]!.replace('01/10/2008', '31/02/2008');
    text[5] = text[5]!.replace(/;\d\d:\d\d:\d\d;/, ';-00:10:00;');
    text[6] = text[6]!.replace(/;[^;]*€$/, ';douze euros');
    text[7] = text[7]!.replace(/^([^;]*);[^;]*;/, '$1;;');
    writeFileSync(file, text.join('\r\n'));
    const parsed = await parseImportFile(file, PARIS);
    expect(parsed.conferences).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.header, p.code])).toEqual([
      [5, 'A', 'DATE', 'bad_date'],
      [6, 'G', 'CONFERENCE LENGTH', 'negative_duration'],
      [7, 'I', 'CHARGES', 'bad_amount'],
      [8, 'B', 'START TIME', 'missing_cell'],
    ]);
  });

  it('a Total row that does not add up refuses the file with both figures', async () => {
    const rows = sampleRows().slice(0, 3);
    const file = await writeVariant(dir, rows, { name: 'bad-total', format: 'xlsx', typed: true, total: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Conferences')!;
    sheet.getRow(5).getCell(9).value = 99.99;
    await workbook.xlsx.writeFile(file);
    const parsed = await parseImportFile(file, PARIS);
    expect(parsed.conferences).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ row: 5, column: 'I', code: 'total_mismatch', values: { stated: '99.99', sum: '5.61' } });
    expect(parsed.problems[0]!.message).toContain('99.99');
    expect(parsed.problems[0]!.message).toContain('5.61');
  });

  it('a formula cell uses its saved result, and one without a result refuses its row', async () => {
    const rows = sampleRows().slice(0, 2);
    const file = await writeVariant(dir, rows, { name: 'formulas', format: 'xlsx', typed: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Conferences')!;
    sheet.getRow(2).getCell(9).value = { formula: '1+0.5', result: 1.5 };
    sheet.getRow(3).getCell(9).value = { formula: '1+2' };
    await workbook.xlsx.writeFile(file);
    const parsed = await parseImportFile(file, PARIS);
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'I', 'formula_without_result']]);
  });

  it('.xls (OLE2) is refused with "save it as .xlsx first"', async () => {
    const file = path.join(dir, 'old.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const parsed = await parseImportFile(file, PARIS);
    expect(parsed.problems).toMatchObject([{ code: 'xls' }]);
    expect(parsed.problems[0]!.message).toMatch(/save it as \.xlsx/);
  });

  it('a file over the size limit is refused from its size alone', async () => {
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, 'x'.repeat(2048));
    const parsed = await parseImportFile(file, { ...PARIS, maxBytes: 1024 });
    expect(parsed.problems).toMatchObject([{ code: 'too_big' }]);
    expect(parsed.sha256).toBe('');
  });

  it('rows are counted while streaming and the read stops at the limit', async () => {
    const file = await writeVariant(dir, sampleRows(), { name: 'many', format: 'csv', separator: ';' });
    const parsed = await parseImportFile(file, { ...PARIS, maxRows: 10 });
    expect(parsed.problems).toMatchObject([{ code: 'too_many_rows', values: { limit: 10 } }]);
    expect(parsed.conferences).toEqual([]);
  });

  it('a file without OAI columns says which are missing', async () => {
    const file = path.join(dir, 'other.csv');
    writeFileSync(file, 'DATE;START TIME;ROOM NUMBER;CHARGES\n01/10/2008;09:00;332703;1,00\n');
    const parsed = await parseImportFile(file, PARIS);
    expect(parsed.problems).toMatchObject([{ code: 'no_header', values: { missing: 'CONFERENCE LENGTH, ACCUMULATED TIME' } }]);
  });
});
