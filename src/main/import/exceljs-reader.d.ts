// exceljs's streaming reader on its own: the package's main entry loads the
// writers too (about 100 ms more at every import thread's start).
declare module 'exceljs/lib/stream/xlsx/workbook-reader.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookReader: typeof ExcelJS.stream.xlsx.WorkbookReader;
  export default WorkbookReader;
}
