// Native Excel export of the views (what the Download button saves).
export { exportOnWorker, type ExportJob } from './export-thread';
export { exportPeriodsConferences, exportView, type ExportOptions, type ExportResult, type ExportTarget } from './export-view';
export { defaultExportFileName } from './file-name';
export { viewFileName } from './view-file-name';
