// Provider text reaches the terminal through the CLI: cardholders, codes, the
// provider's error messages. A terminal obeys what it is sent (clear the
// screen, set the window title, rewrite the line, hyperlinks…), so the CLI's
// text output is stripped of escape sequences and control characters; its
// JSON output escapes them instead, so it stays exact.

/* eslint-disable no-control-regex -- control characters are what these patterns find */
/**
 * Escape sequences, whole: CSI (ESC [ or C1 0x9B, parameters, final byte);
 * OSC, DCS, SOS, PM, APC strings (ESC ] P X ^ _ or their C1 forms, up to BEL
 * or ST, or to the end when never terminated); any other ESC sequence.
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** C0 controls but the newline, DEL and C1 controls, once sequences are gone. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;
/** What JSON.stringify leaves raw and a terminal may still act on. */
const RAW_IN_JSON = /[\x7f-\x9f]/g;
/* eslint-enable no-control-regex */

/** Text as a terminal can show it without obeying it: no escape sequence, no control but the newline (a tab becomes a space). */
export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, (control) => (control === '\t' ? ' ' : ''));
}

/** Provider text inside one line of output: forTerminal, with line breaks as spaces. */
export function oneLine(text: string): string {
  return forTerminal(text.replace(/\r?\n/g, ' '));
}

/** JSON of `value`, exactly, with every control character escaped (JSON.stringify leaves DEL and C1 raw). */
export function jsonForTerminal(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}

/** The same output streams, writing only what a terminal can show (see forTerminal). */
export function terminalOutput<Io extends { stdout(text: string): void; stderr(text: string): void }>(io: Io): Io {
  return { ...io, stdout: (text: string) => io.stdout(forTerminal(text)), stderr: (text: string) => io.stderr(forTerminal(text)) };
}
