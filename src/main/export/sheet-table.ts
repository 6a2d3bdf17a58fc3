// One table streamed into worksheets: a bold header row on row 1, frozen
// alone and repeated on every printed page, with an autofilter, the rows committed one by one, and a bold Total row
// of SUM formulas carrying their results. Column widths are fitted to the
// header and the first rows (buffered until the widths are known). A table
// longer than Excel's row limit continues on a sheet "<name> (2)", each with
// its own header and total. The table's title block goes to the printed
// page's header and footer and to the workbook's About sheet (title-block.ts).
import type ExcelJS from 'exceljs';
import {
  COUNT_FORMAT,
  PERCENT_FORMAT,
  DURATION_FORMAT,
  TIME_FORMAT,
  countText,
  dateFormat,
  dateTimeFormat,
  durationText,
  excelDateTime,
  excelDay,
  excelDuration,
  excelMoney,
  excelTimeOfDay,
  moneyFormat,
  moneyText,
  xmlSafeText,
} from './excel-values';
import type { FormatOptions } from '../../shared/format';
import { pageHeaderFooter, type TitleSection } from './title-block';
import type { WorkbookOutput } from './workbook-file';

/**
 * How a column's values are given and shown:
 * text (string), count (integer), date / time / dateTime (local
 * milliseconds, see WallClock), duration (seconds), money (cents).
 */
export type ColumnKind = 'text' | 'count' | 'date' | 'time' | 'dateTime' | 'duration' | 'money' | 'percent';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Summed on the Total row. */
  total?: boolean;
  /** The row's SUM of these columns (0-based, first and last), carrying the row's value as its result. */
  rowSum?: readonly [first: number, last: number];
}

/** A number shown with a format of its own, e.g. a time naming its UTC offset: `hh:mm:ss "(GMT+1)"`. */
export interface FormattedNumber {
  value: number;
  numFmt: string;
}

export type CellInput = string | number | FormattedNumber | null;

/** A title-block value: text, or a local date-time (local milliseconds). */
export type FactValue = string | { localMs: number };

export interface TitleBlock {
  heading: string;
  facts: readonly (readonly [label: string, value: FactValue])[];
  /** Lines shown after the facts, e.g. that the month is archived. */
  notes: readonly string[];
}

export interface TableSpec {
  sheetName: string;
  title: TitleBlock;
  columns: readonly TableColumn[];
  /** Label of the Total row, in the first column. */
  totalLabel: string;
}

export interface TableContext {
  output: WorkbookOutput;
  presentation: FormatOptions;
  currency: string;
  progress: ExportProgressCounter;
  /** Excel's limit; smaller in tests. */
  maxRowsPerSheet: number;
  /** Each table's title block, for the About sheet written after the tables. */
  titles: TitleSection[];
}

export const EXCEL_MAX_ROWS = 1_048_576;
/** Rows buffered to fit the column widths before the first one is written. */
const WIDTH_SAMPLE_ROWS = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** Rows between checkpoints (progress, cancellation, backpressure). */
export const CHECKPOINT_ROWS = 1000;

/** Counts the data rows of a whole workbook and reports them every CHECKPOINT_ROWS rows. */
export class ExportProgressCounter {
  rows = 0;
  total: number | null = null;

  constructor(private readonly report: ((rowsWritten: number, rowsTotal: number | null) => void) | undefined) {}

  /** true every CHECKPOINT_ROWS rows. */
  count(): boolean {
    this.rows += 1;
    if (this.rows % CHECKPOINT_ROWS !== 0) return false;
    this.notify();
    return true;
  }

  notify(): void {
    this.report?.(this.rows, this.total === null ? null : Math.max(this.total, this.rows));
  }
}

interface ColumnStyles {
  data: Partial<ExcelJS.Style>;
  total: Partial<ExcelJS.Style>;
}

