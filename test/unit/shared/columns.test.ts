// The views' tables, defined once: what each medium shows of them, how values
// read by kind, what they sort by, and their totals.
import { describe, expect, it } from 'vitest';
import {
  CONFERENCE_COLUMNS,
  PARTICIPANT_COLUMNS,
  SUMMARY_COLUMNS,
  cellText,
  columnHeader,
  columnsFor,
  conferenceListOffset,
  conferenceRowsForView,
  summaryRowsForView,
  totalText,
  type TextContext,
} from '../../../src/shared/columns';
import type { ConferenceRow, ParticipantRow, RoomSummaryRow } from '../../../src/shared/domain';
import { createFormatter } from '../../../src/shared/format';
import { translator } from '../../../src/shared/i18n';
import { WallClock } from '../../../src/main/export/excel-values';
import { sheetCells, sheetColumns } from '../../../src/main/export/sheet-columns';
import { printTable } from '../../../src/renderer/src/print/print-table';

const context = (language: 'en-US' | 'fr'): TextContext => ({
  t: translator(language),
  format: createFormatter({ language, dateStyle: 'locale' }),
  currency: 'EUR',
  timeZone: 'Europe/Paris',
});

const room = (roomNumber: string, cardholder: string | null, chargeCents: number): RoomSummaryRow => ({
  roomNumber,
  cardholder,
  autoBillingCode: null,
  conferenceCount: 1,
  accumulatedSeconds: 60,
  chargeCents,
});

const conference = (id: string, serviceType: string, billingCode: string | null): ConferenceRow => ({
  id,
  roomNumber: '332703',
  start: '2009-05-06T07:02:11Z',
  serviceType,
  billingCode,
  pending: null,
  participantCount: 2,
  lengthSeconds: 600,
  accumulatedSeconds: 1200,
  chargeCents: 150,
});

const leg = (name: string | null, accessType: string): ParticipantRow => ({
  id: `${name}-${accessType}`,
  name,
  phone: null,
  accessType,
  joinedAt: '2009-05-06T07:02:11Z',
  leftAt: '2009-05-06T07:12:11Z',
  seconds: 600,
  chargeCents: 75,
});

