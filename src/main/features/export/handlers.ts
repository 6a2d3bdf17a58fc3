// Download (Excel), Print and Save as PDF of a view. The renderer sends what
// the view shows (a ViewRef and the presentation), never a path: main asks
// the shell where to save and reads the rows itself.
import type { ExportProgress, ViewRef } from '../../../shared/bridge';
import { printRouteHash } from '../../../shared/print-route';
import { writeFileAtomically } from '../../app/save-file';
import type { FeatureHandlers } from '../../bridge/handlers';
import { defaultExportFileName } from '../../export';
import type { EmitBridgeEvent, FeatureDeps } from '../deps';
import { saveViewWorkbook } from './workbook';

type ReportRows = (rows: number, total: number | null) => void;

/** Tells the renderer an export runs, its rows as they come, and that it ended, however it ended. */
async function withExportProgress<T>(emit: EmitBridgeEvent, kind: ExportProgress['kind'], work: (report: ReportRows) => Promise<T>): Promise<T> {
  const report = (rows: number, total: number | null, done: boolean) => emit('exportProgress', { kind, rows, total, done });
  report(0, null, false);
  try {
    return await work((rows, total) => report(rows, total, false));
  } finally {
    report(0, null, true);
  }
}

const pdfName = (view: ViewRef) => defaultExportFileName(view).replace(/\.xlsx$/, '.pdf');

export function exportHandlers(deps: Pick<FeatureDeps, 'cache' | 'integration' | 'emit' | 'log'>) {
  const { integration, emit, log } = deps;
  return {
    exportView: async ({ view, presentation }) => {
      const file = await integration.chooseSaveFile(defaultExportFileName(view), 'xlsx');
      if (file === null) return { status: 'cancelled' as const, path: null };
      await withExportProgress(emit, 'xlsx', (report) => saveViewWorkbook(deps, view, presentation, file, report));
      log.info(`exported ${view.kind} to ${file}`);
      return { status: 'saved' as const, path: file };
    },
    printView: ({ view, presentation }) =>
      withExportProgress(emit, 'print', () => integration.print(printRouteHash(view, presentation), pdfName(view))),
    savePdf: async ({ view, presentation }) => {
      const file = await integration.chooseSaveFile(pdfName(view), 'pdf');
      if (file === null) return { status: 'cancelled' as const, path: null };
      await withExportProgress(emit, 'pdf', async () => writeFileAtomically(file, await integration.renderPdf(printRouteHash(view, presentation))));
      return { status: 'saved' as const, path: file };
    },
  } satisfies FeatureHandlers<'exportView' | 'printView' | 'savePdf'>;
}
