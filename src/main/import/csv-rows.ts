// CSV as Excel saves it in Europe, streamed: `;` or `,` separated (chosen
// from the header line), UTF-8 with or without a BOM, RFC 4180 quotes
// (a quoted field may hold separators, doubled quotes and line breaks).
// Every cell is text; the row number is the record's, as Excel shows it.
import type { Cell } from './cells';
import type { SheetRow } from './sheet-rows';

const HEADER_HINT = /DATE/i;
/** Lines read at most to find the header line before choosing the separator anyway. */
const DETECT_LINES = 200;

export async function* csvRows(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let tokenizer: CsvTokenizer | null = null;
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (tokenizer === null) {
      pending += text;
      const separator = detectSeparator(pending, false);
      if (separator === null) continue;
      tokenizer = new CsvTokenizer(separator);
      yield* tokenizer.push(pending);
      pending = '';
    } else {
      yield* tokenizer.push(text);
    }
  }
  const rest = decoder.decode();
  tokenizer ??= new CsvTokenizer(detectSeparator(pending, true) ?? ';');
  yield* tokenizer.push(pending + rest);
  yield* tokenizer.end();
}

/** The separator of the header line (the first with DATE in it), or of the first line with one; null while undecided. */
export function detectSeparator(text: string, atEnd: boolean): ';' | ',' | null {
  const lines = text.split(/\r?\n/);
  const complete = atEnd ? lines : lines.slice(0, -1);
  const withSeparator = complete.filter((line) => /[;,]/.test(line));
  const header = complete.slice(0, DETECT_LINES).find((line) => HEADER_HINT.test(line) && /[;,]/.test(line));
  const line = header ?? (atEnd || complete.length >= DETECT_LINES ? withSeparator[0] : undefined);
  if (line === undefined) return atEnd ? ';' : null;
  const count = (separator: string) => line.split(separator).length;
  return count(',') > count(';') ? ',' : ';';
}

class CsvTokenizer {
  private field = '';
  private cells: Cell[] = [];
  private quoted = false;
  /** A quote just closed inside a quoted field: a second one is a literal quote. */
  private quoteClosed = false;
  private fieldStarted = false;
  private afterCr = false;
  private record = 0;

  constructor(private readonly separator: string) {}

  *push(text: string): Generator<SheetRow> {
    for (const char of text) {
      const row = this.take(char);
      if (row) yield row;
    }
  }

  *end(): Generator<SheetRow> {
    if (this.fieldStarted || this.cells.length > 0 || this.field !== '') {
      this.endField();
      yield this.endRecord();
    }
  }

  private take(char: string): SheetRow | null {
    const afterCr = this.afterCr;
    this.afterCr = false;
    if (this.quoted) {
      if (char === '"') {
        this.quoted = false;
        this.quoteClosed = true;
      } else {
        this.field += char;
      }
      return null;
    }
    if (char === '"') {
      // `""` inside a quoted field is one quote; a quote opening a field starts quoting.
      if (this.quoteClosed) this.field += '"';
      if (this.quoteClosed || !this.fieldStarted) this.quoted = true;
      else this.field += char;
      this.quoteClosed = false;
      this.fieldStarted = true;
      return null;
    }
    this.quoteClosed = false;
    if (char === this.separator) {
      this.endField();
      return null;
    }
    if (char === '\n') {
      if (afterCr) return null;
      this.endField();
      return this.endRecord();
    }
    if (char === '\r') {
      this.afterCr = true;
      this.endField();
      return this.endRecord();
    }
    this.field += char;
    this.fieldStarted = true;
    return null;
  }

  private endField(): void {
    this.cells.push(this.field === '' ? { kind: 'empty' } : { kind: 'text', text: this.field });
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(): SheetRow {
    this.record += 1;
    const row: SheetRow = { sheet: 1, number: this.record, cells: this.cells };
    this.cells = [];
    return row;
  }
}
