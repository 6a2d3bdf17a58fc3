// Native Excel export of every view: what the Download button saves. Reads
// the cache only (streaming the large tables), writes through exceljs's
// streaming writer into a temporary file renamed over the target.
//
// The export reads through a read-only connection of its own to the cache
// file of the connection it is given (export-reader.ts), so the app's
// connection stays free for writes while a long export runs.
import path from 'node:path';
import { presentationSchema, viewRefSchema, type Presentation, type ViewRef } from '../../shared/bridge';
import type { ReadableDB, ViewScope } from '../cache';
import { openExportReader } from './export-reader';
import { EXCEL_MAX_ROWS, ExportProgressCounter } from './sheet-table';
import { writeAboutSheet, type TitleSection } from './title-block';
import { translator } from '../../shared/i18n';
import { writePeriodsConferencesWorkbook, writeViewWorkbook, type WorkbookContent } from './view-workbooks';
import { exportFailure, writeWorkbookFile, type WorkbookOutput } from './workbook-file';

export interface ExportTarget {
  file: string;
}

export interface ExportOptions {
  /** When the export is made (title block); default now. */
  generatedAt?: Date;
  /** Called every ~1000 rows and once at the end; the total is null while unknown. */
  onProgress?: (rowsWritten: number, rowsTotal: number | null) => void;
  /** Aborting removes the temporary file and rejects with AppError code `cancelled`. */
  signal?: AbortSignal;
  /** Rows per sheet before a table continues on a new sheet (Excel's limit; smaller in tests). */
  maxRowsPerSheet?: number;
}

export interface ExportResult {
  /** The absolute path written. */
  file: string;
  /** Data rows written, over all sheets (title, header and total rows not counted). */
  rows: number;
}

/**
 * Writes the workbook of a view to `target.file`, within what `scope` (the
 * sign-in the view names, resolved by the caller) may see. Rejects with an
 * AppError: `export_failed` (the message names the path and the reason) or
 * `cancelled`; either way nothing is left at the target or beside it.
 */
export async function exportView(
  source: ReadableDB,
  scope: ViewScope,
  view: ViewRef,
  presentation: Presentation,
  target: ExportTarget,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const file = path.resolve(target.file);
  const parsedView = viewRefSchema.safeParse(view);
  const parsedPresentation = presentationSchema.safeParse(presentation);
  if (!parsedView.success || !parsedPresentation.success) {
    throw exportFailure(file, new Error('the view to export is not valid'));
  }
  return run(source, scope, file, parsedPresentation.data, options, (content) => writeViewWorkbook(content, parsedView.data));
}

/**
 * One workbook with a single Conferences sheet (OAI's download columns)
 * over several cached periods of an account, oldest first: for archiving
 * several months at once, and the benchmark.
 */
export async function exportPeriodsConferences(
  source: ReadableDB,
  scope: ViewScope,
  periods: readonly string[],
  presentation: Presentation,
  target: ExportTarget,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const file = path.resolve(target.file);
  if (periods.length === 0) throw exportFailure(file, new Error('no period to export'));
  return run(source, scope, file, presentation, options, (content) => writePeriodsConferencesWorkbook(content, periods));
}

async function run(
  source: ReadableDB,
  scope: ViewScope,
  file: string,
  presentation: Presentation,
  options: ExportOptions,
  write: (content: WorkbookContent) => Promise<void>,
): Promise<ExportResult> {
  const progress = new ExportProgressCounter(options.onProgress);
  await writeWorkbookFile(file, options.signal, async (output: WorkbookOutput) => {
    const reader = openExportReader(source);
    const titles: TitleSection[] = [];
    try {
      await write({
        db: reader.db,
        scope,
        presentation,
        generatedAt: options.generatedAt ?? new Date(),
        table: { output, presentation, progress, maxRowsPerSheet: Math.min(options.maxRowsPerSheet ?? EXCEL_MAX_ROWS, EXCEL_MAX_ROWS), titles },
      });
    } finally {
      reader.close();
    }
    await writeAboutSheet(output, titles, translator(presentation.language)('sheet.about'), presentation);
  });
  progress.total = progress.rows;
  progress.notify();
  return { file, rows: progress.rows };
}
