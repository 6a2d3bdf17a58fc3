// A view's Excel workbook written to a file: the app's Download and the CLI's
// `export` write the same workbook through this, within a scope the caller
// resolved (the app: the sign-in the view names; the CLI: its --account).
import type { Presentation, ViewRef } from '../../../shared/bridge';
import type { ViewScope } from '../../cache';
import { exportOnWorker, type ExportResult } from '../../export';
import type { FeatureDeps } from '../deps';

export function saveViewWorkbook(
  { cache }: Pick<FeatureDeps, 'cache'>,
  scope: ViewScope,
  view: ViewRef,
  presentation: Presentation,
  file: string,
  onProgress?: (rows: number, total: number | null) => void,
): Promise<ExportResult> {
  // On a worker thread: a large workbook would stall the main thread for seconds.
  return exportOnWorker(cache.read(), scope, { kind: 'view', view }, presentation, { file }, { onProgress });
}
