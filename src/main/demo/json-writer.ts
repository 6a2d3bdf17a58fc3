// Writes JSON straight into a growing byte buffer. Conference pages are large
// (5000 conferences ≈ 7 MB); building them as objects and then stringifying
// them spent most of the time in garbage collection. Writing bytes keeps a
// 5000-conference page in the tens of milliseconds.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonWriter {
  private buffer: Buffer;
  private length = 0;
  private cachedDay = Number.NaN;
  private cachedDayPrefix = '';

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** ASCII text that needs no escaping: punctuation, keys, known tokens. */
  raw(ascii: string): this {
    this.reserve(ascii.length);
    for (let i = 0; i < ascii.length; i++) this.buffer[this.length++] = ascii.charCodeAt(i);
    return this;
  }

  byte(code: number): this {
    this.reserve(1);
    this.buffer[this.length++] = code;
    return this;
  }

  /** A JSON string literal, or null. */
  string(value: string | null): this {
    if (value === null) return this.raw('null');
    this.byte(QUOTE);
    this.stringContent(value);
    return this.byte(QUOTE);
  }

  /** The escaped content of a string, without quotes (to compose one string from parts). */
  stringContent(value: string): this {
    this.reserve(value.length);
    const start = this.length;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x20 || code > 0x7e || code === QUOTE || code === BACKSLASH) {
        this.length = start; // rare (accents, user input): let the engine escape and encode
        return this.utf8(JSON.stringify(value).slice(1, -1));
      }
      this.buffer[this.length++] = code;
    }
    return this;
  }

  /** An integer as JSON number. */
  int(value: number): this {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return this.raw(String(value));
  }

  /** An RFC 3339 UTC instant string, '"2009-05-06T07:02:11Z"', without allocating. */
  instant(epochSeconds: number): this {
    const day = Math.floor(epochSeconds / 86400);
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11); // 'YYYY-MM-DDT'
    }
    const secondsOfDay = epochSeconds - day * 86400;
    this.byte(QUOTE).raw(this.cachedDayPrefix);
    this.twoDigits(Math.floor(secondsOfDay / 3600)).byte(0x3a);
    this.twoDigits(Math.floor((secondsOfDay % 3600) / 60)).byte(0x3a);
    return this.twoDigits(secondsOfDay % 60).byte(0x5a).byte(QUOTE);
  }

  /** 0–99, zero-padded. */
  twoDigits(value: number): this {
    return this.byte(0x30 + Math.floor(value / 10)).byte(0x30 + (value % 10));
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  toString(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }

  private utf8(text: string): this {
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
    return this;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
