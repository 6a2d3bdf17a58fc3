// Every kind of workbook, read back with exceljs: values, cell types, number
// formats, formulas with their results, and totals against the cache, on the
// seed scenario of MeetingOne's OAI guide (May 2009, account 602127).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presentation, ViewRef } from '../../../src/shared/bridge';
import { exportView } from '../../../src/main/export';
import { PROFILE, about, fact, findRow, formula, readWorkbook, seconds, sheet, syncedCache, table, tempDir, type SyncedCache } from './helpers';
import { periodDataAsOf } from '../../../src/shared/domain';
import { billingCodeRowsForView } from '../../../src/shared/view-rules';
import {
  accountSummary,
  billingCodeSummary,
  conferenceParticipants,
  getPeriod,
  finishSyncRun,
  notePeriodsServed,
  periodConferences,
  periodParticipants,
  queueBillingCode,
  roomConferences,
  startSyncRun,
} from '../../../src/main/cache';

const OAI_COLUMNS = ['DATE', 'START TIME', 'ROOM NUMBER', 'CARDHOLDER', 'PARTICIPANTS', 'BILLING CODE', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES'];
const EN: Presentation = { language: 'en-US', dateStyle: 'locale' };
const FR: Presentation = { language: 'fr', dateStyle: 'locale' };
const GENERATED_AT = new Date('2009-05-20T10:00:00Z');

let cache: SyncedCache;
const dir = tempDir();
let fileCount = 0;

beforeAll(async () => {
  cache = await syncedCache();
});
afterAll(() => {
  cache.db.close();
});

function summaryView(overrides: Partial<Extract<ViewRef, { kind: 'summary' }>> = {}): ViewRef {
  return { kind: 'summary', profileId: PROFILE, period: '2009-05', display: 'active', filter: '', sort: null, ...overrides };
}

async function exported(view: ViewRef, presentation: Presentation = EN) {
  const file = path.join(dir, `export-${(fileCount += 1)}.xlsx`);
  const result = await exportView(cache.db, cache.scope, view, presentation, { file }, { generatedAt: GENERATED_AT });
  return { result, workbook: await readWorkbook(file) };
}

/** Values of a row from column 1, as exceljs reads them back. */
function values(row: ExcelJS.Row, count: number): ExcelJS.CellValue[] {
  return Array.from({ length: count }, (_, i) => row.getCell(i + 1).value);
}

describe('account summary workbook', () => {
  it('lists the active rooms as the view does, with a SUM total of 132.07 € in the currency format', async () => {
    const { result, workbook } = await exported(summaryView());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Conferences', 'Participants', 'About']);
    const summary = sheet(workbook, 'Summary');
    const { header, rows, total, totalRow } = table(summary, 'Room Number');
    expect(values(summary.getRow(header), 6)).toEqual(['Room Number', 'Cardholder', 'Auto Billing Code', 'Conferences', 'Accumulated Time', 'Charge']);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['320026', '332703', '335848']);
    for (const row of rows) expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['Leo', 'Marilene BALLESTER', 'Jean-Baptiste Godeau']);
    expect(rows.map((r) => seconds(r.getCell(5).value))).toEqual([60, 85816, 10732]);
    expect(rows.map((r) => r.getCell(6).value)).toEqual([0.09, 116.59, 15.39]);
    expect(rows.map((r) => r.getCell(6).numFmt)).toEqual(['"€"#,##0.00', '"€"#,##0.00', '"€"#,##0.00']);
    expect(rows[1]!.getCell(5).numFmt).toBe('[hh]:mm:ss');

    const charge = formula(total.getCell(6));
    expect(charge.formula).toBe(`SUM(F${header + 1}:F${totalRow - 1})`);
    expect(charge.result).toBe(132.07);
    expect(total.getCell(6).numFmt).toBe('"€"#,##0.00');
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(seconds(formula(total.getCell(5)).result as Date)).toBe(96608);
    const cacheTotal = accountSummary(cache.db, cache.scope, '2009-05', 'active').total;
    expect(formula(total.getCell(4)).result).toBe(cacheTotal.conferenceCount);

    // Header bold on row 1, frozen alone, autofilter over the table.
    expect(header).toBe(1);
    expect(summary.getRow(header).getCell(1).font?.bold).toBe(true);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(summary.autoFilter).toBe(`A${header}:F${totalRow - 1}`);
    const widths = summary.columns.map((c) => c.width ?? 0);
    expect(widths.every((w) => w >= 6 && w <= 50)).toBe(true);
    expect(widths[1]).toBeGreaterThanOrEqual('Jean-Baptiste Godeau'.length);

    const legs = accountSummary(cache.db, cache.scope, '2009-05', 'active').rooms.reduce((sum, room) => {
      return sum + roomConferences(cache.db, cache.scope, '2009-05', room.roomNumber).reduce((s, c) => s + c.participantCount, 0);
    }, 0);
    expect(result.rows).toBe(3 + cacheTotal.conferenceCount + legs);
  });

  it('has a title block on its About sheet: account, company, billing period, generated and synced times', async () => {
    const { workbook } = await exported(summaryView());
    const summary = about(workbook);
    expect(summary.getRow(1).getCell(1).value).toBe('Account Summary');
    expect(summary.getRow(1).getCell(2).value).toBe('Summary');
    const fact = (label: string) => summary.getRow(findRow(summary, label)).getCell(2);
    expect(fact('Account Number').value).toBe('602127');
    expect(fact('Account Number').type).toBe(ExcelJS.ValueType.String);
    expect(fact('Company Name').value).toBe('MeetingOne Phoenix');
    expect(fact('Billing Period').value).toBe('Since 5/1/2009 — Not invoiced');
    expect(fact('Room Display').value).toBe('Active rooms');
    expect(fact('Generated').value).toBeInstanceOf(Date);
    expect(fact('Generated').numFmt).toBe('m/d/yyyy h:mm AM/PM');
    // Local time of this computer, whatever its zone: same instant once the offset is removed.
    const offsetMs = -GENERATED_AT.getTimezoneOffset() * 60_000;
    expect((fact('Generated').value as Date).getTime()).toBe(GENERATED_AT.getTime() + offsetMs);
    const lastSync = getPeriod(cache.db, cache.scope, '2009-05')!.lastSyncedAt!;
    const syncedLocal = Date.parse(lastSync) - new Date(lastSync).getTimezoneOffset() * 60_000;
    expect(Math.abs((fact('Data as of').value as Date).getTime() - syncedLocal)).toBeLessThan(1000);
    expect(() => findRow(summary, 'Archived: no longer served by the provider')).toThrow();
  });

  it('lists every conference of the kept rooms with OAI\u2019s exact columns, in start order, times in Europe/Paris', async () => {
    const { workbook } = await exported(summaryView());
    const conferences = sheet(workbook, 'Conferences');
    const { header, rows, total } = table(conferences, 'DATE');
    expect(values(conferences.getRow(header), 9)).toEqual(OAI_COLUMNS);
    const cached = [...periodConferences(cache.db, cache.scope, '2009-05')];
    expect(rows).toHaveLength(cached.length);
    expect(rows.map((r) => r.getCell(3).value)).toEqual(cached.map((c) => c.roomNumber));
    // c-200905-000008 started 2009-05-12T07:27:55Z: 09:27:55 in Paris (CEST).
    const index = cached.findIndex((c) => c.id === 'c-200905-000008');
    const row = rows[index]!;
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2009, 4, 12)));
    expect(row.getCell(1).numFmt).toBe('m/d/yyyy');
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    expect(seconds(row.getCell(2).value)).toBe(9 * 3600 + 27 * 60 + 55);
    expect(row.getCell(2).numFmt).toBe('hh:mm:ss');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe('Marilene BALLESTER');
    expect(row.getCell(5).value).toBe(4);
    expect(row.getCell(6).value).toBe('BOARD');
    expect(seconds(row.getCell(7).value)).toBe(1690);
    expect(seconds(row.getCell(8).value)).toBe(6574);
    expect(row.getCell(9).value).toBe(9.71);
    // Unallocated in the UI language.
    expect(rows[0]!.getCell(6).value).toBe('Unallocated');
    expect(formula(total.getCell(9)).result).toBe(132.07);
    expect(formula(total.getCell(5)).result).toBe(cached.reduce((s, c) => s + c.participantCount, 0));
    expect(seconds(formula(total.getCell(8)).result as Date)).toBe(96608);
  });

  it('lists every participant leg with its conference, summing to the month', async () => {
    const { workbook } = await exported(summaryView());
    const participants = sheet(workbook, 'Participants');
    const { header, rows, total } = table(participants, 'Date');
    expect(values(participants.getRow(header), 10)).toEqual(['Date', 'Start Time', 'Room Number', 'Name', 'Phone', 'Access Type', 'Joined', 'Left', 'Duration', 'Charge']);
    const legs = [...periodParticipants(cache.db, cache.scope, '2009-05')];
    expect(rows).toHaveLength(legs.length);
    // Each leg's conference by its date, start (account time) and room, never its internal id.
    const paris = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' });
    const shown = (row: ExcelJS.Row) => `${(row.getCell(1).value as Date).toISOString().slice(0, 10)} ${(row.getCell(2).value as Date).toISOString().slice(11, 19)} ${row.getCell(3).text}`;
    expect(rows.map(shown)).toEqual(legs.map((l) => `${paris(l.conferenceStart)} ${l.roomNumber}`));
    for (const row of rows) expect(row.values as unknown[]).not.toContainEqual(expect.stringMatching(/^c-\d{6}-/));
    const first = legs[0]!;
    expect(rows[0]!.getCell(5).value).toBe(first.phone);
    expect(rows[0]!.getCell(6).value).toBe({ toll: 'Toll', 'toll-free': 'Toll-free', international: 'International', 'dial-out': 'Dial-Out', web: 'Web' }[first.accessType]);
    const joined = new Date(first.joinedAt);
    const parisHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(joined));
    expect(seconds(rows[0]!.getCell(7).value)).toBe(parisHour * 3600 + joined.getUTCMinutes() * 60 + joined.getUTCSeconds());
    expect(formula(total.getCell(10)).result).toBe(132.07);
    expect(seconds(formula(total.getCell(9)).result as Date)).toBe(96608);
  });

  it('speaks French: sheet names, labels, Unallocated, euro format after the amount; OAI columns stay English', async () => {
    const { workbook } = await exported(summaryView(), FR);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Conférences', 'Participants', 'À propos']);
    const summary = sheet(workbook, 'Synthèse');
    expect(about(workbook).getRow(1).getCell(1).value).toBe('Récapitulatif du compte');
    const { header, rows, total } = table(summary, 'Numéro de salle');
    expect(values(summary.getRow(header), 6)).toEqual(['Numéro de salle', 'Titulaire', 'Code de facturation auto', 'Conférences', 'Temps cumulé', 'Montant']);
    expect(rows[1]!.getCell(6).numFmt).toBe('#,##0.00 "€"');
    expect(formula(total.getCell(6)).result).toBe(132.07);
    expect(fact(workbook, 'Période de facturation').value).toBe('Depuis le 1/05/2009 — Non facturé');
    expect(fact(workbook, 'Généré le').numFmt).toBe('dd/mm/yyyy hh:mm');

    const conferences = sheet(workbook, 'Conférences');
    const list = table(conferences, 'DATE');
    expect(values(conferences.getRow(list.header), 9)).toEqual(OAI_COLUMNS);
    expect(list.rows[0]!.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(list.rows[0]!.getCell(6).value).toBe('Non attribué');
  });

  it('applies the view\u2019s filter and sort to every sheet, with a "Total shown"', async () => {
    const { workbook } = await exported(summaryView({ display: 'all', filter: 'godeau', sort: { column: 'charge', direction: 'descending' } }));
    const summary = sheet(workbook, 'Summary');
    const { rows, total } = table(summary, 'Room Number', 'Total shown');
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['335848']);
    expect(formula(total.getCell(6)).result).toBe(15.39);
    expect(fact(workbook, 'Filter').value).toBe('godeau');
    const conferences = table(sheet(workbook, 'Conferences'), 'DATE', 'Total shown');
    expect(conferences.rows.map((r) => r.getCell(3).value)).toEqual(['335848', '335848', '335848']);
    expect(formula(conferences.total.getCell(9)).result).toBe(15.39);

    const sorted = await exported(summaryView({ sort: { column: 'charge', direction: 'descending' } }));
    expect(table(sheet(sorted.workbook, 'Summary'), 'Room Number').rows.map((r) => r.getCell(1).value)).toEqual(['332703', '335848', '320026']);
    const all = await exported(summaryView({ display: 'all' }));
    const allRows = table(sheet(all.workbook, 'Summary'), 'Room Number').rows;
    expect(allRows).toHaveLength(accountSummary(cache.db, cache.scope, '2009-05', 'all').rooms.length);
  });

  it('writes a valid workbook with headers and zero totals when nothing matches', async () => {
    const { result, workbook } = await exported(summaryView({ filter: 'nobody-has-this-name' }));
    expect(result.rows).toBe(0);
    for (const [name, first, column] of [['Summary', 'Room Number', 6], ['Conferences', 'DATE', 9], ['Participants', 'Date', 10]] as const) {
      const worksheet = sheet(workbook, name);
      const { header, rows, total, totalRow } = table(worksheet, first, 'Total shown');
      expect(rows).toHaveLength(0);
      expect(totalRow).toBe(header + 1);
      expect(formula(total.getCell(column)).result).toBe(0);
      expect(worksheet.autoFilter).toMatch(new RegExp(`^A${header}:[A-K]${header}$`));
    }
  });

  it('uses ISO dates when the date style is ISO', async () => {
    const { workbook } = await exported(summaryView(), { language: 'en-US', dateStyle: 'iso' });
    const list = table(sheet(workbook, 'Conferences'), 'DATE');
    expect(list.rows[0]!.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(fact(workbook, 'Billing Period').value).toBe('Since 2009-05-01 — Not invoiced');
  });
});

