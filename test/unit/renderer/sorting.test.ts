import { describe, expect, it } from 'vitest';
import { compareSortValues, foldText, nextSort, roomMatchesFilter, sortRows } from '../../../src/shared/view-rules';
import { parseBillingCodeInput, shownBillingCode } from '../../../src/renderer/src/billing-code';

const rooms = [
  { roomNumber: '335848', cardholder: 'Jean-Baptiste Godeau', autoBillingCode: 'PROJ-2', chargeCents: 1539 },
  { roomNumber: '320026', cardholder: 'Leo', autoBillingCode: null, chargeCents: 9 },
  { roomNumber: '332703', cardholder: 'Marilene BALLESTER', autoBillingCode: 'ADMIN', chargeCents: 11659 },
  { roomNumber: '301000', cardholder: null, autoBillingCode: 'proj-10', chargeCents: 9 },
  { roomNumber: '390000', cardholder: 'Élodie Faure', autoBillingCode: '', chargeCents: 500 },
];

describe('sorting rows', () => {
  it('sorts numbers both ways and keeps ties in their original order', () => {
    expect(sortRows(rooms, (r) => r.chargeCents, 'ascending').map((r) => r.roomNumber)).toEqual([
      '320026', '301000', '390000', '335848', '332703',
    ]);
    expect(sortRows(rooms, (r) => r.chargeCents, 'descending').map((r) => r.roomNumber)).toEqual([
      '332703', '335848', '390000', '320026', '301000',
    ]);
  });

  it('sorts text naturally and case-insensitively, with missing values last either way', () => {
    const byCode = (direction: 'ascending' | 'descending') =>
      sortRows(rooms, (r) => r.autoBillingCode, direction).map((r) => r.autoBillingCode);
    expect(byCode('ascending')).toEqual(['ADMIN', 'PROJ-2', 'proj-10', null, '']);
    expect(byCode('descending')).toEqual(['proj-10', 'PROJ-2', 'ADMIN', null, '']);
    expect(sortRows(rooms, (r) => r.cardholder, 'ascending').map((r) => r.cardholder)).toEqual([
      'Élodie Faure', 'Jean-Baptiste Godeau', 'Leo', 'Marilene BALLESTER', null,
    ]);
  });

  it('does not change the input', () => {
    const before = rooms.map((r) => r.roomNumber);
    sortRows(rooms, (r) => r.roomNumber, 'descending');
    expect(rooms.map((r) => r.roomNumber)).toEqual(before);
  });

  it('compares values with nulls last', () => {
    expect(compareSortValues(1, 2)).toBeLessThan(0);
    expect(compareSortValues('b', 'A')).toBeGreaterThan(0);
    expect(compareSortValues(null, 'A')).toBeGreaterThan(0);
    expect(compareSortValues(null, null)).toBe(0);
  });

  it('flips the direction on a second click and starts a new column ascending', () => {
    expect(nextSort(null, 'charge')).toEqual({ column: 'charge', direction: 'ascending' });
    expect(nextSort({ column: 'charge', direction: 'ascending' }, 'charge')).toEqual({ column: 'charge', direction: 'descending' });
    expect(nextSort({ column: 'charge', direction: 'descending' }, 'charge')).toEqual({ column: 'charge', direction: 'ascending' });
    expect(nextSort({ column: 'charge', direction: 'descending' }, 'room')).toEqual({ column: 'room', direction: 'ascending' });
  });
});

describe('filtering rooms', () => {
  const matching = (query: string) => rooms.filter((r) => roomMatchesFilter(r, query)).map((r) => r.roomNumber);

  it('finds a room by its number typed with or without the display spaces', () => {
    expect(matching('332703')).toEqual(['332703']);
    expect(matching('33 270 3')).toEqual(['332703']);
    expect(matching('33 2')).toEqual(['332703']);
    expect(matching('00')).toEqual(['320026', '301000', '390000']);
  });

  it('finds rooms by cardholder or code, ignoring case and accents', () => {
    expect(matching('ballester')).toEqual(['332703']);
    expect(matching('elodie')).toEqual(['390000']);
    expect(matching('proj')).toEqual(['335848', '301000']);
    expect(matching('  ')).toEqual(rooms.map((r) => r.roomNumber));
    expect(matching('nobody')).toEqual([]);
  });

  it('folds text', () => {
    expect(foldText('Élodie FAURE')).toBe('elodie faure');
  });
});

describe('billing code input', () => {
  it('accepts the provider rule and trims', () => {
    expect(parseBillingCodeInput('PROJ-42')).toEqual({ ok: true, billingCode: 'PROJ-42' });
    expect(parseBillingCodeInput('  Café 2009_a.b ')).toEqual({ ok: true, billingCode: 'Café 2009_a.b' });
    expect(parseBillingCodeInput('12345678901234567890')).toEqual({ ok: true, billingCode: '12345678901234567890' });
  });

  it('turns blank into Unallocated', () => {
    expect(parseBillingCodeInput('')).toEqual({ ok: true, billingCode: null });
    expect(parseBillingCodeInput('   ')).toEqual({ ok: true, billingCode: null });
  });

  it('refuses codes the provider would refuse', () => {
    expect(parseBillingCodeInput('123456789012345678901')).toEqual({ ok: false, reason: 'too_long' });
    expect(parseBillingCodeInput('PROJ/42')).toEqual({ ok: false, reason: 'bad_characters' });
    expect(parseBillingCodeInput('a;b')).toEqual({ ok: false, reason: 'bad_characters' });
  });

  it('shows a pending change at once, but the provider code after a refusal', () => {
    const pending = (state: 'pending' | 'sent' | 'failed') => ({
      outboxId: 1, billingCode: 'NEW', state, errorCode: null, errorMessage: null,
    });
    expect(shownBillingCode({ billingCode: 'OLD', pending: null })).toBe('OLD');
    expect(shownBillingCode({ billingCode: 'OLD', pending: pending('pending') })).toBe('NEW');
    expect(shownBillingCode({ billingCode: 'OLD', pending: pending('sent') })).toBe('NEW');
    expect(shownBillingCode({ billingCode: 'OLD', pending: pending('failed') })).toBe('OLD');
    expect(shownBillingCode({ billingCode: 'OLD', pending: { ...pending('pending'), billingCode: null } })).toBeNull();
  });
});