// Full font descriptions: a font with only <b/> leaves its size and face to the reader.
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
const BOLD: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: BOLD,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } },
  border: { bottom: { style: 'thin' } },
  alignment: { vertical: 'middle' },
};
/** Printed across, as wide as the page, as many pages tall as needed. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const TEXT_STYLE: Partial<ExcelJS.Style> = {};

export class StreamedTable {
  private readonly styles: ColumnStyles[];
  private sample: CellInput[][] | null = [];
  private widths: number[] = [];
  private sheet: ExcelJS.Worksheet | null = null;
  private part = 0;
  private rowNumber = 0;
  private headerRow = 0;
  private sums: number[] = [];
  private rowsInSheet = 0;

  constructor(
    private readonly context: TableContext,
    private readonly spec: TableSpec,
  ) {
    const p = context.presentation;
    this.styles = spec.columns.map((column) => {
      const numFmt = numberFormat(column.kind, p, context.currency);
      const data: Partial<ExcelJS.Style> = numFmt === null ? TEXT_STYLE : { numFmt };
      const total: Partial<ExcelJS.Style> = { ...data, font: BOLD, border: { top: { style: 'thin' } } };
      return { data, total };
    });
  }

  /** Adds one row, values in column order. */
  async add(values: CellInput[]): Promise<void> {
    if (this.sample !== null) {
      this.sample.push(values);
      if (this.sample.length >= WIDTH_SAMPLE_ROWS) await this.flushSample(false);
      return;
    }
    await this.write(values);
  }

  /** Writes the Total row and commits the last sheet. */
  async finish(): Promise<void> {
    if (this.sample !== null) await this.flushSample(true);
    this.closeSheet();
    await this.context.output.checkpoint(null);
  }

  /** `complete`: the sample is the whole table, so its sums are the totals. */
  private async flushSample(complete: boolean): Promise<void> {
    const sample = this.sample ?? [];
    this.sample = null;
    this.widths = this.fitWidths(sample, complete ? 1 : 10);
    this.openSheet();
    for (const values of sample) await this.write(values);
  }

  private async write(values: CellInput[]): Promise<void> {
    // Keep the last row of a sheet for its Total.
    if (this.rowNumber + 1 >= this.context.maxRowsPerSheet) {
      this.closeSheet();
      this.openSheet();
    }
    const sheet = this.sheet!;
    this.rowNumber += 1;
    this.rowsInSheet += 1;
    const row = sheet.getRow(this.rowNumber);
    this.spec.columns.forEach((column, index) => {
      const input = values[index] ?? null;
      if (input === null) return;
      const own = typeof input === 'object' ? input : null;
      const value = typeof input === 'object' ? input.value : input;
      if (column.total === true && typeof value === 'number') this.sums[index]! += value;
      const cell = row.getCell(index + 1);
      const sum = column.rowSum;
      cell.value =
        sum && typeof value === 'number'
          ? { formula: `SUM(${columnLetter(sum[0] + 1)}${this.rowNumber}:${columnLetter(sum[1] + 1)}${this.rowNumber})`, result: cellValue(column.kind, value) as number }
          : cellValue(column.kind, value);
      cell.style = own ? { ...this.styles[index]!.data, numFmt: own.numFmt } : this.styles[index]!.data;
    });
    row.commit();
    if (this.context.progress.count()) await this.context.output.checkpoint(sheet);
  }

  private openSheet(): void {
    this.part += 1;
    const { title, columns } = this.spec;
    const name = sheetName(this.part === 1 ? this.spec.sheetName : `${this.spec.sheetName} (${this.part})`);
    // The header alone on row 1: frozen on screen, repeated on printed pages.
    this.headerRow = 1;
    if (this.headerRow + 2 > this.context.maxRowsPerSheet) throw new Error('a sheet must hold the header, a row and the total');
    const sheet = this.context.output.workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: this.headerRow, topLeftCell: `A${this.headerRow + 1}` }],
      pageSetup: { ...PAGE_SETUP, printTitlesRow: `${this.headerRow}:${this.headerRow}` },
      headerFooter: pageHeaderFooter(title, this.context.presentation),
    });
    if (this.part === 1) this.context.titles.push({ sheetName: name, title });
    sheet.columns = this.widths.map((width) => ({ width }));
    this.sheet = sheet;
    this.rowNumber = 0;
    this.rowsInSheet = 0;
    this.sums = columns.map(() => 0);
    const header = sheet.getRow(this.headerRow);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = xmlSafeText(column.header);
      cell.style = HEADER_STYLE;
    });
    header.commit();
    this.rowNumber = this.headerRow;
  }

  private closeSheet(): void {
    const sheet = this.sheet;
    if (sheet === null) return;
    const { columns } = this.spec;
    const first = this.headerRow + 1;
    const last = this.rowNumber;
    const totalRow = sheet.getRow(last + 1);
    columns.forEach((column, index) => {
      const cell = totalRow.getCell(index + 1);
      if (index === 0 && column.total !== true) {
        cell.value = xmlSafeText(this.spec.totalLabel);
      } else if (column.total === true) {
        const letter = columnLetter(index + 1);
        const result = totalResult(column.kind, this.sums[index] ?? 0);
        // An empty table has no range to sum: its total is a plain 0.
        cell.value = { formula: this.rowsInSheet > 0 ? `SUM(${letter}${first}:${letter}${last})` : '0', result };
      }
      cell.style = this.styles[index]!.total;
    });
    totalRow.commit();
    sheet.autoFilter = `A${this.headerRow}:${columnLetter(columns.length)}${Math.max(last, this.headerRow)}`;
    sheet.commit();
    this.sheet = null;
  }

  private fitWidths(sample: readonly CellInput[][], totalFactor: number): number[] {
    const { columns } = this.spec;
    const { presentation, currency } = this.context;
    const sums = columns.map(() => 0);
    const widest = columns.map((column, index) => {
      let width = column.header.length;
      for (const values of sample) {
        const input = values[index] ?? null;
        if (input === null) continue;
        // A format of its own adds its quoted words: `hh:mm:ss "(GMT+1)"` is 8 + 8 wide.
        const [value, extra] = typeof input === 'object' ? [input.value, input.numFmt.replace(/^[^"]*/, '').length - 1] : [input, 0];
        if (typeof value === 'number') sums[index]! += value;
        width = Math.max(width, shownLength(column.kind, value, presentation, currency) + extra);
      }
      return width;
    });
    // Totals are wider than any one row; when more rows follow, leave room for ten times the sample's sum.
    columns.forEach((column, index) => {
      if (column.total === true) {
        widest[index] = Math.max(widest[index]!, shownLength(column.kind, sums[index]! * totalFactor, presentation, currency));
      }
    });
    widest[0] = Math.max(widest[0]!, this.spec.totalLabel.length);
    return widest.map((width) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2)));
  }
}

