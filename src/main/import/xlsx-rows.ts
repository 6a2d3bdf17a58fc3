// .xlsx rows streamed with exceljs's WorkbookReader: the file is read as a
// zip stream, sheet by sheet, never loaded whole. Typed cells become numbers
// (dates and times as Excel serials), formulas their saved result.
import type ExcelJS from 'exceljs';
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import { dateToSerial, EMPTY, type Cell } from './cells';
import type { SheetRow } from './sheet-rows';

/** Rows of every sheet in file order; the caller may stop early (return()). */
export async function* xlsxRows(file: string): AsyncGenerator<SheetRow> {
  // Styles are read so that date-formatted numbers come as Dates (1904-date workbooks included).
  const reader = new WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // A zip's parts come in any order, and the reader parses a sheet before
  // xl/workbook.xml once it has the shared strings and relationships; it then
  // read a date cell's workbook properties, or the sheets' names, from nothing
  // and threw (the app's own streaming writer adds workbook.xml last). Until
  // workbook.xml arrives: no sheet names (the header is found by content) and
  // the 1900 date system (1904 workbooks come from Excel, which writes
  // workbook.xml before its sheets).
  const early = reader as unknown as { model?: { sheets?: unknown[] }; properties?: object };
  early.model ??= { sheets: [] };
  early.properties ??= {};
  let sheet = 0;
  for await (const worksheet of reader) {
    sheet += 1;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells: Cell[] = [];
      // exceljs's row.values is 1-based (index 0 unused).
      const values = row.values as ExcelJS.CellValue[];
      for (let column = 1; column < values.length; column += 1) cells.push(toCell(values[column]));
      yield { sheet, number: row.number, cells };
    }
  }
}

/** One exceljs cell value as a Cell. */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return { kind: 'number', value: dateToSerial(value) };
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as { result?: unknown };
    if (result === undefined || result === null) return { kind: 'formula-without-result' };
    if (typeof result === 'object' && 'error' in result) return { kind: 'error', text: String((result).error) };
    return toCell(result as ExcelJS.CellValue);
  }
  if ('text' in value) return { kind: 'text', text: String(value.text) };
  return EMPTY;
}
