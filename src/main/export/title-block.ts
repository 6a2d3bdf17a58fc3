// Where a table's title block (account, company, billing period, when the
// data was synced, the time zone of its times…) goes, so that on screen only
// the column header is frozen: the printed page's header and footer of the
// table's sheet, and an "About" sheet at the end of the workbook listing the
// title block of each table.
import type ExcelJS from 'exceljs';
import type { FormatOptions } from '../../shared/format';
import { dateTimeFormat, excelDateTime, xmlSafeText } from './excel-values';
import type { FactValue, TitleBlock } from './sheet-table';
import type { WorkbookOutput } from './workbook-file';

/** One table's title block, in the order the tables were written. */
export interface TitleSection {
  sheetName: string;
  title: TitleBlock;
}

// Full font descriptions: a font with only <b/> leaves its size and face to the reader.
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
const HEADING_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, bold: true, size: 14 } };
const LABEL_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, bold: true } };
const NOTE_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, italic: true } };

/** The sheet that keeps every table's title block readable on screen. */
export async function writeAboutSheet(output: WorkbookOutput, sections: readonly TitleSection[], name: string, presentation: FormatOptions): Promise<void> {
  const labels = sections.flatMap(({ title }) => [...title.facts.map(([label]) => label.length)]);
  const sheet = output.workbook.addWorksheet(name, { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: Math.min(50, Math.max(12, ...labels) + 2) }, { width: 50 }];
  const valueStyle: Partial<ExcelJS.Style> = { numFmt: dateTimeFormat(presentation), alignment: { horizontal: 'left' } };
  let rowNumber = 1;
  const line = (label: string, style: Partial<ExcelJS.Style>, value?: FactValue) => {
    const row = sheet.getRow(rowNumber++);
    const labelCell = row.getCell(1);
    labelCell.value = xmlSafeText(label);
    labelCell.style = style;
    if (typeof value === 'string') row.getCell(2).value = xmlSafeText(value);
    if (typeof value === 'object') {
      row.getCell(2).value = excelDateTime(value.localMs);
      row.getCell(2).style = valueStyle;
    }
    row.commit();
  };
  for (const { sheetName, title } of sections) {
    line(title.heading, HEADING_STYLE, sheetName);
    for (const [label, value] of title.facts) line(label, LABEL_STYLE, value);
    for (const note of title.notes) line(note, NOTE_STYLE);
    rowNumber += 1;
  }
  sheet.commit();
  await output.checkpoint(null);
}

/**
 * The printed page's header (heading; account, company and period; page n
 * of m) and footer (the other facts and the notes) of a table's sheet.
 */
export function pageHeaderFooter(title: TitleBlock, presentation: FormatOptions): Partial<ExcelJS.HeaderFooter> {
  const values = title.facts.map(([, value]) => factText(value, presentation));
  const labelled = title.facts.map(([label, value]) => `${label}: ${factText(value, presentation)}`);
  // Facts: account, company, period, the view's own, then time zone, generated and data as of (Sheets.title).
  const header = `&L&B${escaped(title.heading, 60)}&B&C${escaped(values.slice(0, 3).filter((v) => v !== '').join(' · '), 90)}&R&P / &N`;
  const footer = `&L${escaped([...labelled.slice(3, -3), ...title.notes].join(' · '), 100)}&R${escaped(labelled.slice(-3).join(' · '), 120)}`;
  return { oddHeader: header, oddFooter: footer };
}

function factText(value: FactValue, presentation: FormatOptions): string {
  return typeof value === 'string' ? value : localDateTimeText(value.localMs, presentation);
}

/** A local date-time as the workbook's date-time format shows it (see dateTimeFormat). */
function localDateTimeText(localMs: number, p: FormatOptions): string {
  const iso = new Date(localMs).toISOString();
  const [year, month, day, hours, minutes] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), Number(iso.slice(11, 13)), iso.slice(14, 16)];
  if (p.dateStyle === 'iso') return `${year}-${month}-${day} ${String(hours).padStart(2, '0')}:${minutes}`;
  if (p.language === 'en-US') return `${Number(month)}/${Number(day)}/${year} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${day}/${month}/${year} ${String(hours).padStart(2, '0')}:${minutes}`;
}

/**
 * Text for a header or footer, at most `max` characters before escaping
 * (Excel takes 255 per header or footer, codes included): "&" starts a code
 * there, so a literal one is doubled.
 */
function escaped(text: string, max: number): string {
  const line = xmlSafeText(text).replace(/[\r\n]+/g, ' ');
  const clipped = line.length <= max ? line : `${line.slice(0, max - 1)}…`;
  return clipped.replace(/&/g, '&&');
}
