// Finding OAI's header row: the first row, in any sheet, holding every
// required column. Names are matched in any case, with stray spaces, accents
// or underscores, so a title block of any height above it, extra columns,
// another column order or another sheet order still import.

export const OAI_FIELDS = [
  'date',
  'startTime',
  'roomNumber',
  'cardholder',
  'participants',
  'billingCode',
  'conferenceLength',
  'accumulatedTime',
  'charges',
] as const;
export type OaiField = (typeof OAI_FIELDS)[number];

export const REQUIRED_FIELDS: readonly OaiField[] = ['date', 'startTime', 'roomNumber', 'conferenceLength', 'accumulatedTime', 'charges'];

/** OAI's own header of each field (what problems name). */
export const FIELD_HEADER: Record<OaiField, string> = {
  date: 'DATE',
  startTime: 'START TIME',
  roomNumber: 'ROOM NUMBER',
  cardholder: 'CARDHOLDER',
  participants: 'PARTICIPANTS',
  billingCode: 'BILLING CODE',
  conferenceLength: 'CONFERENCE LENGTH',
  accumulatedTime: 'ACCUMULATED TIME',
  charges: 'CHARGES',
};

const BY_NAME = new Map<string, OaiField>(OAI_FIELDS.map((field) => [normalizeHeader(FIELD_HEADER[field]), field]));

/** `  Start   time ` → `START TIME`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[_\s\u00a0]+/gu, ' ')
    .trim()
    .toUpperCase();
}

/** Where each field is in a header row: 0-based column index, and the header text as the file writes it. */
export type ColumnMap = Partial<Record<OaiField, { index: number; header: string }>>;

/** The row's columns if it is OAI's header row (every required field present), else null. */
export function matchHeader(texts: readonly string[]): ColumnMap | null {
  const map: ColumnMap = {};
  texts.forEach((text, index) => {
    const field = BY_NAME.get(normalizeHeader(text));
    if (field !== undefined && map[field] === undefined) map[field] = { index, header: text.trim() };
  });
  return REQUIRED_FIELDS.every((field) => map[field] !== undefined) ? map : null;
}

/** How many of the required fields the row names (to say which are missing when no row has them all). */
export function missingRequired(texts: readonly string[]): OaiField[] {
  const named = new Set(texts.map((text) => BY_NAME.get(normalizeHeader(text))));
  return REQUIRED_FIELDS.filter((field) => !named.has(field));
}

/** A..Z, AA… of a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
