// What refuses a file: each problem with its row as Excel shows it and its
// column (letter and header), a stable code the app words in the user's
// language, and an English message for the CLI and the log.
import type { CellProblem } from './cells';

export type FileProblemCode =
  | 'time_in_gap'
  | 'total_mismatch'
  | 'no_header'
  | 'no_rows'
  | 'too_big'
  | 'too_many_rows'
  | 'xls'
  | 'unreadable'
  | 'provider_month'
  | 'no_time_zone';

export type ImportProblemCode = CellProblem | FileProblemCode;

export interface ImportProblem {
  /** The row as Excel shows it; null for the whole file. */
  row: number | null;
  /** The column's letter (A, B…), or null. */
  column: string | null;
  /** The column's header as the file writes it, or null. */
  header: string | null;
  code: ImportProblemCode;
  /** Figures or text the message quotes (a total's two figures, a month…). */
  values: Record<string, string | number>;
  /** English, for the CLI and the log. */
  message: string;
}

export function fileProblem(code: FileProblemCode, message: string, values: Record<string, string | number> = {}): ImportProblem {
  return { row: null, column: null, header: null, code, values, message };
}

/** `Row 12, column G (CONFERENCE LENGTH): …` */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.row === null ? null : `row ${problem.row}`,
    problem.column === null ? null : `column ${problem.column}${problem.header ? ` (${problem.header})` : ''}`,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${problem.message}` : problem.message;
}
