// The chargeback and attention downloads read back with exceljs: typed cells,
// SUM formulas (a row's months, a month's rows) carrying their results, a
// frozen header.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportView } from '../../../src/main/export';
import { chargebackReport } from '../../../src/main/features/reports/chargeback';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { openTestCache, SCOPE, type TestCache } from '../cache/fixtures';
import { about, formula, readWorkbook, sheet, table, tempDir } from '../export/helpers';
import { MONTHS, writeArchive } from './fixtures';

const EN: Presentation = { language: 'en-GB', dateStyle: 'locale' };
let cache: TestCache;
const dir = tempDir();
let count = 0;
beforeEach(() => {
  cache = openTestCache();
  writeArchive(cache.db);
});
afterEach(() => cache.close());

async function exported(view: ViewRef, presentation = EN) {
  const file = path.join(dir, `report-${(count += 1)}.xlsx`);
  await exportView(cache.db, SCOPE, view, presentation, { file }, { generatedAt: new Date('2026-03-21T10:00:00Z') });
  return readWorkbook(file);
}

describe('chargeback workbook', () => {
  it('codes × months: money cells, row totals and month totals as SUM formulas with their results, shares, frozen header', async () => {
    const report = chargebackReport(cache.db, SCOPE, 'code', null, null);
    const workbook = await exported({ kind: 'chargeback', profileId: 'p', by: 'code', from: null, to: null });
    const chargeback = sheet(workbook, 'Chargeback');
    const { header, rows, total, totalRow } = table(chargeback, 'Billing Code');
    expect(chargeback.getRow(header).getCell(2).value).toBe('November 2025');
    expect(chargeback.getRow(header).getCell(MONTHS.length + 3).value).toBe('Share');
    expect(rows.map((row) => row.getCell(1).value)).toEqual(['local-x', 'PROJ-0', 'PROJ-1', 'Unallocated']);
    const last = MONTHS.length + 1;
    rows.forEach((row, index) => {
      const expected = report.rows[index]!;
      expect(row.getCell(2).value).toBe(expected.months[MONTHS[0]!]!.chargeCents / 100);
      expect(typeof row.getCell(2).value).toBe('number');
      const rowTotal = formula(row.getCell(last + 1));
      expect(rowTotal.formula).toBe(`SUM(B${row.number}:F${row.number})`);
      expect(rowTotal.result).toBe(expected.total.chargeCents / 100);
      expect(row.getCell(last + 2).value).toBeCloseTo(expected.total.chargeCents / report.total.total.chargeCents, 10);
      expect(row.getCell(last + 2).numFmt).toBe('0.0%');
    });
    const march = formula(total.getCell(last));
    expect(march.formula).toBe(`SUM(F${header + 1}:F${totalRow - 1})`);
    expect(march.result).toBe(report.total.months['2026-03']!.chargeCents / 100);
    expect(formula(total.getCell(last + 1)).result).toBe(report.total.total.chargeCents / 100);
    expect(header).toBe(1);
    expect(chargeback.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('rooms × a chosen range, in French', async () => {
    const workbook = await exported({ kind: 'chargeback', profileId: 'p', by: 'room', from: '2026-01', to: '2026-02' }, { language: 'fr', dateStyle: 'locale' });
    const { header, rows } = table(sheet(workbook, 'Refacturation'), 'Numéro de salle');
    const headers = sheet(workbook, 'Refacturation').getRow(header);
    expect([headers.getCell(3).value, headers.getCell(4).value]).toEqual(['Janvier 2026', 'Février 2026']);
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value])).toEqual([
      ['7', 'Holder 7'],
      ['320026', 'Holder 320026'],
      ['332703', 'Holder 332703'],
    ]);
  });
});

describe('attention workbook', () => {
  it('one list per download, with its threshold', async () => {
    const workbook = await exported({ kind: 'attention', profileId: 'p', period: '2026-03', thresholdSeconds: 60, list: 'longConferences' });
    const list = sheet(workbook, 'Attention');
    const { rows } = table(list, 'Date');
    expect(rows.length).toBeGreaterThan(0);
    expect(about(workbook).getRow(1).getCell(1).value).toBe('Long conferences');
  });
});
