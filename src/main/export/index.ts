// Native Excel export of the views (what the Download button saves).
export { exportPeriodsConferences, exportView, type ExportOptions, type ExportResult, type ExportTarget } from './export-view';
export { defaultExportFileName } from './file-name';