function numberFormat(kind: ColumnKind, p: FormatOptions, currency: string): string | null {
  switch (kind) {
    case 'text':
      return null;
    case 'count':
      return COUNT_FORMAT;
    case 'date':
      return dateFormat(p);
    case 'time':
      return TIME_FORMAT;
    case 'dateTime':
      return dateTimeFormat(p);
    case 'duration':
      return DURATION_FORMAT;
    case 'money':
      return moneyFormat(currency, p.language);
    case 'percent':
      return PERCENT_FORMAT;
  }
}

function cellValue(kind: ColumnKind, value: string | number): ExcelJS.CellValue {
  if (typeof value === 'string') return xmlSafeText(value);
  switch (kind) {
    case 'text':
      return String(value);
    case 'count':
      return value;
    case 'date':
      return excelDay(value);
    case 'time':
      return excelTimeOfDay(value);
    case 'dateTime':
      return excelDateTime(value);
    case 'duration':
      return excelDuration(value);
    case 'money':
      return excelMoney(value);
    case 'percent':
      return value;
  }
}

function totalResult(kind: ColumnKind, sum: number): number {
  if (kind === 'duration') return excelDuration(sum);
  if (kind === 'money') return excelMoney(sum);
  return sum;
}

function shownLength(kind: ColumnKind, value: string | number, p: FormatOptions, currency: string): number {
  if (typeof value === 'string') return value.length;
  switch (kind) {
    case 'text':
      return String(value).length;
    case 'count':
      return countText(value).length;
    case 'date':
      return 10;
    case 'time':
      return 8;
    case 'dateTime':
      return p.language === 'en-US' && p.dateStyle === 'locale' ? 19 : 16;
    case 'duration':
      return durationText(value).length;
    case 'money':
      return moneyText(value, currency).length;
    case 'percent':
      return 7;
  }
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], no control character. */
export function sheetName(name: string): string {
  const shown = xmlSafeText(name).replace(/[\t\n\r]/g, '');
  // An apostrophe would end the quoted sheet name of the print titles' defined name.
  return shown.replace(/[:\\/?*[\]]/g, '-').replace(/'/g, '’').slice(0, 31) || 'Sheet';
}
