// The printed page's margin boxes (running header, footer, page numbers).
// Their text is translated and dynamic, and CSS cannot read it from the DOM,
// so the rule is built here and inserted through the CSSOM: the CSP
// (style-src 'self') forbids <style> elements and style attributes, not
// CSSOM edits of our own stylesheet.

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/**
 * CSS `content` for a translated template whose `{page}` and `{pages}` are
 * the page counters, e.g. `Page {page} / {pages}` →
 * `"Page " counter(page) " / " counter(pages)`.
 */
export function counterContent(template: string): string {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export interface PageBoxes {
  /** Every page, bottom left: when it was generated, and who to call. */
  footer: string;
  /** Every page, bottom right: the page number template. */
  pageNumber: string;
  /** Pages 2 and after, top left: what the document is. */
  runningHeader: string;
}

const BOX_STYLE = "font-family: system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 8pt; color: #444;";

export function pageRules(boxes: PageBoxes): string[] {
  return [
    '@page {' +
      ` @bottom-left { content: ${cssString(boxes.footer)}; ${BOX_STYLE} vertical-align: top; }` +
      ` @bottom-right { content: ${counterContent(boxes.pageNumber)}; ${BOX_STYLE} vertical-align: top; white-space: nowrap; }` +
      ` @top-left { content: ${cssString(boxes.runningHeader)}; ${BOX_STYLE} vertical-align: bottom; }` +
      ' }',
    // The first page has the full header block instead.
    '@page :first { @top-left { content: none; } }',
  ];
}

/** What this module needs of a CSSStyleSheet (so it also runs under test without a DOM). */
export interface EditableStyleSheet {
  readonly cssRules: { readonly length: number };
  insertRule(rule: string, index?: number): number;
}

/** Appends the rules to the app's own stylesheet (of `document.styleSheets`); returns how many were accepted. */
export function installPageRules(boxes: PageBoxes, sheets: ArrayLike<EditableStyleSheet>): number {
  const sheet = ownStyleSheet(sheets);
  if (!sheet) return 0;
  let installed = 0;
  for (const rule of pageRules(boxes)) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
      installed += 1;
    } catch {
      // A browser without @page margin boxes: the page still prints, without them.
    }
  }
  return installed;
}

/** The first stylesheet whose rules this page may edit (same origin). */
function ownStyleSheet(sheets: ArrayLike<EditableStyleSheet>): EditableStyleSheet | null {
  for (const sheet of Array.from(sheets)) {
    try {
      void sheet.cssRules.length;
      return sheet;
    } catch {
      // Cross-origin sheet: not ours.
    }
  }
  return null;
}
