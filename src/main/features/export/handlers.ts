// Download (Excel), Print and Save as PDF of a view. The renderer sends what
// the view shows (a ViewRef naming its sign-in, and the presentation), never
// a path: main asks the shell where to save and reads the rows the sign-in
// may see itself. The print layout is the renderer's print route, whose
// calls name the same sign-in.
import type { ExportProgress, Presentation, ViewRef } from '../../../shared/bridge';
import { printRouteHash } from '../../../shared/print-route';
import { writeFileAtomically } from '../../app/save-file';
import type { FeatureHandlers } from '../../bridge/handlers';
import { viewFileName } from '../../export';
import type { EmitBridgeEvent, FeatureDeps } from '../deps';
import { requireRoomInScope, resolveScope, type ViewScope } from '../scope';
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

export function exportHandlers(deps: Pick<FeatureDeps, 'cache' | 'profiles' | 'integration' | 'emit' | 'log'>) {
  const { integration, emit, log } = deps;
  /** The view's sign-in's scope; a room view of another room is not found before anything is asked or written. */
  const scopeOf = (view: ViewRef): ViewScope => {
    const scope = resolveScope(deps.profiles, view.profileId);
    if (view.kind === 'room') requireRoomInScope(scope, view.roomNumber);
    return scope;
  };
  const fileName = (view: ViewRef, scope: ViewScope, presentation: Presentation, extension: 'xlsx' | 'pdf') =>
    viewFileName(deps.cache.read(), scope, view, presentation, extension);
  return {
    exportView: async ({ view, presentation }) => {
      const scope = scopeOf(view);
      const file = await integration.chooseSaveFile(fileName(view, scope, presentation, 'xlsx'), 'xlsx');
      if (file === null) return { status: 'cancelled' as const, path: null };
      await withExportProgress(emit, 'xlsx', (report) => saveViewWorkbook(deps, scope, view, presentation, file, report));
      log.info(`exported ${view.kind} to ${file}`);
      return { status: 'saved' as const, path: file };
    },
    printView: ({ view, presentation }) => {
      const scope = scopeOf(view);
      return withExportProgress(emit, 'print', () => integration.print(printRouteHash(view, presentation), fileName(view, scope, presentation, 'pdf')));
    },
    savePdf: async ({ view, presentation }) => {
      const file = await integration.chooseSaveFile(fileName(view, scopeOf(view), presentation, 'pdf'), 'pdf');
      if (file === null) return { status: 'cancelled' as const, path: null };
      await withExportProgress(emit, 'pdf', async () => writeFileAtomically(file, await integration.renderPdf(printRouteHash(view, presentation))));
      return { status: 'saved' as const, path: file };
    },
  } satisfies FeatureHandlers<'exportView' | 'printView' | 'savePdf'>;
}
