// What both readers (xlsx-rows, csv-rows) hand over: rows of cells in file
// order, numbered as Excel shows them.
import type { Cell } from './cells';

export interface SheetRow {
  /** 1-based sheet number in the file (always 1 for a CSV). */
  sheet: number;
  /** The row number Excel shows. */
  number: number;
  /** Index 0 is column A. */
  cells: Cell[];
}
