// A view's Excel workbook written to a file: the app's Download and the CLI's
// `export` write the same workbook through this.
import type { Presentation, ViewRef } from '../../../shared/bridge';
import { exportView, type ExportResult } from '../../export';
import type { FeatureDeps } from '../deps';

export function saveViewWorkbook(
  { cache }: Pick<FeatureDeps, 'cache'>,
  view: ViewRef,
  presentation: Presentation,
  file: string,
  onProgress?: (rows: number, total: number | null) => void,
): Promise<ExportResult> {
  return exportView(cache.read(), view, presentation, { file }, { onProgress });
}