describe('one table for the screen, the print layout and the Excel sheet', () => {
  it('shows the summary\u2019s conference count in Excel only', () => {
    const ids = (medium: 'screen' | 'print' | 'sheet') => columnsFor(SUMMARY_COLUMNS, medium).map((c) => c.id);
    expect(ids('screen')).toEqual(['room', 'cardholder', 'code', 'time', 'charge']);
    expect(ids('print')).toEqual(ids('screen'));
    expect(ids('sheet')).toEqual(['room', 'cardholder', 'code', 'conferences', 'time', 'charge']);
  });

  it('reads values by kind: room numbers grouped, Unallocated codes, placeholders, provider words', () => {
    const fr = context('fr');
    const [roomColumn, cardholderColumn] = SUMMARY_COLUMNS;
    expect(cellText(roomColumn!, room('332703', null, 9), fr)).toBe('33 270 3');
    expect(cellText(cardholderColumn!, room('332703', null, 9), fr)).toBe('Sans titulaire');
    const code = CONFERENCE_COLUMNS.find((c) => c.id === 'code')!;
    expect(cellText(code, conference('c1', 'Web', null), fr)).toBe('Non attribué');
    const access = PARTICIPANT_COLUMNS.find((c) => c.id === 'access')!;
    expect(cellText(access, leg('Ann', 'toll-free'), fr)).toBe('Numéro vert');
    const joined = PARTICIPANT_COLUMNS.find((c) => c.id === 'joined')!;
    expect(cellText(joined, leg('Ann', 'toll'), fr)).toBe('09:02:11');
    expect(columnHeader(joined, fr.t, 'GMT+2')).toBe('Arrivée [GMT+2]');
    expect(columnHeader(joined, fr.t, null)).toBe('Arrivée');
  });

  it('totals sums and row counts', () => {
    const en = context('en-US');
    const legs = [leg('Ann', 'toll'), leg(null, 'web')];
    const byId = (id: string) => PARTICIPANT_COLUMNS.find((c) => c.id === id)!;
    expect(totalText(byId('charge'), legs, en)).toBe('€1.50');
    expect(totalText(byId('duration'), legs, en)).toBe('00:20:00');
    expect(totalText(byId('phone'), legs, en)).toBe('2 participants');
    expect(totalText(byId('name'), legs, en)).toBeNull();
  });

  it('sorts provider words by the word shown, as the screen does, in print and Excel too', () => {
    const rows = [conference('a', 'Reservationless', 'B'), conference('b', 'Bridge', null), conference('c', 'Dial-Out', 'A'), conference('d', 'Operator Assisted', 'C')];
    const order = (language: 'en-US' | 'fr') =>
      conferenceRowsForView(rows, { column: 'service', direction: 'ascending' }, translator(language)).map((r) => r.serviceType);
    expect(order('en-US')).toEqual(['Bridge', 'Dial-Out', 'Operator Assisted', 'Reservationless']);
    // Appel sortant, Avec opérateur, Bridge, Sans réservation.
    expect(order('fr')).toEqual(['Dial-Out', 'Operator Assisted', 'Bridge', 'Reservationless']);
    const codes = conferenceRowsForView(rows, { column: 'code', direction: 'descending' }, translator('en')).map((r) => r.id);
    expect(codes).toEqual(['d', 'a', 'c', 'b']);
    expect(conferenceRowsForView(rows, { column: 'nope', direction: 'ascending' }, translator('en'))).toEqual(rows);
  });

  it('filters and sorts the summary by its columns', () => {
    const rooms = [room('320026', 'Leo', 9), room('332703', 'Marilene', 11659), room('335848', 'Jean', 1539)];
    const t = translator('en');
    expect(summaryRowsForView(rooms, '', { column: 'charge', direction: 'descending' }, t).map((r) => r.roomNumber)).toEqual(['332703', '335848', '320026']);
    expect(summaryRowsForView(rooms, 'e', null, t).map((r) => r.roomNumber)).toEqual(['320026', '332703', '335848']);
    expect(summaryRowsForView(rooms, 'mari', null, t).map((r) => r.roomNumber)).toEqual(['332703']);
  });

  it('writes Excel\u2019s own headers and raw values: names, missing cardholders empty, times as wall-clock', () => {
    const t = translator('en');
    expect(sheetColumns(PARTICIPANT_COLUMNS, t).map((c) => c.header)).toEqual(['Name', 'Phone', 'Access Type', 'Joined', 'Left', 'Duration', 'Charge']);
    expect(columnsFor(PARTICIPANT_COLUMNS, 'screen').map((c) => t(c.labelKey))[0]).toBe('Participant');
    const cells = sheetCells(PARTICIPANT_COLUMNS, { t, clock: new WallClock('Europe/Paris') })(leg(null, 'dial-out'));
    expect(cells).toEqual([null, null, 'Dial-Out', Date.UTC(2009, 4, 6, 9, 2, 11), Date.UTC(2009, 4, 6, 9, 12, 11), 600, 75]);
    expect(cellText(PARTICIPANT_COLUMNS[2]!, leg(null, 'dial-out'), context('en-US'))).toBe('Dial-out');
    const summary = sheetCells(SUMMARY_COLUMNS, { t, clock: new WallClock('UTC') })(room('332703', null, 9));
    expect(summary).toEqual(['332703', null, null, 1, 60, 9]);
    expect(sheetColumns(SUMMARY_COLUMNS, t).filter((c) => c.total).map((c) => c.header)).toEqual(['Conferences', 'Accumulated Time', 'Charge']);
  });
});

describe('times in a list that crosses a daylight-saving change (issue 15, point 9)', () => {
  const at = (id: string, start: string): ConferenceRow => ({ ...conference(id, 'Reservationless', null), start });
  const time = CONFERENCE_COLUMNS.find((c) => c.id === 'time')!;
  const march = [at('a', '2009-03-28T08:30:00Z'), at('b', '2009-03-30T08:30:00Z')];

  it('names each row its own offset when the header names two, in both languages', () => {
    for (const language of ['en-US', 'fr'] as const) {
      const offset = conferenceListOffset('Europe/Paris', march, '2009-03-01');
      expect(offset).toBe('GMT+1/+2');
      const texts = march.map((row) => cellText(time, row, { ...context(language), offset }));
      expect(texts).toEqual(language === 'fr' ? ['09:30 (GMT+1)', '10:30 (GMT+2)'] : ['9:30 AM (GMT+1)', '10:30 AM (GMT+2)']);
    }
  });

  it('keeps the short time in a month with one offset', () => {
    const may = [at('a', '2009-05-06T07:02:11Z')];
    const offset = conferenceListOffset('Europe/Paris', may, '2009-05-01');
    expect(cellText(time, may[0]!, { ...context('fr'), offset })).toBe('09:02');
  });

  it('prints what the screen shows: each row its offset under the two-offset header', () => {
    const offset = conferenceListOffset('Europe/Paris', march, '2009-03-01');
    const table = printTable(CONFERENCE_COLUMNS, march, { ...context('en-US'), offset, totalLabel: 'Total' });
    expect(table.columns[1]!.header).toBe('Time [GMT+1/+2]');
    expect(table.rows.map((row) => row[1])).toEqual(['9:30 AM (GMT+1)', '10:30 AM (GMT+2)']);
  });
});
