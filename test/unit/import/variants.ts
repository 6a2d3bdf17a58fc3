// A generator of OAI download variants for the importer's tests: the same
// conferences written as typed or text .xlsx, with or without a title block
// and a Total row, columns shuffled, header noise, extra columns and sheets,
// or as CSV (`;`/`,`, BOM or not, decimal comma). Each must import to the
// same result as its plain twin.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export interface PlainRow {
  /** YYYY-MM-DD */
  date: string;
  /** hh:mm (whole minutes, so a `09:15` variant equals its `09:15:00` twin). */
  time: string;
  room: string;
  cardholder: string;
  participants: number;
  code: string | null;
  lengthSeconds: number;
  accumulatedSeconds: number;
  chargeCents: number;
}

export const HEADERS = ['DATE', 'START TIME', 'ROOM NUMBER', 'CARDHOLDER', 'PARTICIPANTS', 'BILLING CODE', 'CONFERENCE LENGTH', 'ACCUMULATED TIME', 'CHARGES'];

export interface Variant {
  name: string;
  format: 'xlsx' | 'csv';
  typed?: boolean;
  titleBlock?: number;
  total?: boolean;
  shuffle?: boolean;
  headerNoise?: boolean;
  extraColumns?: boolean;
  sheetsBefore?: number;
  separator?: ';' | ',';
  bom?: boolean;
  /** Text money: '1 234,56 €' (comma), '1234.56' (point). */
  money?: 'comma' | 'point';
  seconds?: boolean;
  spacedRooms?: boolean;
  unallocatedWord?: string;
}

export const VARIANTS: Variant[] = [
  { name: 'plain typed', format: 'xlsx', typed: true },
  { name: 'typed, title block, Total row', format: 'xlsx', typed: true, titleBlock: 6, total: true },
  { name: 'text, hh:mm, spaced rooms, euro', format: 'xlsx', typed: false, money: 'comma', spacedRooms: true },
  { name: 'text, hh:mm:ss, decimal point, Total row', format: 'xlsx', typed: false, money: 'point', seconds: true, total: true },
  { name: 'shuffled, header noise, extra columns', format: 'xlsx', typed: true, shuffle: true, headerNoise: true, extraColumns: true },
  { name: 'several sheets, title block of 3', format: 'xlsx', typed: true, sheetsBefore: 2, titleBlock: 3 },
  { name: 'text, Non attribué', format: 'xlsx', typed: false, unallocatedWord: 'Non attribué' },
  { name: 'csv ; BOM comma', format: 'csv', separator: ';', bom: true, money: 'comma' },
  { name: 'csv ; no BOM, seconds, Total', format: 'csv', separator: ';', bom: false, money: 'comma', seconds: true, total: true },
  { name: 'csv , point, shuffled, noise', format: 'csv', separator: ',', money: 'point', shuffle: true, headerNoise: true, extraColumns: true },
  { name: 'csv , with quoted comma money, title', format: 'csv', separator: ',', money: 'comma', titleBlock: 2, spacedRooms: true, unallocatedWord: 'Unallocated' },
];

/** A month of conferences with awkward values: amounts over 1,000, 116.59, duplicates, a code-less row. */
export function sampleRows(): PlainRow[] {
  const rows: PlainRow[] = [];
  const rooms = [
    ['332703', 'Marilene BALLESTER'],
    ['318877', 'Hélène Marchand'],
    ['3350001', 'Jean "JB" Godeau; Sr.'],
  ] as const;
  for (let i = 0; i < 24; i += 1) {
    const [room, cardholder] = rooms[i % rooms.length]!;
    rows.push({
      date: `2008-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      time: `${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      room,
      cardholder,
      participants: 2 + (i % 5),
      code: i % 3 === 0 ? null : ['PROJ-ALPHA', 'RH-2009', 'Code, with comma'][i % 3]!,
      lengthSeconds: 600 + i * 97,
      accumulatedSeconds: 1800 + i * 1013 + (i === 5 ? 100_000 : 0),
      chargeCents: i === 4 ? 11_659 : i === 5 ? 123_456 : 150 + i * 37,
    });
  }
  rows.push({ ...rows[2]! }); // the same conference twice in one file: two conferences
  return rows;
}

function clockText(seconds: number, withSeconds = true): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const base = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}`;
  return withSeconds ? `${base}:${two(seconds % 60)}` : base;
}

function moneyText(cents: number, style: 'comma' | 'point'): string {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  if (style === 'point') return `${whole}.${fraction}`;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${grouped},${fraction} €`;
}

function dayText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

type Value = string | number | Date | null;