describe('room, billing codes and conference workbooks', () => {
  it('room 332703: its 19 conferences summing to 23:50:16 and 116,59 €, sorted as the view', async () => {
    const view: ViewRef = { kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: '332703', sort: null };
    const { result, workbook } = await exported(view, FR);
    expect(result.rows).toBe(19);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Conférences', 'À propos']);
    const worksheet = sheet(workbook, 'Conférences');
    expect(about(workbook).getRow(1).getCell(1).value).toBe('Liste des conférences');
    expect(fact(workbook, 'Numéro de salle').value).toBe('332703');
    expect(fact(workbook, 'Titulaire').value).toBe('Marilene BALLESTER');
    const { header, rows, total, totalRow } = table(worksheet, 'DATE');
    expect(values(worksheet.getRow(header), 9)).toEqual(OAI_COLUMNS);
    expect(rows).toHaveLength(19);
    expect(rows.every((r) => r.getCell(3).value === '332703' && r.getCell(3).type === ExcelJS.ValueType.String)).toBe(true);
    const accumulated = formula(total.getCell(8));
    expect(accumulated.formula).toBe(`SUM(H${header + 1}:H${totalRow - 1})`);
    expect(seconds(accumulated.result as Date)).toBe(85816);
    expect(accumulated.result).toEqual(new Date(Date.UTC(1899, 11, 30) + 85816 * 1000));
    expect(formula(total.getCell(9)).result).toBe(116.59);
    expect(rows.map((r) => r.getCell(1).value as Date).map((d) => d.getUTCDate())).toEqual([6, 6, 7, 7, 11, 11, 12, 12, 12, 13, 13, 14, 14, 15, 15, 18, 18, 19, 19]);

    const byCharge = await exported({ ...view, sort: { column: 'charge', direction: 'descending' } });
    const charges = table(sheet(byCharge.workbook, 'Conferences'), 'DATE').rows.map((r) => r.getCell(9).value as number);
    expect(charges).toEqual([...charges].sort((a, b) => b - a));
    expect(charges[0]).toBe(9.71);
  });

  it('a room with no conferences gives headers and zero totals', async () => {
    const idle = accountSummary(cache.db, cache.scope, '2009-05', 'all').rooms.find((r) => r.conferenceCount === 0)!;
    const { result, workbook } = await exported({ kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: idle.roomNumber, sort: null });
    expect(result.rows).toBe(0);
    const { rows, total } = table(sheet(workbook, 'Conferences'), 'DATE');
    expect(rows).toHaveLength(0);
    expect(formula(total.getCell(9)).result).toBe(0);
  });

  it('billing codes: one row per effective code (Unallocated as a word), text cells, then the month\u2019s conferences', async () => {
    const { workbook } = await exported({ kind: 'billingCodes', profileId: PROFILE, period: '2009-05' });
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Billing codes', 'Conferences', 'About']);
    const codes = sheet(workbook, 'Billing codes');
    const { header, rows, total } = table(codes, 'Billing Code');
    expect(values(codes.getRow(header), 4)).toEqual(['Billing Code', 'Conferences', 'Accumulated Time', 'Charge']);
    // In the view's order: by code, Unallocated last.
    const cached = billingCodeRowsForView(billingCodeSummary(cache.db, cache.scope, '2009-05'));
    expect(cached.at(-1)!.billingCode).toBeNull();
    expect(rows.map((r) => r.getCell(1).value)).toEqual(cached.map((c) => c.billingCode ?? 'Unallocated'));
    expect(rows.every((r) => r.getCell(1).type === ExcelJS.ValueType.String)).toBe(true);
    expect(rows.map((r) => r.getCell(4).value)).toEqual(cached.map((c) => c.chargeCents / 100));
    expect(formula(total.getCell(4)).result).toBe(132.07);
    expect(formula(total.getCell(2)).result).toBe(23);
    const list = table(sheet(workbook, 'Conferences'), 'DATE');
    expect(list.rows).toHaveLength(23);
    expect(formula(list.total.getCell(9)).result).toBe(132.07);
  });

  it('a conference: its participants, with room, cardholder and start in the title block', async () => {
    const { result, workbook } = await exported({ kind: 'conference', profileId: PROFILE, period: '2009-05', conferenceId: 'c-200905-000008' });
    const legs = conferenceParticipants(cache.db, cache.scope, '2009-05', 'c-200905-000008');
    expect(result.rows).toBe(legs.length);
    const worksheet = sheet(workbook, 'Participants');
    expect(about(workbook).getRow(1).getCell(1).value).toBe('Conference');
    const fact = (label: string) => about(workbook).getRow(findRow(about(workbook), label)).getCell(2);
    expect(fact('Room Number').value).toBe('332703');
    expect(fact('Cardholder').value).toBe('Marilene BALLESTER');
    expect(fact('Conference start').value).toEqual(new Date(Date.UTC(2009, 4, 12, 9, 27, 55)));
    expect(fact('Billing Code').value).toBe('BOARD');
    expect(fact('Billing Period').value).toBe('Since 5/1/2009 — Not invoiced');
    const { header, rows, total } = table(worksheet, 'Name');
    expect(values(worksheet.getRow(header), 7)).toEqual(['Name', 'Phone', 'Access Type', 'Joined', 'Left', 'Duration', 'Charge']);
    expect(rows.map((r) => r.getCell(2).value)).toEqual(legs.map((l) => l.phone));
    expect(rows.map((r) => seconds(r.getCell(6).value))).toEqual(legs.map((l) => l.seconds));
    expect(formula(total.getCell(7)).result).toBe(9.71);
    expect(seconds(formula(total.getCell(6)).result as Date)).toBe(6574);
  });

  it('an unknown conference or period fails with export_failed naming the file, and writes nothing', async () => {
    const file = path.join(dir, 'missing.xlsx');
    await expect(exportView(cache.db, cache.scope, { kind: 'conference', profileId: PROFILE, period: '2009-05', conferenceId: 'nope' }, EN, { file })).rejects.toMatchObject({
      code: 'export_failed',
      message: `Could not save ${file}: conference nope of 2009-05 (account 602127) is not in the cache.`,
    });
    // A conference id is one of its period only.
    await expect(
      exportView(cache.db, cache.scope, { kind: 'conference', profileId: PROFILE, period: '2009-04', conferenceId: 'c-200905-000008' }, EN, { file }),
    ).rejects.toMatchObject({ code: 'export_failed' });
    await expect(exportView(cache.db, cache.scope, summaryView({ period: '2001-01' }), EN, { file })).rejects.toMatchObject({ code: 'export_failed' });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((name) => name.includes('missing'))).toEqual([]);
  });
});