function cells(row: PlainRow, v: Variant): Value[] {
  const [h, m] = row.time.split(':').map(Number) as [number, number];
  const timeSeconds = h * 3600 + m * 60;
  const code = row.code ?? v.unallocatedWord ?? '';
  if (v.format === 'xlsx' && v.typed) {
    return [
      new Date(Date.parse(`${row.date}T00:00:00Z`)),
      timeSeconds / 86_400,
      Number(row.room),
      row.cardholder,
      row.participants,
      code,
      row.lengthSeconds / 86_400,
      row.accumulatedSeconds / 86_400,
      row.chargeCents / 100,
    ];
  }
  const room = v.spacedRooms ? row.room.replace(/(\d{2})(\d{3})(\d+)/, '$1 $2 $3') : row.room;
  return [
    dayText(row.date),
    clockText(timeSeconds, v.seconds === true),
    room,
    row.cardholder,
    String(row.participants),
    code,
    clockText(row.lengthSeconds),
    clockText(row.accumulatedSeconds),
    moneyText(row.chargeCents, v.money ?? 'comma'),
  ];
}

function totalCells(rows: PlainRow[], v: Variant): Value[] {
  const seconds = rows.reduce((s, r) => s + r.accumulatedSeconds, 0);
  const cents = rows.reduce((s, r) => s + r.chargeCents, 0);
  const typed = v.format === 'xlsx' && v.typed;
  return ['Total', null, null, null, null, null, null, typed ? seconds / 86_400 : clockText(seconds), typed ? cents / 100 : moneyText(cents, v.money ?? 'comma')];
}

/** Column order (a permutation of 0..8, plus -1 for an extra column). */
function order(v: Variant): number[] {
  const base = v.shuffle ? [8, 2, 0, 6, 4, 1, 7, 3, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8];
  return v.extraColumns ? [-1, ...base.slice(0, 4), -1, ...base.slice(4)] : base;
}

function header(index: number, v: Variant): string {
  if (index < 0) return 'NOTES';
  const name = HEADERS[index]!;
  return v.headerNoise ? `  ${name.toLowerCase().replace(' ', '  ')} ` : name;
}

function arrange(values: Value[], columns: number[], extra: Value): Value[] {
  return columns.map((index) => (index < 0 ? extra : (values[index] ?? null)));
}

const TITLE = [['MeetingOne'], ['Online Account Information'], ['Account Number', '602127'], ['Company Name', 'MeetingOne Phoenix'], ['Billing Period', 'Since 1/10/2008'], ['Room Display', 'Active Room Numbers']];

/** Writes the variant of `rows` into `dir` and returns its path. */
export async function writeVariant(dir: string, rows: PlainRow[], v: Variant): Promise<string> {
  const columns = order(v);
  const table: Value[][] = [];
  for (let i = 0; i < (v.titleBlock ?? 0); i += 1) table.push(TITLE[i % TITLE.length]!);
  if (v.titleBlock) table.push([]);
  table.push(columns.map((index) => header(index, v)));
  rows.forEach((row, i) => table.push(arrange(cells(row, v), columns, `note ${i}`)));
  if (v.total) table.push(arrange(totalCells(rows, v), columns, null));
  const file = path.join(dir, `${v.name.replace(/[^a-z0-9]+/gi, '-')}.${v.format}`);
  if (v.format === 'csv') {
    writeFileSync(file, (v.bom ? '\ufeff' : '') + table.map((line) => line.map((value) => csvField(value, v.separator ?? ';')).join(v.separator ?? ';')).join('\r\n') + '\r\n');
    return file;
  }
  const workbook = new ExcelJS.Workbook();
  for (let i = 0; i < (v.sheetsBefore ?? 0); i += 1) {
    const other = workbook.addWorksheet(`Summary ${i + 1}`);
    other.addRow(['Room', 'Conferences', 'DATE']);
    other.addRow(['332703', 3, 'x']);
  }
  const sheet = workbook.addWorksheet('Conferences');
  for (const values of table) {
    const row = sheet.addRow(values);
    if (v.typed) styleTyped(row, columns);
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

const FORMATS = ['dd/mm/yyyy', 'hh:mm:ss', '@', '@', '0', '@', '[h]:mm:ss', '[h]:mm:ss', '#,##0.00 "€"'];

function styleTyped(row: ExcelJS.Row, columns: number[]): void {
  columns.forEach((index, at) => {
    if (index >= 0) row.getCell(at + 1).numFmt = FORMATS[index]!;
  });
}

function csvField(value: Value, separator: string): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.includes(separator) || text.includes('"') || text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text;
}