describe('pending billing codes and archived months', () => {
  let local: SyncedCache;
  beforeAll(async () => {
    local = await syncedCache();
  });
  afterAll(() => local.db.close());

  it('"Data as of" is the last successful sync of that period, as the print layout says, not the last run of the account', async () => {
    const may = getPeriod(local.db, local.scope, '2009-05')!;
    // A later successful run that did not sync May (e.g. only billing codes were pushed): 3 minutes after.
    const later = new Date(Date.parse(may.lastSyncedAt!) + 180_000).toISOString();
    finishSyncRun(local.db, startSyncRun(local.db, local.scope, 'account', 'https://later.example', later), 'ok', later);
    const file = path.join(dir, 'as-of.xlsx');
    await exportView(local.db, local.scope, summaryView(), EN, { file });
    const asOf = fact(await readWorkbook(file), 'Data as of').value as Date;
    const expected = Date.parse(may.lastSyncedAt!) - new Date(may.lastSyncedAt!).getTimezoneOffset() * 60_000;
    expect(Math.abs(asOf.getTime() - expected)).toBeLessThan(1000);
    expect(periodDataAsOf(may)).toBe(may.lastSyncedAt);
  });

  it('shows a pending local code as the view does, and marks an archived month', async () => {
    queueBillingCode(local.db, local.scope, '2009-05', 'c-200905-000002', 'NEW-CODE', '2009-05-20T10:00:00Z');
    // The provider now serves only May: the three older months become archived.
    const may = getPeriod(local.db, local.scope, '2009-05')!;
    notePeriodsServed(local.db, local.scope, [{ period: may.period, start: may.start, invoiced: may.invoiced, revision: may.revision! }], '2009-05-20T10:00:00Z');

    const file = path.join(dir, 'pending.xlsx');
    await exportView(local.db, local.scope, { kind: 'room', profileId: PROFILE, period: '2009-05', roomNumber: '332703', sort: null }, EN, { file });
    const rows = table(sheet(await readWorkbook(file), 'Conferences'), 'DATE').rows;
    expect(rows[0]!.getCell(6).value).toBe('NEW-CODE');

    const april = path.join(dir, 'april.xlsx');
    await exportView(local.db, local.scope, { kind: 'billingCodes', profileId: PROFILE, period: '2009-04' }, EN, { file: april });
    const workbook = await readWorkbook(april);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Billing codes', 'Conferences', 'About']);
    expect(findRow(about(workbook), 'Archived: no longer served by the provider')).toBeGreaterThan(1);
    // The billing period reads as the screen's and the print layout's: marked archived.
    expect(fact(workbook, 'Billing Period').value).toBe('April 2009 — Invoiced (archived)');
    const april04 = getPeriod(local.db, local.scope, '2009-04')!;
    const asOf = fact(workbook, 'Data as of').value as Date;
    const expected = Date.parse(april04.lastSyncedAt!) - new Date(april04.lastSyncedAt!).getTimezoneOffset() * 60_000;
    expect(Math.abs(asOf.getTime() - expected)).toBeLessThan(1000);
  });
});
